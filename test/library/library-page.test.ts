// @vitest-environment jsdom
// The library page against a real store over fake-indexeddb, driven through its DOM the way the
// browser test drives it (by data-testid): the list, search (typos, ranking, snippets), items kept
// across renders, tags, delete and undo, saves from another tab, import. Its exports are
// library-page-export.test.ts's; the harness both share is page-harness.ts.
import { describe, expect, it, vi } from 'vitest';
import { openArticleStore } from '../../src/platform/article-store';
import { draft, record } from './fixtures';
import { $, $$, titles, until, usePage } from './page-harness';

const lib = usePage();
const mount = () => lib.mount();

describe('library page', () => {
  it('shows the empty state with no articles', async () => {
    await mount();
    expect($('library-empty').hidden).toBe(false);
    expect($('library-empty').textContent).toMatch(/No saved articles yet/);
    expect($$('library-item')).toHaveLength(0);
  });

  it('lists newest first with title, site, date, reading time and excerpt, each linking to the offline reader', async () => {
    await lib.store.importRecords([record(1), record(3, { siteName: null }), record(2)]);
    await mount();
    expect(titles()).toEqual(['Story number 3', 'Story number 2', 'Story number 1']);
    const first = $$('library-item')[0]!;
    expect(first.querySelector('.meta')!.textContent).toMatch(/^example\.com · .+ · 1 min read$/);
    expect(first.querySelector('.excerpt')!.textContent).toBe('Paragraph about topic 3.');
    expect(first.querySelector<HTMLAnchorElement>('[data-testid=library-open]')!.getAttribute('href')).toBe('reader.html?id=id-00003');
    expect($('library-empty').hidden).toBe(true);
  });

  it('renders titles as text, never as markup', async () => {
    await lib.store.importRecords([record(1, { title: '<img src=x onerror=alert(1)>Hi' })]);
    await mount();
    expect($('library-item-title').textContent).toBe('<img src=x onerror=alert(1)>Hi');
    expect(document.querySelector('img')).toBeNull();
  });

  it('searches as the user types, and says when nothing matches', async () => {
    await lib.store.importRecords([record(1), record(2, { text: 'A story about lighthouses.' }), record(3)]);
    await mount();
    const search = $('library-search') as HTMLInputElement;
    search.value = 'lightho';
    search.dispatchEvent(new Event('input'));
    expect(titles()).toEqual(['Story number 2']);
    search.value = 'lighthouse submarine';
    search.dispatchEvent(new Event('input'));
    expect(titles()).toEqual([]);
    expect($('library-empty').textContent).toBe('No saved article matches this search.');
  });

  it('forgives a typo, ranks title matches first, and shows a snippet with the matched words marked', async () => {
    await lib.store.importRecords([
      record(1, { title: 'Lighthouses of the north', text: 'Keepers lived there.' }),
      record(2, { text: 'Before dawn. A story about <img src=x onerror=alert(1)> lighthouses on rocks.' }),
      record(3),
    ]);
    await mount();
    const search = $('library-search') as HTMLInputElement;
    search.value = 'lighthuoses';
    search.dispatchEvent(new Event('input'));
    expect(titles()).toEqual(['Lighthouses of the north', 'Story number 2']);
    await until(() => expect($$('library-snippet')).toHaveLength(1));
    const item = $$('library-item')[1]!;
    expect(item.querySelector('[data-testid=library-snippet]')!.textContent).toBe('…dawn. A story about <img src=x onerror=alert(1)> lighthouses on rocks.');
    expect([...item.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['lighthouses']);
    expect(document.querySelector('img')).toBeNull();
    expect(item.querySelector<HTMLElement>('.excerpt')!.hidden).toBe(true);
    // Clearing the search puts the excerpts back.
    search.value = '';
    search.dispatchEvent(new Event('input'));
    expect($$('library-snippet')).toHaveLength(0);
    expect($$('library-item').every((el) => !el.querySelector<HTMLElement>('.excerpt')?.hidden)).toBe(true);
  });

  it('keeps the items a user is about to click when the list renders again', async () => {
    await lib.store.importRecords([record(1), record(2)]);
    const page = await mount();
    const [second, first] = [...$$('library-item')].reverse();
    const typing = first!.querySelector<HTMLInputElement>('[data-testid=library-tag-input]')!;
    typing.value = 'half typ';
    page.render(); // as when indexing finishes or another tab saves
    expect($$('library-item')).toEqual([first, second]);
    expect(first!.isConnected && second!.isConnected).toBe(true);
    expect(typing.value).toBe('half typ');
    // An article that changed is drawn again, the other one is left alone.
    second!.querySelector<HTMLInputElement>('[data-testid=library-tag-input]')!.value = 'new';
    second!.querySelector('[data-testid=library-tag-input]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await until(() => expect($$('library-item')[1]!.querySelector('.tag')?.textContent).toContain('new'));
    expect($$('library-item')[0]).toBe(first);
    expect($$('library-item')[1]).not.toBe(second);
  });

  it('adds and removes tags and filters by tag', async () => {
    await lib.store.importRecords([record(1), record(2)]);
    await mount();
    const input = $$('library-item')[1]!.querySelector<HTMLInputElement>('[data-testid=library-tag-input]')!;
    input.value = 'Long Reads';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await until(async () => expect((await lib.store.get('id-00001'))!.tags).toEqual(['long reads']));
    await until(() => expect($$('library-item')[1]!.querySelector('.tag')?.textContent).toContain('long reads'));
    const filter = $('library-tag-filter') as HTMLSelectElement;
    expect([...filter.options].map((o) => o.textContent)).toEqual(['All tags', 'long reads (1)']);
    filter.value = 'long reads';
    filter.dispatchEvent(new Event('change'));
    expect(titles()).toEqual(['Story number 1']);
    $$('library-item')[0]!.querySelector<HTMLButtonElement>('[data-action=remove-tag]')!.click();
    // The filter's tag is gone, so the filter resets and everything shows again.
    await until(() => expect(titles()).toEqual(['Story number 2', 'Story number 1']));
    expect((await lib.store.get('id-00001'))!.tags).toEqual([]);
  });

  it('deletes with undo: the record comes back exactly', async () => {
    await lib.store.importRecords([record(1, { tags: ['keep'], progress: 0.5 }), record(2)]);
    await mount();
    $$('library-item')[1]!.querySelector<HTMLButtonElement>('[data-testid=library-delete]')!.click();
    await until(() => expect(titles()).toEqual(['Story number 2']));
    expect(await lib.store.get('id-00001')).toBeNull();
    expect($('library-undo').closest<HTMLElement>('.toast')!.hidden).toBe(false);
    $('library-undo').click();
    await until(() => expect(titles()).toEqual(['Story number 2', 'Story number 1']));
    expect(await lib.store.get('id-00001')).toEqual(record(1, { tags: ['keep'], progress: 0.5 }));
  });

  it('follows saves made by another connection (a tab saving while the library is open)', async () => {
    await mount();
    const background = await openArticleStore(lib.name);
    await background.saveDraft(draft(9), 'https://example.com/from-a-tab');
    background.close();
    await vi.waitFor(() => expect(titles()).toEqual(['Story number 9']));
  });

  it('imports a file and reports what landed and what was skipped, with reasons', async () => {
    await lib.store.importRecords([record(1)]);
    const page = await mount();
    const file = JSON.stringify({ format: 'readwell-library', version: 1, articles: [record(1, { title: 'Renamed', updatedAt: record(1).updatedAt + 1 }), record(2), { ...record(3), dir: 'sideways' }] });
    page.showReport(await page.model.importJson(file));
    page.render();
    const report = $('library-import-report');
    expect(report.hidden).toBe(false);
    expect(report.textContent).toContain('Imported: 1 new, 1 merged with a copy already saved, 0 already up to date.');
    expect(report.textContent).toContain('Article 3 “Story number 3”: dir is neither ltr nor rtl');
    expect(titles()).toEqual(['Story number 2', 'Renamed']);
  });

  it('reports a file that is not an export without touching the library', async () => {
    await lib.store.importRecords([record(1)]);
    const page = await mount();
    page.showReport(await page.model.importJson('{"hello": 1}'));
    expect($('library-import-report').textContent).toBe('Nothing was imported: The file is not a Readwell library export.');
    expect(await lib.store.count()).toBe(1);
  });
});
