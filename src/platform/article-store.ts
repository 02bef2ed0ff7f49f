// Saved articles in IndexedDB, in the extension's own origin (background, library and reader
// pages all open the same database). One record per article, keyed by id, with a unique index on
// url and an index on savedAt. Every change is one readwrite transaction that reads and writes
// only the records it touches, never a shared list, so saves from many tabs at once all land
// (IndexedDB runs readwrite transactions on a store one after another). When anything in a
// transaction fails it is aborted, so a full disk leaves the library exactly as it was; the
// failure comes out as a StoreError whose code the UI turns into words.
//
// Version 2 adds a second store, `search`: per article (same id) its search form, the distinct
// folded tokens of title, byline, site and text (shared/search-form.ts). It is derived data,
// written in the same transaction as the record it belongs to (save, restore, import, delete,
// clear), so the two never disagree; computing it once at save time is what lets the library
// page open without tokenizing every text. It is never exported; an import recomputes it.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction } from 'idb';
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
import { isCurrentForm, storedSearchForm, type SearchFields, type StoredSearchForm } from '../shared/search-form';

export const DB_NAME = 'readwell';
/** 1: articles. 2: search forms beside them (filled in from the articles on upgrade). */
export const DB_VERSION = 2;
const STORE = 'articles';
const SEARCH = 'search';

interface LibrarySchema extends DBSchema {
  articles: { key: string; value: ArticleRecord; indexes: { url: string; savedAt: number } };
  search: { key: string; value: StoredSearchForm };
}

type WriteTx = IDBPTransaction<LibrarySchema, ['articles', 'search'], 'readwrite'>;
type WriteStore = IDBPObjectStore<LibrarySchema, ['articles', 'search'], 'articles', 'readwrite'>;

/** Keeps the search store in step with the articles store, inside the same transaction. */
interface FormWriter {
  /** Puts the search form of `record` (call beside every put of a record whose searched fields may have changed). */
  put(record: ArticleRecord): Promise<unknown>;
  delete(id: string): Promise<unknown>;
  clear(): Promise<unknown>;
}

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
  /**
   * With loadAll({ searchForms: true }): each record's stored search form by id, read in the same
   * transaction as the records. A record missing here (none stored, or of an older tokenizer)
   * has to be tokenized by the caller.
   */
  searchForms?: Map<string, string>;
}

function searchedFieldsDiffer(a: SearchFields, b: SearchFields): boolean {
  return a.title !== b.title || a.byline !== b.byline || a.siteName !== b.siteName || a.text !== b.text;
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
  private async write<T>(work: (store: WriteStore, forms: FormWriter) => Promise<T>): Promise<T> {
    const tx: WriteTx = this.db.transaction([STORE, SEARCH], 'readwrite');
    const done = tx.done;
    // Observed below; without this a failure in `work` would also surface as an unhandled rejection.
    done.catch(() => undefined);
    const search = tx.objectStore(SEARCH);
    // async: a request that throws (a full disk) rejects instead, so a Promise.all beside the
    // record's own request observes both and leaves no unhandled rejection behind.
    const forms: FormWriter = {
      put: async (record) => search.put(storedSearchForm(record.id, record)),
      delete: async (id) => search.delete(id),
      clear: async () => search.clear(),
    };
    try {
      const result = await work(tx.objectStore(STORE), forms);
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
    const outcome = await this.write(async (store, forms) => {
      const existing = await store.index('url').get(url);
      const old = existing ? validateRecord(existing) : null;
      const record = old?.ok ? resave(old.value, fresh.value) : existing ? { ...fresh.value, id: existing.id } : fresh.value;
      await Promise.all([store.put(record), forms.put(record)]);
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

  /** Every record, newest first, each validated; with their search forms when asked. */
  async loadAll(options: { searchForms?: boolean } = {}): Promise<LoadOutcome> {
    let raw: unknown[];
    let stored: unknown[] = [];
    try {
      const tx = this.db.transaction(options.searchForms ? [STORE, SEARCH] : [STORE], 'readonly');
      [raw, stored] = await Promise.all([
        tx.objectStore(STORE).index('savedAt').getAll(),
        options.searchForms ? tx.objectStore(SEARCH).getAll() : [],
      ]);
    } catch (e) {
      throw toStoreError(e);
    }
    const records: ArticleRecord[] = [];
    const unreadable: LoadOutcome['unreadable'] = [];
    for (let i = raw.length - 1; i >= 0; i--) {
      const checked = validateRecord(raw[i]);
      if (checked.ok) records.push(checked.value);
      else unreadable.push({ key: String((raw[i] as { id?: unknown } | undefined)?.id ?? '?'), reason: checked.reason });
    }
    if (!options.searchForms) return { records, unreadable };
    const searchForms = new Map<string, string>();
    for (const form of stored) if (isCurrentForm(form)) searchForms.set(form.id, form.tokens);
    return { records, unreadable, searchForms };
  }

  async count(): Promise<number> {
    return this.db.count(STORE);
  }

  /** Deletes and hands back what was deleted, so the caller can offer undo. */
  async delete(id: string): Promise<ArticleRecord | null> {
    const deleted = await this.write(async (store, forms) => {
      const raw = await store.get(id);
      if (raw === undefined) return null;
      await Promise.all([store.delete(id), forms.delete(id)]);
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
    const restored = await this.write(async (store, forms) => {
      const sameUrl = await store.index('url').get(record.url);
      const result = sameUrl && sameUrl.id !== record.id ? mergeRecords(sameUrl, checked.value) : checked.value;
      await Promise.all([store.put(result), forms.put(result)]);
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
    const next = await this.write(async (store, forms) => {
      const raw = await store.get(id);
      if (raw === undefined) throw new StoreError('not-found', 'That article is no longer in the library.');
      const checked = validateRecord(raw);
      if (!checked.ok) throw new StoreError('invalid', `The saved copy is damaged: ${checked.reason}.`);
      const updated = change(checked.value);
      // Tags and progress are not searched: the stored form stays right, and is not rewritten.
      await Promise.all([store.put(updated), searchedFieldsDiffer(checked.value, updated) ? forms.put(updated) : null]);
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
    const outcome = await this.write(async (store, forms) => {
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
        // Forms are recomputed from what lands, never taken from the file (exports have none).
        // Handled by Promise.all below; the catches keep an aborted batch from reporting each put again.
        const put = store.put(next);
        put.catch(() => undefined);
        const form = forms.put(next);
        form.catch(() => undefined);
        puts.push(put, form);
      });
      await Promise.all(puts);
      return outcome;
    });
    this.announce({ all: true });
    return outcome;
  }

  /** Removes every record (tests, the bench, and a future "clear library"). */
  async clear(): Promise<void> {
    await this.write((store, forms) => Promise.all([store.clear(), forms.clear()]));
    this.announce({ all: true });
  }

  close(): void {
    this.channel?.close();
    this.db.close();
  }
}

type UpgradeTx = IDBPTransaction<LibrarySchema, ('articles' | 'search')[], 'versionchange'>;

/**
 * Version 1 → 2: a search form for every stored article, computed inside the upgrade transaction.
 * If anything fails (a full disk, the page closed mid-way) the whole upgrade is rolled back and
 * the database stays at version 1 with every record, to be upgraded on the next open; nothing a
 * user saved is touched either way (records are only read). Costs one tokenizing pass over the
 * library, once (about as long as one library open used to take). Entries that fail validation
 * get no form: the library does not show them anyway.
 */
async function addSearchForms(tx: UpgradeTx): Promise<void> {
  const forms = tx.objectStore(SEARCH);
  let cursor = await tx.objectStore(STORE).openCursor();
  while (cursor) {
    const checked = validateRecord(cursor.value);
    // A failed put aborts the upgrade, and openDB reports that; the request's own rejection is noise.
    if (checked.ok) forms.put(storedSearchForm(checked.value.id, checked.value)).catch(() => undefined);
    cursor = await cursor.continue();
  }
}

/** Opens (creating on first use, upgrading an older version) the library database in this origin. */
export async function openArticleStore(name = DB_NAME): Promise<ArticleStore> {
  try {
    const db = await openDB<LibrarySchema>(name, DB_VERSION, {
      async upgrade(database, oldVersion, _newVersion, tx) {
        // An aborted upgrade is reported by openDB itself; idb's own promise for it is noise.
        tx.done.catch(() => undefined);
        if (oldVersion < 1) {
          const store = database.createObjectStore(STORE, { keyPath: 'id' });
          store.createIndex('url', 'url', { unique: true });
          store.createIndex('savedAt', 'savedAt');
        }
        if (oldVersion < 2) {
          database.createObjectStore(SEARCH, { keyPath: 'id' });
          // Any failure aborts the whole upgrade (openDB then rejects): never a half-filled store.
          if (oldVersion >= 1) {
            await addSearchForms(tx).catch(() => {
              try {
                tx.abort();
              } catch {
                // Already aborted: the same outcome.
              }
            });
          }
        }
      },
      // A newer Readwell (an update) wants to upgrade: let go rather than block it forever. This
      // page's later writes then fail with a message; extension pages reload on update anyway.
      blocking() {
        db.close();
      },
    });
    return new ArticleStore(db);
  } catch (e) {
    throw toStoreError(e);
  }
}
