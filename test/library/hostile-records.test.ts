// @vitest-environment jsdom
// Issue 9, item 1, as the user met it: one imported record with savedAt = 9e15 imported as
// "1 new"; after a reload the library stayed on "Loading…" with no articles (RangeError: Invalid
// time value), the good records could be neither seen nor deleted, and the offline reader was
// blank. Here the same file is imported through the library page over a real store
// (fake-indexeddb), the page is opened again, and a record an older version already stored is
// put straight into IndexedDB.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDB } from 'idb';
import { DB_VERSION, openArticleStore, type ArticleStore } from '../../src/platform/article-store';
import { LibraryPage } from '../../src/library/library-page';
import { renderArticle } from '../../src/library/reader-view';
import { safeItemElement } from '../../src/library/library-view';
import { formatDate } from '../../src/library/dom';
import { record } from './fixtures';

let n = 0;
const open: ArticleStore[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

const $ = (id: string) => document.querySelector<HTMLElement>(`[data-testid=${id}]`)!;
const titles = () => [...document.querySelectorAll('[data-testid=library-item-title]')].map((e) => e.textContent);
const status = () => document.querySelector('.status')!.textContent;

async function mount(name: string): Promise<LibraryPage> {
  document.body.replaceChildren();
  const store = await openArticleStore(name);
  open.push(store);
  const page = new LibraryPage(document, store);
  await page.start();
  return page;
}

const exportFile = (articles: unknown[]) => JSON.stringify({ format: 'readwell-library', version: 1, exportedAt: '2025-01-01T00:00:00Z', articles });

describe('one bad record never hides the library', () => {
  it('an import with savedAt 9e15 skips that record with its reason, and after a reload every good article is listed', async () => {
    const name = `hostile-${n++}`;
    const page = await mount(name);
    const far = { ...record(2), savedAt: 9e15, updatedAt: 9e15 };
    page.showReport(await page.model.importJson(exportFile([record(1), far, record(3)])));
    expect($('library-import-report').textContent).toContain('Imported: 2 new');
    expect($('library-import-report').textContent).toContain('Article 2 “Story number 2”: savedAt is not a time');
    await mount(name);
    expect(titles()).toEqual(['Story number 3', 'Story number 1']);
    expect(status()).toBe('2 articles');
  });

  it('a record an older Readwell stored with savedAt 9e15 leaves the others listed and deletable, and is counted', async () => {
    const name = `hostile-${n++}`;
    (await mount(name)).model; // creates the database at the current version
    open.pop()!.close();
    const db = await openDB(name, DB_VERSION);
    // As that version wrote them: each record with its summary (the record minus html and text).
    for (const r of [record(1), { ...record(2), savedAt: 9e15, updatedAt: 9e15 }, record(3)]) {
      const { html: _html, text: _text, ...summary } = r;
      await db.put('articles', r);
      await db.put('summaries', summary);
    }
    db.close();

    await mount(name);
    expect(titles()).toEqual(['Story number 3', 'Story number 1']);
    expect(status()).toBe('2 articles · 1 stored entry could not be read'); // one entry: the singular (it said "1 stored entries")
    document.querySelector<HTMLElement>('[data-id="id-00001"] [data-testid=library-delete]')!.click();
    await vi.waitFor(() => expect(titles()).toEqual(['Story number 3']), { timeout: 5000, interval: 10 });
  });

  it('behind the validator, rendering still never throws: a date it cannot show and an item it cannot build', () => {
    expect(formatDate(9e15)).toBe('unknown date');
    const { html: _h, text: _t, ...summary } = record(4);
    const item = safeItemElement(document, { ...summary, tags: null as unknown as string[] });
    expect(item.textContent).toContain('This saved article could not be shown.');
    expect(item.getAttribute('data-id')).toBe('id-00004');
    expect(item.querySelector('[data-action=delete]')).not.toBeNull();
  });

  it('the offline reader says a damaged copy is damaged, and shows the good ones', async () => {
    const name = `hostile-${n++}`;
    const store = await openArticleStore(name);
    open.push(store);
    await store.importRecords([record(1)]);
    const db = await openDB(name, DB_VERSION);
    await db.put('articles', { ...record(2), savedAt: 9e15, updatedAt: 9e15 });
    db.close();
    await expect(store.get('id-00002')).rejects.toThrow('The saved copy is damaged: savedAt is not a time.');
    renderArticle(document, (await store.get('id-00001'))!);
    expect($('reader-page-title').textContent).toBe('Story number 1');
    expect(document.querySelector('.meta')!.textContent).toMatch(/Saved \w{3} \d{1,2}, 2023/);
  });
});
