import { describe, expect, it } from 'vitest';
import { buildExport, serializeExport } from '../../src/shared/library-export';
import { parseImport } from '../../src/shared/library-import';
import { draft, record } from '../library/fixtures';
import { useFreshStores } from './fresh-stores';

const { fresh } = useFreshStores('test-import');

function importText(text: string) {
  const parsed = parseImport(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed;
}

describe('import into a library', () => {
  it('lands the good records, reports the bad ones and keeps everything already stored', async () => {
    const store = await fresh();
    const existing = await store.saveDraft(draft(100), 'https://example.com/existing', 1000);
    const tagged = await store.setTags(existing.record.id, ['mine']);
    const file = JSON.stringify({
      format: 'readwell-library',
      version: 1,
      exportedAt: '2025-01-01T00:00:00Z',
      articles: [record(1), { ...record(2), savedAt: -4 }, record(3), { nope: true }],
    });
    const parsed = importText(file);
    expect(parsed.invalid.map((i) => [i.index, i.reason])).toEqual([
      [1, 'savedAt is not a time'],
      [3, 'id is not text'],
    ]);
    expect(await store.importRecords(parsed.records)).toEqual({ added: 2, merged: 0, unchanged: 0 });
    const { records } = await store.loadAll();
    expect(records).toHaveLength(3);
    expect(records).toContainEqual(tagged);
    expect(records).toContainEqual(record(1));
    expect(records).toContainEqual(record(3));
  });

  it('merges duplicates of stored articles, keeping the stored id and both sets of tags', async () => {
    const store = await fresh();
    const stored = await store.saveDraft(draft(1), 'https://example.com/story-1', 1_600_000_000_000);
    await store.setTags(stored.record.id, ['local']);
    const incoming = record(1, { tags: ['imported'], title: 'Newer title' });
    expect(await store.importRecords([incoming])).toEqual({ added: 0, merged: 1, unchanged: 0 });
    const { records } = await store.loadAll();
    expect(records).toEqual([{ ...incoming, id: stored.record.id, savedAt: 1_600_000_000_000, tags: ['local', 'imported'] }]);
    expect(await store.importRecords([incoming])).toEqual({ added: 0, merged: 0, unchanged: 1 });
  });

  it('gives an imported article a new id when its id belongs to a different stored article', async () => {
    const store = await fresh();
    await store.importRecords([record(1)]);
    await store.importRecords([record(2, { id: record(1).id })]);
    const { records } = await store.loadAll();
    expect(records).toHaveLength(2);
    expect(records.find((r) => r.url === record(2).url)!.id).not.toBe(record(1).id);
  });

  it('restores every record exactly after export, wipe and import', async () => {
    const store = await fresh();
    for (let i = 0; i < 30; i++) await store.saveDraft(draft(i, { dir: i % 3 ? 'ltr' : 'rtl', lang: i % 2 ? 'en' : null }), `https://example.com/${i}`, 1000 + i);
    const { records: before } = await store.loadAll();
    await store.setTags(before[3]!.id, ['a', 'b']);
    await store.setProgress(before[4]!.id, 0.375);
    const { records: snapshot } = await store.loadAll();
    const text = serializeExport(buildExport(snapshot, new Date()));
    await store.clear();
    expect(await store.count()).toBe(0);
    const parsed = importText(text);
    expect(parsed.invalid).toEqual([]);
    expect(await store.importRecords(parsed.records)).toEqual({ added: 30, merged: 0, unchanged: 0 });
    expect((await store.loadAll()).records).toEqual(snapshot);
  });
});
