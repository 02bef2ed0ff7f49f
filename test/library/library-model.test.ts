// The library page's state without its DOM, over a store stub.
import { describe, expect, it } from 'vitest';
import { LibraryModel, type IndexScheduler, type StorePort } from '../../src/library/library-model';
import type { ArticleRecord } from '../../src/shared/article-record';
import { summaryOf } from '../../src/shared/article-summary';
import { searchForm } from '../../src/shared/search-form';
import { record } from './fixtures';

function stub(records: ArticleRecord[]): StorePort {
  const byId = new Map(records.map((r) => [r.id, r]));
  const all = () => [...byId.values()].sort((a, b) => b.savedAt - a.savedAt);
  return {
    loadSummaries: async () => ({ summaries: all().map(summaryOf), unreadable: 0 }),
    // No stored forms: the model tokenizes from the records (its path after a tokenizer change).
    loadSearchForms: async () => new Map(),
    loadAll: async () => ({ records: all(), unreadable: [] }),
    get: async (id) => byId.get(id) ?? null,
    delete: async (id) => {
      const r = byId.get(id) ?? null;
      byId.delete(id);
      return r && { record: r, images: [] };
    },
    restore: async (r) => (byId.set(r.id, r), r),
    setTags: async (id, tags) => {
      const r = { ...byId.get(id)!, tags: [...tags] };
      byId.set(id, r);
      return r;
    },
    importRecords: async () => ({ added: 0, merged: 0, unchanged: 0 }),
    allImages: async () => [],
    images: async () => new Map(),
  };
}

/** A scheduler the test drives: each pause waits for step(), and the clock ticks once per read. */
function steppedScheduler(): IndexScheduler & { step(): Promise<void>; runAll(): Promise<void> } {
  const waiting: (() => void)[] = [];
  let clock = 0;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    pause: () => new Promise<void>((resolve) => waiting.push(resolve)),
    now: () => clock++,
    async step() {
      waiting.shift()?.();
      await settle();
    },
    async runAll() {
      while (waiting.length) await this.step();
    },
  };
}

describe('library model', () => {
  it('lists everything newest first before the search index is built, and searches all once it is', async () => {
    const records = Array.from({ length: 2000 }, (_, i) => record(i, { text: i === 5 ? 'a unique zeppelin story' : 'plain text' }));
    const scheduler = steppedScheduler();
    const model = new LibraryModel(stub(records), scheduler);
    const { indexed } = await model.load();
    // No slice has run: the list is there, search is not yet.
    expect(model.indexing).toBe(true);
    expect(model.pending).toBe(2000);
    expect(model.visible().slice(0, 2).map((s) => s.id)).toEqual(['id-01999', 'id-01998']);
    model.query = 'zeppel';
    expect(model.visible()).toEqual([]);
    // One slice (30 clock ticks here) indexes the newest articles first.
    await scheduler.step();
    expect(model.pending).toBeLessThan(2000);
    expect(model.pending).toBeGreaterThan(1900);
    model.query = 'story 1999';
    expect(model.visible().map((s) => s.id)).toEqual(['id-01999']);
    await scheduler.runAll();
    await indexed;
    expect(model.indexing).toBe(false);
    model.query = 'zeppel';
    expect(model.visible().map((s) => s.id)).toEqual(['id-00005']);
  });

  it('searches the tags an article has when it is indexed, even if they changed while indexing ran', async () => {
    const scheduler = steppedScheduler();
    const model = new LibraryModel(stub([record(1), record(2)]), scheduler);
    const { indexed } = await model.load();
    await model.addTag('id-00001', 'Lighthouses');
    await scheduler.runAll();
    await indexed;
    model.query = 'lighthouse';
    expect(model.visible().map((s) => s.id)).toEqual(['id-00001']);
    model.query = 'lighthuoses';
    expect(model.visible().map((s) => s.id)).toEqual(['id-00001']);
  });

  it('opens from summaries and stored search forms alone: no article is read to list or to search', async () => {
    const records = [record(1), record(2, { text: 'Only here: zeppelins over the harbour.' })];
    const reads: string[] = [];
    const store = stub(records);
    const counted: StorePort = {
      ...store,
      loadSearchForms: async () => new Map(records.map((r) => [r.id, searchForm(r)])),
      loadAll: async () => (reads.push('all'), store.loadAll()),
      get: async (id) => (reads.push(id), store.get(id)),
    };
    const model = new LibraryModel(counted);
    await (await model.load()).indexed;
    expect(model.visible().map((s) => s.title)).toEqual(['Story number 2', 'Story number 1']);
    model.query = 'zeppelin';
    expect(model.visible().map((s) => s.id)).toEqual(['id-00002']);
    expect(reads).toEqual([]);
  });

  it('tokenizes from the records, read once, the articles whose stored form is missing', async () => {
    const records = [record(1, { text: 'Lighthouses everywhere.' }), record(2)];
    const reads: string[] = [];
    const store = stub(records);
    const model = new LibraryModel({
      ...store,
      loadSearchForms: async () => new Map([['id-00002', searchForm(records[1]!)]]),
      loadAll: async () => (reads.push('all'), store.loadAll()),
    });
    await (await model.load()).indexed;
    model.query = 'lighthouse';
    expect(model.visible().map((s) => s.id)).toEqual(['id-00001']);
    model.query = 'container';
    expect(model.visible().map((s) => s.id)).toEqual(['id-00002']);
    expect(reads).toEqual(['all']);
  });

  it('keeps html and text out of what the list holds', async () => {
    const model = new LibraryModel(stub([record(1)]));
    await (await model.load()).indexed;
    expect(model.get('id-00001')).not.toHaveProperty('html');
    expect(model.get('id-00001')).not.toHaveProperty('text');
  });

  it('deletes, remembers the last deletion, and undoes it once', async () => {
    const model = new LibraryModel(stub([record(1), record(2)]));
    await (await model.load()).indexed;
    await model.delete('id-00001');
    expect(model.visible().map((s) => s.id)).toEqual(['id-00002']);
    model.query = 'container';
    expect(model.visible().map((s) => s.id)).toEqual(['id-00002']);
    expect(await model.undo()).toEqual(record(1));
    expect(model.visible().map((s) => s.id)).toEqual(['id-00002', 'id-00001']);
    expect(await model.undo()).toBeNull();
  });

  it('filters by tag and lists tags with counts', async () => {
    const model = new LibraryModel(stub([record(1, { tags: ['b', 'a'] }), record(2, { tags: ['a'] }), record(3)]));
    await (await model.load()).indexed;
    expect(model.tags()).toEqual([{ tag: 'a', count: 2 }, { tag: 'b', count: 1 }]);
    model.tag = 'a';
    expect(model.visible().map((s) => s.id)).toEqual(['id-00002', 'id-00001']);
    await model.removeTag('id-00001', 'b');
    expect(model.tags()).toEqual([{ tag: 'a', count: 2 }]);
  });
});
