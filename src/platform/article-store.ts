// Saved articles in IndexedDB, in the extension's own origin (background, library and reader
// pages all open the same database). One record per article, keyed by id, with a unique index on
// url and an index on savedAt. Every change is one readwrite transaction that reads and writes
// only the records it touches, never a shared list, so saves from many tabs at once all land
// (IndexedDB runs readwrite transactions on a store one after another). When anything in a
// transaction fails it is aborted, so a full disk leaves the library exactly as it was; the
// failure comes out as a StoreError whose code the UI turns into words.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore } from 'idb';
import {
  mergeRecords,
  normalizeTag,
  recordFromDraft,
  resave,
  sameRecord,
  validateRecord,
  LIMITS,
  type ArticleRecord,
  type RecordDraft,
} from '../shared/article-record';
import { SAVE_MESSAGES } from '../shared/save-result';

export const DB_NAME = 'readwell';
const DB_VERSION = 1;
const STORE = 'articles';

interface LibrarySchema extends DBSchema {
  articles: { key: string; value: ArticleRecord; indexes: { url: string; savedAt: number } };
}

type WriteStore = IDBPObjectStore<LibrarySchema, ['articles'], 'articles', 'readwrite'>;

export type StoreErrorCode = 'quota' | 'not-found' | 'invalid' | 'error';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export const QUOTA_MESSAGE = SAVE_MESSAGES.quota;

export interface SaveOutcome {
  record: ArticleRecord;
  /** True when the URL was already saved and that record was updated instead of duplicated. */
  updated: boolean;
}

export interface ImportOutcome {
  added: number;
  merged: number;
  unchanged: number;
}

export interface LoadOutcome {
  /** Newest first. */
  records: ArticleRecord[];
  /** Stored entries that failed validation: left in place, reported, never shown. */
  unreadable: { key: string; reason: string }[];
}

function isQuota(e: unknown): boolean {
  const err = e as { name?: string; code?: number } | null;
  return !!err && (err.name === 'QuotaExceededError' || err.code === 22 || err.name === 'NS_ERROR_DOM_QUOTA_REACHED');
}

function toStoreError(e: unknown): StoreError {
  if (e instanceof StoreError) return e;
  if (isQuota(e)) return new StoreError('quota', QUOTA_MESSAGE);
  const err = e as { name?: string; message?: string } | null;
  return new StoreError('error', `The library could not be updated (${err?.name ?? 'error'}: ${err?.message ?? String(e)}).`);
}

/** What other contexts hear after a change lands: these ids, or everything (`all`). */
export type LibraryChange = { ids: string[] } | { all: true };

const CHANNEL = 'readwell-library';

export class ArticleStore {
  // Pages and the background each hold their own connection; a broadcast after each committed
  // change lets an open library page follow saves made from tabs without reloading everything.
  private readonly channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;

  constructor(private readonly db: IDBPDatabase<LibrarySchema>) {}

  private announce(change: LibraryChange): void {
    this.channel?.postMessage(change);
  }

  /** Calls `cb` when another connection changed the library; returns the unsubscribe. */
  subscribe(cb: (change: LibraryChange) => void): () => void {
    if (!this.channel) return () => undefined;
    const listener = (e: MessageEvent) => {
      const d = e.data as { ids?: unknown; all?: unknown } | null;
      if (d?.all === true) cb({ all: true });
      else if (Array.isArray(d?.ids)) cb({ ids: d.ids.filter((x): x is string => typeof x === 'string') });
    };
    this.channel.addEventListener('message', listener);
    return () => this.channel?.removeEventListener('message', listener);
  }

  /**
   * Runs `work` in one readwrite transaction. `work` may only await IndexedDB requests (anything
   * else lets the transaction commit early). On any failure the transaction is aborted, so
   * nothing it did lands.
   */
  private async write<T>(work: (store: WriteStore) => Promise<T>): Promise<T> {
    const tx = this.db.transaction(STORE, 'readwrite');
    const done = tx.done;
    // Observed below; without this a failure in `work` would also surface as an unhandled rejection.
    done.catch(() => undefined);
    try {
      const result = await work(tx.store);
      await done;
      return result;
    } catch (e) {
      // A full disk may fail the request itself, or abort the whole transaction (the request
      // then only says AbortError and the transaction holds the real cause).
      const cause = isQuota(e) || !tx.error ? e : tx.error;
      try {
        tx.abort();
      } catch {
        // Already aborted or finished: either way nothing more can land.
      }
      throw toStoreError(cause);
    }
  }

  /** Saves a draft as found at `url` (the tab's real URL); the same URL again updates in place. */
  async saveDraft(draft: RecordDraft, url: string, now = Date.now()): Promise<SaveOutcome> {
    const fresh = recordFromDraft(draft, url, now, crypto.randomUUID());
    if (!fresh.ok) throw new StoreError('invalid', `This page cannot be saved: ${fresh.reason}.`);
    const outcome = await this.write(async (store) => {
      const existing = await store.index('url').get(url);
      const old = existing ? validateRecord(existing) : null;
      const record = old?.ok ? resave(old.value, fresh.value) : existing ? { ...fresh.value, id: existing.id } : fresh.value;
      await store.put(record);
      return { record, updated: !!existing };
    });
    this.announce({ ids: [outcome.record.id] });
    return outcome;
  }

  async get(id: string): Promise<ArticleRecord | null> {
    const raw = await this.db.get(STORE, id).catch((e) => Promise.reject(toStoreError(e)));
    if (raw === undefined) return null;
    const checked = validateRecord(raw);
    if (!checked.ok) throw new StoreError('invalid', `The saved copy is damaged: ${checked.reason}.`);
    return checked.value;
  }

  /** Every record, newest first, each validated. */
  async loadAll(): Promise<LoadOutcome> {
    const raw = await this.db.getAllFromIndex(STORE, 'savedAt').catch((e) => Promise.reject(toStoreError(e)));
    const records: ArticleRecord[] = [];
    const unreadable: LoadOutcome['unreadable'] = [];
    for (let i = raw.length - 1; i >= 0; i--) {
      const checked = validateRecord(raw[i]);
      if (checked.ok) records.push(checked.value);
      else unreadable.push({ key: String((raw[i] as { id?: unknown } | undefined)?.id ?? '?'), reason: checked.reason });
    }
    return { records, unreadable };
  }

  async count(): Promise<number> {
    return this.db.count(STORE);
  }

  /** Deletes and hands back what was deleted, so the caller can offer undo. */
  async delete(id: string): Promise<ArticleRecord | null> {
    const deleted = await this.write(async (store) => {
      const raw = await store.get(id);
      if (raw === undefined) return null;
      await store.delete(id);
      const checked = validateRecord(raw);
      return checked.ok ? checked.value : null;
    });
    this.announce({ ids: [id] });
    return deleted;
  }

  /**
   * Puts a deleted record back exactly (undo). If the page was saved again in the meantime, the
   * two are merged rather than one replacing the other.
   */
  async restore(record: ArticleRecord): Promise<ArticleRecord> {
    const checked = validateRecord(record);
    if (!checked.ok) throw new StoreError('invalid', `The article cannot be restored: ${checked.reason}.`);
    const restored = await this.write(async (store) => {
      const sameUrl = await store.index('url').get(record.url);
      const result = sameUrl && sameUrl.id !== record.id ? mergeRecords(sameUrl, checked.value) : checked.value;
      await store.put(result);
      return result;
    });
    this.announce({ ids: restored.id === record.id ? [record.id] : [record.id, restored.id] });
    return restored;
  }

  async setTags(id: string, tags: readonly string[]): Promise<ArticleRecord> {
    const clean = [...new Set(tags.map(normalizeTag).filter(Boolean))];
    if (clean.length > LIMITS.tags) throw new StoreError('invalid', `An article can have at most ${LIMITS.tags} tags.`);
    return this.update(id, (r) => ({ ...r, tags: clean }));
  }

  async setProgress(id: string, progress: number): Promise<ArticleRecord> {
    const p = Number.isFinite(progress) ? Math.min(1, Math.max(0, progress)) : 0;
    return this.update(id, (r) => ({ ...r, progress: p }));
  }

  /** Read and write of one record inside one transaction: atomic, and blind to other records. */
  private async update(id: string, change: (r: ArticleRecord) => ArticleRecord): Promise<ArticleRecord> {
    const next = await this.write(async (store) => {
      const raw = await store.get(id);
      if (raw === undefined) throw new StoreError('not-found', 'That article is no longer in the library.');
      const checked = validateRecord(raw);
      if (!checked.ok) throw new StoreError('invalid', `The saved copy is damaged: ${checked.reason}.`);
      const updated = change(checked.value);
      await store.put(updated);
      return updated;
    });
    this.announce({ ids: [id] });
    return next;
  }

  /**
   * Imports validated records in one transaction: new URLs are added as they are, a URL already
   * stored is merged into the stored record (its id stays), an identical copy changes nothing.
   * An imported id already used by a different stored article gets a new id. All or nothing.
   * `records` must not repeat a URL or an id (parseImport guarantees it).
   */
  async importRecords(records: readonly ArticleRecord[]): Promise<ImportOutcome> {
    const outcome = await this.write(async (store) => {
      // Issue every read at once: they run in order inside the transaction, without a round trip each.
      const byUrl = await Promise.all(records.map((r) => store.index('url').get(r.url)));
      const byId = await Promise.all(records.map((r) => store.get(r.id)));
      const outcome: ImportOutcome = { added: 0, merged: 0, unchanged: 0 };
      const puts: Promise<unknown>[] = [];
      records.forEach((incoming, i) => {
        const stored = byUrl[i];
        const storedOk = stored ? validateRecord(stored) : null;
        let next: ArticleRecord;
        if (storedOk?.ok) {
          next = mergeRecords(storedOk.value, incoming);
          if (sameRecord(next, storedOk.value)) {
            outcome.unchanged++;
            return;
          }
          outcome.merged++;
        } else if (stored) {
          // The stored copy is unreadable; the imported one replaces it under the stored id.
          next = { ...incoming, id: stored.id };
          outcome.merged++;
        } else {
          next = byId[i] ? { ...incoming, id: crypto.randomUUID() } : incoming;
          outcome.added++;
        }
        const put = store.put(next);
        // Handled by Promise.all below; this keeps an aborted batch from reporting each put again.
        put.catch(() => undefined);
        puts.push(put);
      });
      await Promise.all(puts);
      return outcome;
    });
    this.announce({ all: true });
    return outcome;
  }

  /** Removes every record (tests, the bench, and a future "clear library"). */
  async clear(): Promise<void> {
    await this.write((store) => store.clear());
    this.announce({ all: true });
  }

  close(): void {
    this.channel?.close();
    this.db.close();
  }
}

/** Opens (creating on first use) the library database in this origin. */
export async function openArticleStore(name = DB_NAME): Promise<ArticleStore> {
  try {
    const db = await openDB<LibrarySchema>(name, DB_VERSION, {
      upgrade(database) {
        const store = database.createObjectStore(STORE, { keyPath: 'id' });
        store.createIndex('url', 'url', { unique: true });
        store.createIndex('savedAt', 'savedAt');
      },
    });
    return new ArticleStore(db);
  } catch (e) {
    throw toStoreError(e);
  }
}
