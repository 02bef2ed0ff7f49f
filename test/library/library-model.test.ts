// The library page's state without its DOM, over a store stub.
import { describe, expect, it } from 'vitest';
import { LibraryModel, type IndexScheduler, type StorePort } from '../../src/library/library-model';
import type { ArticleRecord } from '../../src/shared/article-record';
import { record } from './fixtures';

function stub(records: ArticleRecord[]): StorePort {
  const byId = new Map(records.map((r) => [r.id, r]));
  const all = () => [...byId.values()].sort((a, b) => b.savedAt - a.savedAt);
  return {
    loadAll: async () => ({ records: all(), unreadable: [] }),
    get: async (id) => byId.get(id) ?? null,
    delete: async (id) => {
      const r = byId.get(id) ?? null;
      byId.delete(id);
      return r;
    },
    restore: async (r) => (byId.set(r.id, r), r),
    setTags: async (id, tags) => {
      const r = { ...byId.get(id)!, tags: [...tags] };
      byId.set(id, r);
      return r;
    },
    importRecords: async () => ({ added: 0, merged: 0, unchanged: 0 }),
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
