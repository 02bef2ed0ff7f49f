// @vitest-environment jsdom
// The library page against a real store over fake-indexeddb, driven through its DOM the way the
// browser test drives it (by data-testid).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openArticleStore, type ArticleStore } from '../../src/platform/article-store';
import { LibraryPage } from '../../src/library/library-page';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readZip } from '../../scripts/zip.mjs';
import { draft, record } from './fixtures';

let n = 0;
let store: ArticleStore;
const $ = (id: string) => document.querySelector<HTMLElement>(`[data-testid=${id}]`)!;
const $$ = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-testid=${id}]`)];
const titles = () => $$('library-item-title').map((e) => e.textContent);
/** Clicks start IndexedDB work the test cannot await; wait for what the user would see. */
const until = (check: () => void | Promise<void>) => vi.waitFor(check, { timeout: 5000, interval: 10 });

async function mount(): Promise<LibraryPage> {
  const page = new LibraryPage(document, store);
  await page.start();
  return page;
}

beforeEach(async () => {
  document.body.replaceChildren();
  store = await openArticleStore(`test-page-${n++}`);
});
afterEach(() => {
  store.close();
  vi.restoreAllMocks();
});

describe('library page', () => {
  it('shows the empty state with no articles', async () => {
    await mount();
    expect($('library-empty').hidden).toBe(false);
    expect($('library-empty').textContent).toMatch(/No saved articles yet/);
    expect($$('library-item')).toHaveLength(0);
  });

  it('lists newest first with title, site, date, reading time and excerpt, each linking to the offline reader', async () => {
    await store.importRecords([record(1), record(3, { siteName: null }), record(2)]);
    await mount();
    expect(titles()).toEqual(['Story number 3', 'Story number 2', 'Story number 1']);
    const first = $$('library-item')[0]!;
    expect(first.querySelector('.meta')!.textContent).toMatch(/^example\.com · .+ · 1 min read$/);
    expect(first.querySelector('.excerpt')!.textContent).toBe('Paragraph about topic 3.');
    expect(first.querySelector<HTMLAnchorElement>('[data-testid=library-open]')!.getAttribute('href')).toBe('reader.html?id=id-00003');
    expect($('library-empty').hidden).toBe(true);
  });

  it('renders titles as text, never as markup', async () => {
    await store.importRecords([record(1, { title: '<img src=x onerror=alert(1)>Hi' })]);
    await mount();
    expect($('library-item-title').textContent).toBe('<img src=x onerror=alert(1)>Hi');
    expect(document.querySelector('img')).toBeNull();
  });

  it('searches as the user types, and says when nothing matches', async () => {
    await store.importRecords([record(1), record(2, { text: 'A story about lighthouses.' }), record(3)]);
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
    await store.importRecords([
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
    await store.importRecords([record(1), record(2)]);
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
    await store.importRecords([record(1), record(2)]);
    await mount();
    const input = $$('library-item')[1]!.querySelector<HTMLInputElement>('[data-testid=library-tag-input]')!;
    input.value = 'Long Reads';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await until(async () => expect((await store.get('id-00001'))!.tags).toEqual(['long reads']));
    await until(() => expect($$('library-item')[1]!.querySelector('.tag')?.textContent).toContain('long reads'));
    const filter = $('library-tag-filter') as HTMLSelectElement;
    expect([...filter.options].map((o) => o.textContent)).toEqual(['All tags', 'long reads (1)']);
    filter.value = 'long reads';
    filter.dispatchEvent(new Event('change'));
    expect(titles()).toEqual(['Story number 1']);
    $$('library-item')[0]!.querySelector<HTMLButtonElement>('[data-action=remove-tag]')!.click();
    // The filter's tag is gone, so the filter resets and everything shows again.
    await until(() => expect(titles()).toEqual(['Story number 2', 'Story number 1']));
    expect((await store.get('id-00001'))!.tags).toEqual([]);
  });

  it('deletes with undo: the record comes back exactly', async () => {
    await store.importRecords([record(1, { tags: ['keep'], progress: 0.5 }), record(2)]);
    await mount();
    $$('library-item')[1]!.querySelector<HTMLButtonElement>('[data-testid=library-delete]')!.click();
    await until(() => expect(titles()).toEqual(['Story number 2']));
    expect(await store.get('id-00001')).toBeNull();
    expect($('library-undo').closest<HTMLElement>('.toast')!.hidden).toBe(false);
    $('library-undo').click();
    await until(() => expect(titles()).toEqual(['Story number 2', 'Story number 1']));
    expect(await store.get('id-00001')).toEqual(record(1, { tags: ['keep'], progress: 0.5 }));
  });

  it('follows saves made by another connection (a tab saving while the library is open)', async () => {
    await mount();
    const background = await openArticleStore(`test-page-${n - 1}`);
    await background.saveDraft(draft(9), 'https://example.com/from-a-tab');
    background.close();
    await vi.waitFor(() => expect(titles()).toEqual(['Story number 9']));
  });

  it('exports all as a JSON download', async () => {
    await store.importRecords([record(1)]);
    const page = await mount();
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => (blobs.push(b), 'blob:x'));
    URL.revokeObjectURL = vi.fn();
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    await page.exportAll();
    expect(clicks).toEqual([expect.stringMatching(/^readwell-library-\d{4}-\d\d-\d\d\.json$/)]);
    const data = JSON.parse(await blobs[0]!.text());
    expect(data).toMatchObject({ format: 'readwell-library', version: 1, articles: [record(1)] });
  });

  it('exports one article, or the ticked ones, as an EPUB download; the selection outlives a search', async () => {
    await store.importRecords([record(1), record(2, { text: 'A story about lighthouses.' }), record(3)]);
    const page = await mount();
    const downloads: { name: string; blob: Blob }[] = [];
    let last: Blob | null = null;
    URL.createObjectURL = vi.fn((b: Blob) => ((last = b), 'blob:x'));
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push({ name: this.download, blob: last! });
    });
    const chapters = async (blob: Blob) => {
      const file = join(mkdtempSync(join(tmpdir(), 'readwell-page-')), 'book.epub');
      writeFileSync(file, new Uint8Array(await blob.arrayBuffer()));
      const nav = readZip(file).get('OEBPS/nav.xhtml')!.toString('utf8');
      return [...nav.matchAll(/<li><a href="[^"]+">([^<]*)<\/a><\/li>/g)].map((m) => m[1]);
    };
    const button = $('library-export-epub') as HTMLButtonElement;
    expect(button.disabled).toBe(true);

    $$('library-export-epub-one')[2]!.click();
    await until(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toBe('Story number 1.epub');
    expect(downloads[0]!.blob.type).toBe('application/epub+zip');
    expect(await chapters(downloads[0]!.blob)).toEqual(['Story number 1']);

    const tick = (i: number) => {
      const box = $$('library-select')[i] as HTMLInputElement;
      box.click(); // toggles and fires change, as a user's click does
    };
    tick(0);
    tick(2);
    expect(button.textContent).toBe('Export 2 selected (EPUB)');
    // A search that hides one of them, then clearing it: both are still ticked.
    const search = $('library-search') as HTMLInputElement;
    search.value = 'lighthouses';
    search.dispatchEvent(new Event('input'));
    search.value = '';
    search.dispatchEvent(new Event('input'));
    expect($$('library-select').map((b) => (b as HTMLInputElement).checked)).toEqual([true, false, true]);
    button.click();
    await until(() => expect(downloads).toHaveLength(2));
    expect(downloads[1]!.name).toMatch(/^readwell-articles-\d{4}-\d\d-\d\d\.epub$/);
    expect(await chapters(downloads[1]!.blob)).toEqual(['Story number 3', 'Story number 1']);
    expect($('library-undo').closest<HTMLElement>('.toast')!.textContent).toContain('Exported 2 articles as EPUB. Images are not included: each is linked to its site.');

    // A deleted article leaves the selection.
    await page.delete('id-00003');
    expect(button.textContent).toBe('Export 1 selected (EPUB)');
  });

  it('imports a file and reports what landed and what was skipped, with reasons', async () => {
    await store.importRecords([record(1)]);
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
    await store.importRecords([record(1)]);
    const page = await mount();
    page.showReport(await page.model.importJson('{"hello": 1}'));
    expect($('library-import-report').textContent).toBe('Nothing was imported: The file is not a Readwell library export.');
    expect(await store.count()).toBe(1);
  });
});
