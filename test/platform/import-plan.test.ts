// The import merge policy on its own, without a database: each incoming record gets one step
// (add, update or skip) with its reason, and nothing a user saved is lost.
import { describe, expect, it } from 'vitest';
import { countPlan, planImport, type StoredView } from '../../src/platform/library-db/import-plan';
import type { ArticleRecord } from '../../src/shared/article-record';
import { record } from '../library/fixtures';

/** A library holding exactly `entries` (raw, as IndexedDB hands them back). */
function library(...entries: unknown[]): StoredView {
  const all = entries as { id: string; url: string }[];
  return { atUrl: (url) => all.find((e) => e.url === url), hasId: (id) => all.some((e) => e.id === id) };
}

const fixedId = () => 'fresh-id';

describe('planImport', () => {
  it('adds a URL the library does not have, as it is', () => {
    expect(planImport([record(1)], library(record(2)), fixedId)).toEqual([{ kind: 'add', record: record(1), reason: 'new' }]);
  });

  it('gives an added article a new id when a different stored article has its id', () => {
    const incoming = record(2, { id: record(1).id });
    expect(planImport([incoming], library(record(1)), fixedId)).toEqual([{ kind: 'add', record: { ...incoming, id: 'fresh-id' }, reason: 'new-id' }]);
  });

  it('merges a stored URL into the stored record: its id, its first save time and both sets of tags stay, the newer text wins', () => {
    const stored = record(1, { id: 'mine', savedAt: 1000, updatedAt: 1000, tags: ['local'], progress: 0.5 });
    const incoming = record(1, { title: 'Newer title', savedAt: 5000, updatedAt: 6000, tags: ['imported'] });
    expect(planImport([incoming], library(stored), fixedId)).toEqual([
      { kind: 'update', record: { ...incoming, id: 'mine', savedAt: 1000, updatedAt: 6000, tags: ['local', 'imported'] }, reason: 'merged' },
    ]);
  });

  it('keeps the stored text when the stored copy is the newer one, adding only the imported tags', () => {
    const stored = record(1, { id: 'mine', title: 'Edited here', updatedAt: 1_800_000_000_000, tags: ['local'] });
    const incoming = record(1, { tags: ['imported'] });
    const [step] = planImport([incoming], library(stored), fixedId);
    expect(step).toEqual({ kind: 'update', record: { ...stored, tags: ['local', 'imported'] }, reason: 'merged' });
  });

  it('skips a copy that brings nothing the stored record lacks', () => {
    const stored = record(1, { id: 'mine', tags: ['a', 'b'] });
    expect(planImport([record(1, { tags: ['b'] })], library(stored), fixedId)).toEqual([{ kind: 'skip', url: stored.url, reason: 'unchanged' }]);
  });

  it('replaces a stored entry that fails validation, under its stored id', () => {
    const damaged = { id: 'broken', url: record(1).url, title: 42 };
    expect(planImport([record(1)], library(damaged), fixedId)).toEqual([{ kind: 'update', record: { ...record(1), id: 'broken' }, reason: 'replaces-unreadable' }]);
  });

  it('never drops a stored readable record, nor any of its tags, whatever comes in', () => {
    const stored = [record(1, { id: 's1', tags: ['x'] }), record(2, { id: 's2', tags: ['y', 'z'] })];
    const incoming = [record(1, { updatedAt: 9e12, tags: [] }), record(2, { tags: ['w'] }), record(3, { id: 's1' })];
    const plan = planImport(incoming, library(...stored), fixedId);
    const landed = new Map<string, ArticleRecord>(stored.map((r) => [r.id, r]));
    for (const step of plan) if (step.kind !== 'skip') landed.set(step.record.id, step.record);
    for (const before of stored) expect(landed.get(before.id)!.tags).toEqual(expect.arrayContaining(before.tags));
    expect([...landed.keys()]).toEqual(['s1', 's2', 'fresh-id']);
  });

  it('counts the plan as the library page reports it (a replaced unreadable entry is a merge)', () => {
    const damaged = { id: 'broken', url: record(3).url };
    const plan = planImport([record(1), record(2), record(3), record(4, { tags: ['new'] })], library(record(2), damaged, record(4)), fixedId);
    expect(plan.map((s) => `${s.kind}:${s.reason}`)).toEqual(['add:new', 'skip:unchanged', 'update:replaces-unreadable', 'update:merged']);
    expect(countPlan(plan)).toEqual({ added: 1, merged: 2, unchanged: 1 });
  });
});
