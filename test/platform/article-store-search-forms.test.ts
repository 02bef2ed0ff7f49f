// The search store beside the articles: upgraded from version 1 without losing anything, and kept
// in step with every write.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { DB_VERSION, openArticleStore } from '../../src/platform/article-store';
import { buildExport, serializeExport } from '../../src/shared/library-export';
import { parseImport } from '../../src/shared/library-import';
import { LibrarySearch } from '../../src/shared/library-search';
import { searchForm, SEARCH_FORM_VERSION } from '../../src/shared/search-form';
import type { ArticleRecord } from '../../src/shared/article-record';
import { draft, record } from '../library/fixtures';
import { freshStores, request } from './store-harness';

const fresh = freshStores('test-forms');
/** For the names of databases a test builds by hand. */
let n = 0;

/** A database exactly as version 1 of Readwell created it, holding `records` (and raw extras). */
async function versionOne(name: string, records: unknown[]): Promise<void> {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    const store = open.result.createObjectStore('articles', { keyPath: 'id' });
    store.createIndex('url', 'url', { unique: true });
    store.createIndex('savedAt', 'savedAt');
  };
  const db = await request(open);
  const tx = db.transaction('articles', 'readwrite');
  for (const r of records) tx.objectStore('articles').put(r);
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

async function rawForms(name: string): Promise<Map<string, { v: number; tokens: string }>> {
  const db = await request(indexedDB.open(name));
  const all = (await request(db.transaction('search').objectStore('search').getAll())) as { id: string; v: number; tokens: string }[];
  db.close();
  return new Map(all.map((f) => [f.id, f]));
}

function indexOf(records: ArticleRecord[], forms: Map<string, string>): LibrarySearch {
  const index = new LibrarySearch();
  for (const r of records) index.addForm(r.id, r.savedAt, forms.get(r.id)!);
  index.compact();
  return index;
}

describe('article store: upgrade from version 1', () => {
  it('keeps every record exactly and makes all of them searchable', async () => {
    const name = `test-upgrade-${n++}`;
    const records = [
      record(1, { tags: ['work'], progress: 0.5 }),
      record(2, { text: 'Der Bürgermeister von Zürich sprach über Straßenbahnen.' }),
      record(3, { title: '東京の地下鉄', byline: null, siteName: null }),
    ];
    await versionOne(name, [...records, { id: 'broken', url: 'https://example.com/broken', savedAt: 5, title: 42 }]);

    const store = await fresh(name);
    expect(DB_VERSION).toBeGreaterThanOrEqual(3);
    const { records: loaded, unreadable } = await store.loadAll();
    const searchForms = await store.loadSearchForms();
    expect(loaded).toEqual([...records].reverse());
    // An entry that was unreadable before is still there, still reported, and never dropped.
    expect(unreadable).toEqual([{ key: 'broken', reason: 'title is not text' }]);
    expect([...searchForms.keys()].sort()).toEqual(['id-00001', 'id-00002', 'id-00003']);
    for (const r of records) expect(searchForms.get(r.id)).toBe(searchForm(r));

    const index = indexOf(loaded, searchForms);
    expect(index.search('burgermeister strassenbahn')).toEqual(['id-00002']);
    expect(index.search('地下')).toEqual(['id-00003']);
    expect(index.search('container')).toEqual(['id-00003', 'id-00001']);
    expect(index.search('ada writer')).toEqual(['id-00002', 'id-00001']);
  });

  it('opens an empty version 1 database, and the upgraded one keeps working for saves', async () => {
    const name = `test-upgrade-${n++}`;
    await versionOne(name, []);
    const store = await fresh(name);
    const { record: saved } = await store.saveDraft(draft(7), 'https://example.com/seven');
    const searchForms = await store.loadSearchForms();
    expect(searchForms.get(saved.id)).toBe(searchForm(saved));
  });

  it('leaves version 1 and every record as they were when the upgrade fails part way', async () => {
    const name = `test-upgrade-${n++}`;
    const records = Array.from({ length: 5 }, (_, i) => record(i));
    await versionOne(name, records);
    // A full disk while writing the forms: the upgrade transaction aborts as a whole.
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(openArticleStore(name)).rejects.toMatchObject({ name: 'StoreError' });
    vi.restoreAllMocks();

    const db = await request(indexedDB.open(name));
    expect(db.version).toBe(1);
    expect([...db.objectStoreNames]).toEqual(['articles']);
    expect(await request(db.transaction('articles').objectStore('articles').getAll())).toEqual(records);
    db.close();
    // The next open upgrades.
    const store = await fresh(name);
    expect((await store.loadSearchForms()).size).toBe(5);
  });
});

describe('article store: search forms follow the records', () => {
  it('writes the form with a save and a re-save, and removes it with a delete; undo puts it back', async () => {
    const name = `test-forms-${n++}`;
    const store = await fresh(name);
    const { record: first } = await store.saveDraft(draft(1), 'https://example.com/a', 1000);
    expect((await rawForms(name)).get(first.id)).toEqual({ id: first.id, v: SEARCH_FORM_VERSION, tokens: searchForm(first) });
    const { record: again } = await store.saveDraft(draft(1, { text: 'Rewritten about lighthouses.' }), 'https://example.com/a', 2000);
    expect((await rawForms(name)).get(first.id)!.tokens).toBe(searchForm(again));
    expect(searchForm(again)).toContain(' lighthouses');

    const deleted = await store.delete(first.id);
    expect((await rawForms(name)).has(first.id)).toBe(false);
    await store.restore(deleted!.record, deleted!.images);
    expect((await rawForms(name)).get(first.id)!.tokens).toBe(searchForm(again));
  });

  it('keeps the form when only tags or progress change', async () => {
    const name = `test-forms-${n++}`;
    const store = await fresh(name);
    const { record: r } = await store.saveDraft(draft(1), 'https://example.com/a');
    await store.setTags(r.id, ['x']);
    await store.setProgress(r.id, 0.3);
    expect((await rawForms(name)).get(r.id)!.tokens).toBe(searchForm(r));
  });

  it('computes forms on import (never from the file, which has none) and clears them with the library', async () => {
    const name = `test-forms-${n++}`;
    const source = await fresh();
    await source.importRecords([record(1), record(2, { text: 'Only here: zeppelins.' })]);
    const json = serializeExport(buildExport((await source.loadAll()).records, new Date(0)));
    expect(json).not.toContain('tokens');

    const store = await fresh(name);
    await store.saveDraft(draft(2, { text: 'Older copy.' }), 'https://example.com/story-2', 1);
    const parsed = parseImport(json);
    if (!parsed.ok) throw new Error(parsed.reason);
    await store.importRecords(parsed.records);
    const { records } = await store.loadAll();
    const searchForms = await store.loadSearchForms();
    expect(searchForms.size).toBe(2);
    for (const r of records) expect(searchForms.get(r.id)).toBe(searchForm(r));
    expect(indexOf(records, searchForms).search('zeppelin')).toHaveLength(1);

    await store.clear();
    expect((await rawForms(name)).size).toBe(0);
  });

  it('does not hand back forms of another tokenizer version (the caller tokenizes those records)', async () => {
    const name = `test-forms-${n++}`;
    const store = await fresh(name);
    const { record: r } = await store.saveDraft(draft(1), 'https://example.com/a');
    const db = await request(indexedDB.open(name));
    await request(db.transaction('search', 'readwrite').objectStore('search').put({ id: r.id, v: SEARCH_FORM_VERSION + 1, tokens: ' other' }));
    db.close();
    expect((await store.loadSearchForms()).has(r.id)).toBe(false);
  });
});
