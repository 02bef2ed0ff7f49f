import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoreError } from '../../src/platform/article-store';
import { t } from '../../src/shared/strings/t';
import { draft, record } from '../library/fixtures';
import { useFreshStores } from './fresh-stores';

const { fresh, newName } = useFreshStores('test-store');

afterEach(() => {
  vi.restoreAllMocks();
});

/** A put that fails the way a full disk makes it fail. */
function failPutsAfter(allowed: number) {
  const original = IDBObjectStore.prototype.put;
  let calls = 0;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
    if (calls++ >= allowed) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return original.apply(this, args as Parameters<IDBObjectStore['put']>);
  });
}

describe('article store: saving', () => {
  it('saves a draft under the URL the background saw, not the one the page claims', async () => {
    const store = await fresh();
    const { record: saved, updated } = await store.saveDraft(draft(1), 'https://real.example/path?q=1', 5000);
    expect(updated).toBe(false);
    expect(saved.url).toBe('https://real.example/path?q=1');
    expect(saved.canonicalUrl).toBe('https://example.com/story-1');
    expect(saved).toMatchObject({ savedAt: 5000, updatedAt: 5000, tags: [], progress: 0, title: 'Story number 1' });
    expect(await store.get(saved.id)).toEqual(saved);
  });

  it('lands all of 100 concurrent saves from different tabs', async () => {
    const store = await fresh();
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => store.saveDraft(draft(i), `https://example.com/story-${i}`, 1000 + i)));
    expect(results.every((r) => !r.updated)).toBe(true);
    expect(new Set(results.map((r) => r.record.id)).size).toBe(100);
    expect(await store.count()).toBe(100);
    const { records } = await store.loadAll();
    expect(records.map((r) => r.url)).toEqual(Array.from({ length: 100 }, (_, i) => `https://example.com/story-${99 - i}`));
  });

  it('lands concurrent saves made through separate connections (background, library, reader pages)', async () => {
    const name = newName('shared');
    const a = await fresh(name);
    const b = await fresh(name);
    await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).saveDraft(draft(i), `https://example.com/${i}`)));
    expect(await a.count()).toBe(50);
  });

  it('updates the record when the same URL is saved again, keeping id, first save, tags and progress', async () => {
    const store = await fresh();
    const first = await store.saveDraft(draft(1), 'https://example.com/a', 1000);
    await store.setTags(first.record.id, ['Work', 'later']);
    await store.setProgress(first.record.id, 0.4);
    const again = await store.saveDraft(draft(1, { title: 'Corrected title' }), 'https://example.com/a', 9000);
    expect(again.updated).toBe(true);
    expect(again.record).toMatchObject({ id: first.record.id, savedAt: 1000, updatedAt: 9000, title: 'Corrected title', tags: ['work', 'later'], progress: 0.4 });
    expect(await store.count()).toBe(1);
  });

  it('does not duplicate when the same URL is saved many times at once', async () => {
    const store = await fresh();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.saveDraft(draft(i), 'https://example.com/same', 1000 + i)));
    expect(results.filter((r) => !r.updated)).toHaveLength(1);
    expect(await store.count()).toBe(1);
  });

  it('refuses a draft that cannot make a valid record, with the reason', async () => {
    const store = await fresh();
    await expect(store.saveDraft(draft(1), 'chrome://settings')).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('url') });
    await expect(store.saveDraft(draft(1, { wordCount: -3 }), 'https://example.com/x')).rejects.toMatchObject({ code: 'invalid' });
    expect(await store.count()).toBe(0);
  });
});

describe('article store: a full disk', () => {
  it('surfaces a quota error as code quota with a plain message and changes nothing', async () => {
    const store = await fresh();
    const kept = await store.saveDraft(draft(1), 'https://example.com/kept', 1000);
    failPutsAfter(0);
    const error = await store.saveDraft(draft(2), 'https://example.com/new').catch((e) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'quota', message: t('save_quota') });
    const resave = await store.saveDraft(draft(1, { title: 'Changed' }), 'https://example.com/kept').catch((e) => e);
    expect(resave).toMatchObject({ code: 'quota' });
    vi.restoreAllMocks();
    const { records } = await store.loadAll();
    expect(records).toEqual([kept.record]);
  });

  it('rolls back an import that runs out of space part way: all or nothing', async () => {
    const store = await fresh();
    await store.importRecords([record(0)]);
    failPutsAfter(5);
    await expect(store.importRecords(Array.from({ length: 20 }, (_, i) => record(i + 1)))).rejects.toMatchObject({ code: 'quota' });
    vi.restoreAllMocks();
    expect((await store.loadAll()).records).toEqual([record(0)]);
  });

  it('treats a transaction aborted with QuotaExceededError as quota too', async () => {
    const store = await fresh();
    // Browsers often report a full disk on the transaction rather than on the request.
    const original = IDBObjectStore.prototype.put;
    // A save puts the record and its search form: abort each transaction once.
    const aborted = new WeakSet<IDBTransaction>();
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      const request = original.apply(this, args as Parameters<IDBObjectStore['put']>);
      const tx = this.transaction;
      if (aborted.has(tx)) return request;
      aborted.add(tx);
      queueMicrotask(() => {
        Object.defineProperty(tx, 'error', { value: new DOMException('full', 'QuotaExceededError') });
        tx.abort();
      });
      return request;
    });
    await expect(store.saveDraft(draft(1), 'https://example.com/a')).rejects.toMatchObject({ code: 'quota' });
    vi.restoreAllMocks();
    expect(await store.count()).toBe(0);
  });
});

describe('article store: tags, progress, delete and restore', () => {
  it('normalizes and dedupes tags', async () => {
    const store = await fresh();
    const { record: r } = await store.saveDraft(draft(1), 'https://example.com/a');
    const tagged = await store.setTags(r.id, [' Long  Read ', 'long read', 'news', '']);
    expect(tagged.tags).toEqual(['long read', 'news']);
  });

  it('clamps progress to 0..1 and reports a missing article', async () => {
    const store = await fresh();
    const { record: r } = await store.saveDraft(draft(1), 'https://example.com/a');
    expect((await store.setProgress(r.id, 3)).progress).toBe(1);
    await expect(store.setProgress('nope', 0.5)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('gives back what it deleted, and restores it exactly', async () => {
    const store = await fresh();
    const { record: r } = await store.saveDraft(draft(1), 'https://example.com/a', 1000);
    const tagged = await store.setTags(r.id, ['keep']);
    const deleted = await store.delete(r.id);
    expect(deleted).toEqual({ record: tagged, images: [] });
    expect(await store.get(r.id)).toBeNull();
    await store.restore(deleted!.record, deleted!.images);
    expect(await store.get(r.id)).toEqual(tagged);
  });

  it('merges on restore when the page was saved again after the delete', async () => {
    const store = await fresh();
    const { record: r } = await store.saveDraft(draft(1), 'https://example.com/a', 1000);
    await store.setTags(r.id, ['old']);
    const deleted = (await store.delete(r.id))!;
    const again = await store.saveDraft(draft(1, { title: 'New' }), 'https://example.com/a', 2000);
    await store.restore(deleted.record, deleted.images);
    const { records } = await store.loadAll();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ id: again.record.id, title: 'New', tags: ['old'], savedAt: 1000 });
  });

  it('reports stored entries that fail validation instead of showing them', async () => {
    const name = newName('raw');
    const store = await fresh(name);
    await store.importRecords([record(1)]);
    const raw = await new Promise<IDBDatabase>((resolve) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
    });
    await new Promise((resolve) => {
      const tx = raw.transaction('articles', 'readwrite');
      tx.objectStore('articles').put({ id: 'broken', url: 'https://example.com/broken', savedAt: 5, title: 42 });
      tx.oncomplete = resolve;
    });
    raw.close();
    const { records, unreadable } = await store.loadAll();
    expect(records).toEqual([record(1)]);
    expect(unreadable).toEqual([{ key: 'broken', reason: 'title is not text' }]);
  });
});
