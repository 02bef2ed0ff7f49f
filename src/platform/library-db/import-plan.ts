// What an import does to a library, decided before anything is written: a pure function of what
// is stored and what came in, so the merge policy is tested without a database. Nothing a user
// saved is lost: a URL already stored is merged into the stored record (its id, its earliest
// save time and the tags of both stay; the newer content wins), an identical copy changes
// nothing, and only an entry that fails validation is replaced, under its own id.
import { mergeRecords, sameRecord, validateRecord, type ArticleRecord } from '../../shared/article-record';

/** What is stored, as far as the incoming records touch it. */
export interface StoredView {
  /** The stored entry with this URL (as read: it may fail validation), or undefined. */
  atUrl(url: string): unknown;
  /** True when some stored entry already has this id. */
  hasId(id: string): boolean;
}

export type ImportStep =
  /** A URL not stored yet; `new-id` when its id was taken by a different stored article. */
  | { kind: 'add'; record: ArticleRecord; reason: 'new' | 'new-id' }
  /** `merged`: into the stored copy of the URL. `replaces-unreadable`: the stored copy failed validation. */
  | { kind: 'update'; record: ArticleRecord; reason: 'merged' | 'replaces-unreadable' }
  /** The stored copy already holds everything the incoming one has. */
  | { kind: 'skip'; url: string; reason: 'unchanged' };

export interface ImportOutcome {
  added: number;
  merged: number;
  unchanged: number;
}

/** One step per incoming record, in order. `incoming` must not repeat a URL or an id (parseImport guarantees it). */
export function planImport(incoming: readonly ArticleRecord[], stored: StoredView, newId: () => string): ImportStep[] {
  return incoming.map((record): ImportStep => {
    const raw = stored.atUrl(record.url);
    if (raw === undefined) {
      return stored.hasId(record.id) ? { kind: 'add', record: { ...record, id: newId() }, reason: 'new-id' } : { kind: 'add', record, reason: 'new' };
    }
    const checked = validateRecord(raw);
    if (!checked.ok) {
      // Its id is its key in the store, whatever else is wrong with it: the put replaces it.
      return { kind: 'update', record: { ...record, id: (raw as { id: string }).id }, reason: 'replaces-unreadable' };
    }
    const merged = mergeRecords(checked.value, record);
    if (sameRecord(merged, checked.value)) return { kind: 'skip', url: record.url, reason: 'unchanged' };
    return { kind: 'update', record: merged, reason: 'merged' };
  });
}

/** The counts the library page reports; a replaced unreadable entry counts as merged. */
export function countPlan(plan: readonly ImportStep[]): ImportOutcome {
  const outcome: ImportOutcome = { added: 0, merged: 0, unchanged: 0 };
  for (const step of plan) {
    if (step.kind === 'add') outcome.added++;
    else if (step.kind === 'update') outcome.merged++;
    else outcome.unchanged++;
  }
  return outcome;
}
