// How the library store writes, and how its failures reach the user. Every change is one
// readwrite transaction that reads and writes only the records it touches, never a shared list,
// so saves from many tabs at once all land (IndexedDB runs readwrite transactions on a store one
// after another). When anything in a transaction fails it is aborted, so a full disk leaves the
// library exactly as it was; the failure comes out as a StoreError whose code the UI turns into
// words.
import type { IDBPObjectStore, IDBPTransaction } from 'idb';
import type { ArticleRecord } from '../../shared/article-record';
import { t } from '../../shared/strings/t';
import { storedSearchForm } from '../../shared/search-form';
import { ARTICLES, SEARCH, type LibraryDb, type LibrarySchema } from './schema';

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

function isQuota(e: unknown): boolean {
  const err = e as { name?: string; code?: number } | null;
  return !!err && (err.name === 'QuotaExceededError' || err.code === 22 || err.name === 'NS_ERROR_DOM_QUOTA_REACHED');
}

/** Any failure as a StoreError: a full disk says so in words, anything else names its cause. */
export function toStoreError(e: unknown): StoreError {
  if (e instanceof StoreError) return e;
  if (isQuota(e)) return new StoreError('quota', t('save_quota'));
  const err = e as { name?: string; message?: string } | null;
  return new StoreError('error', t('store_failed', `${err?.name ?? 'error'}: ${err?.message ?? String(e)}`));
}

type WriteTx = IDBPTransaction<LibrarySchema, ['articles', 'search'], 'readwrite'>;
export type WriteStore = IDBPObjectStore<LibrarySchema, ['articles', 'search'], 'articles', 'readwrite'>;

/** Keeps the search store in step with the articles store, inside the same transaction. */
export interface FormWriter {
  /** Puts the search form of `record` (call beside every put of a record whose searched fields may have changed). */
  put(record: ArticleRecord): Promise<unknown>;
  delete(id: string): Promise<unknown>;
  clear(): Promise<unknown>;
}

/**
 * Runs `work` in one readwrite transaction. `work` may only await IndexedDB requests (anything
 * else lets the transaction commit early). On any failure the transaction is aborted, so
 * nothing it did lands.
 */
export async function writeTransaction<T>(db: LibraryDb, work: (store: WriteStore, forms: FormWriter) => Promise<T>): Promise<T> {
  const tx: WriteTx = db.transaction([ARTICLES, SEARCH], 'readwrite');
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
    const result = await work(tx.objectStore(ARTICLES), forms);
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
