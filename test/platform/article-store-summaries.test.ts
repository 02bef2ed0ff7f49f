// The summaries store beside the articles (database version 3): a version 2 database opens with
// nothing lost, every valid article gets its summary, and every write keeps the two in step, so
// the list the library reads from summaries alone is always the list of the articles.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { DB_VERSION, openArticleStore, type ArticleStore } from '../../src/platform/article-store';
import type { ArticleRecord } from '../../src/shared/article-record';
import { summaryOf } from '../../src/shared/article-summary';
import { storedSearchForm, searchForm } from '../../src/shared/search-form';
import { draft, record } from '../library/fixtures';
import { freshStores, request } from './store-harness';

const fresh = freshStores('test-summaries');
/** For the names of databases a test builds by hand. */
let n = 0;

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

/**
 * A database exactly as version 2 of Readwell left it: the articles store with its url and savedAt
 * indexes, and the search store with the form version 2 wrote for each valid record.
 */
async function versionTwo(name: string, records: unknown[], formsFor: ArticleRecord[]): Promise<void> {
  const open = indexedDB.open(name, 2);
  open.onupgradeneeded = () => {
    const store = open.result.createObjectStore('articles', { keyPath: 'id' });
    store.createIndex('url', 'url', { unique: true });
    store.createIndex('savedAt', 'savedAt');
    open.result.createObjectStore('search', { keyPath: 'id' });
  };
  const db = await request(open);
  const tx = db.transaction(['articles', 'search'], 'readwrite');
  for (const r of records) tx.objectStore('articles').put(r);
  for (const r of formsFor) tx.objectStore('search').put(storedSearchForm(r.id, r));
  await committed(tx);
  db.close();
}

async function rawStore(name: string, store: string): Promise<unknown[]> {
  const db = await request(indexedDB.open(name));
  const all = await request(db.transaction(store).objectStore(store).getAll());
  db.close();
  return all;
}

const titles = async (store: ArticleStore) => (await store.loadSummaries()).summaries.map((s) => s.title);

describe('article store: upgrade from version 2', () => {
  it('keeps every record and form exactly, lists every valid article newest first, and counts the broken one', async () => {
    const name = `test-v2-${n++}`;
    const records = [record(1, { tags: ['work'], progress: 0.5 }), record(3, { title: '東京の地下鉄', byline: null }), record(2, { leadImage: 'https://example.com/a.jpg' })];
    const broken = { id: 'broken', url: 'https://example.com/broken', savedAt: 5, title: 42 };
    await versionTwo(name, [...records, broken], records);
    const formsBefore = await rawStore(name, 'search');

    const store = await fresh(name);
    expect(DB_VERSION).toBeGreaterThanOrEqual(3);
    const { summaries, unreadable } = await store.loadSummaries();
    expect(summaries).toEqual([record(3, { title: '東京の地下鉄', byline: null }), record(2, { leadImage: 'https://example.com/a.jpg' }), record(1, { tags: ['work'], progress: 0.5 })].map(summaryOf));
    expect(summaries[0]).not.toHaveProperty('html');
    expect(summaries[0]).not.toHaveProperty('text');
    expect(unreadable).toBe(1);
    // Nothing the user saved changed, the broken entry included, and the forms are as they were.
    expect(await rawStore(name, 'articles')).toEqual([broken, ...records].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(await rawStore(name, 'search')).toEqual(formsBefore);
    expect((await store.loadAll()).records.map((r) => r.id)).toEqual(['id-00003', 'id-00002', 'id-00001']);
  });

  it('leaves version 2 as it was when the upgrade fails part way, and upgrades on the next open', async () => {
    const name = `test-v2-${n++}`;
    const records = Array.from({ length: 5 }, (_, i) => record(i));
    await versionTwo(name, records, records);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(openArticleStore(name)).rejects.toMatchObject({ name: 'StoreError' });
    vi.restoreAllMocks();

    const db = await request(indexedDB.open(name));
    expect(db.version).toBe(2);
    expect([...db.objectStoreNames].sort()).toEqual(['articles', 'search']);
    db.close();
    expect(await rawStore(name, 'articles')).toEqual(records);
    const store = await fresh(name);
    expect(await titles(store)).toEqual(['Story number 4', 'Story number 3', 'Story number 2', 'Story number 1', 'Story number 0']);
  });

  it('a version 1 database gets both its forms and its summaries in the one upgrade', async () => {
    const name = `test-v1-${n++}`;
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore('articles', { keyPath: 'id' });
      store.createIndex('url', 'url', { unique: true });
      store.createIndex('savedAt', 'savedAt');
    };
    const db = await request(open);
    const tx = db.transaction('articles', 'readwrite');
    tx.objectStore('articles').put(record(1));
    await committed(tx);
    db.close();

    const store = await fresh(name);
    expect((await store.loadSummaries()).summaries).toEqual([summaryOf(record(1))]);
    expect((await store.loadSearchForms()).get('id-00001')).toBe(searchForm(record(1)));
  });
});

describe('article store: summaries follow the records', () => {
  it('a save, a re-save, tags and progress each rewrite the summary; a delete removes it and undo brings it back', async () => {
    const store = await fresh();
    const { record: first } = await store.saveDraft(draft(1), 'https://example.com/a', 1000);
    expect((await store.loadSummaries()).summaries).toEqual([summaryOf(first)]);
    await store.saveDraft(draft(1, { title: 'Rewritten title' }), 'https://example.com/a', 2000);
    expect(await titles(store)).toEqual(['Rewritten title']);
    await store.setTags(first.id, ['harbour']);
    await store.setProgress(first.id, 0.4);
    const [summary] = (await store.loadSummaries()).summaries;
    expect(summary).toMatchObject({ tags: ['harbour'], progress: 0.4, updatedAt: 2000 });
    expect(summary).toEqual(summaryOf((await store.get(first.id))!));

    const deleted = await store.delete(first.id);
    expect(await store.loadSummaries()).toEqual({ summaries: [], unreadable: 0 });
    await store.restore(deleted!.record, deleted!.images);
    expect((await store.loadSummaries()).summaries).toEqual([summary]);
  });

  it('an import lists what landed (merged into the stored copy of a URL), and clearing empties the list', async () => {
    const name = `test-summaries-${n++}`;
    const store = await fresh(name);
    await store.saveDraft(draft(2, { title: 'Older copy' }), 'https://example.com/story-2', 1);
    await store.importRecords([record(1), record(2, { tags: ['kept'] })]);
    const { summaries, unreadable } = await store.loadSummaries();
    // The merge keeps the first save time (1), so the merged copy lists last.
    expect(summaries.map((s) => [s.title, s.tags])).toEqual([
      ['Story number 1', []],
      ['Story number 2', ['kept']],
    ]);
    expect(unreadable).toBe(0);
    const { records } = await store.loadAll();
    expect(summaries).toEqual(records.map(summaryOf));

    await store.clear();
    expect(await rawStore(name, 'summaries')).toEqual([]);
    expect((await store.loadSummaries()).summaries).toEqual([]);
  });

  it('a save that runs out of space on the summary lands nothing: no record without its summary', async () => {
    const name = `test-summaries-${n++}`;
    const store = await fresh(name);
    const original = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'summaries') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args as Parameters<IDBObjectStore['put']>);
    });
    await expect(store.saveDraft(draft(1), 'https://example.com/a')).rejects.toMatchObject({ code: 'quota' });
    vi.restoreAllMocks();
    expect(await rawStore(name, 'articles')).toEqual([]);
    expect(await rawStore(name, 'search')).toEqual([]);
  });
});
