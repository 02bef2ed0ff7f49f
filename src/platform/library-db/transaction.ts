// How the library store writes, and how its failures reach the user. Every change is one
// readwrite transaction that reads and writes only the records it touches, never a shared list,
// so saves from many tabs at once all land (IndexedDB runs readwrite transactions on a store one
// after another). When anything in a transaction fails it is aborted, so a full disk leaves the
// library exactly as it was; the failure comes out as a StoreError whose code the UI turns into
// words.
import type { IDBPObjectStore, IDBPTransaction } from 'idb';
import type { ArticleRecord } from '../../shared/article-record';
import { t } from '../../shared/strings/t';
import { summaryOf } from '../../shared/article-summary';
import type { StoredImage } from '../../shared/saved-images';
import { storedSearchForm } from '../../shared/search-form';
import { ARTICLES, IMAGES, IMAGE_USE, SEARCH, SUMMARIES, type LibraryDb, type LibrarySchema } from './schema';

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

type Stores = ['articles', 'search', 'summaries', 'images', 'imageUse'];
type WriteTx = IDBPTransaction<LibrarySchema, Stores, 'readwrite'>;
export type WriteStore = IDBPObjectStore<LibrarySchema, Stores, 'articles', 'readwrite'>;

/** Keeps the derived stores (search forms, summaries, image use) in step with the articles, inside the same transaction. */
export interface DerivedWriter {
  /**
   * Puts what is derived from `record`: call beside every put of a record. Its summary is always
   * rewritten; its search form only when `searched` (false when title, byline, site and text are
   * known to be unchanged, as in a tag or progress edit).
   */
  put(record: ArticleRecord, options?: { searched?: boolean }): Promise<unknown>;
  delete(id: string): Promise<unknown>;
  clear(): Promise<unknown>;
}

/** The stored image bytes, in the same transaction. */
export interface ImageWriter {
  /** Stores bytes under their hash (the same picture again rewrites the same entry). */
  put(images: readonly StoredImage[]): Promise<unknown>;
  /**
   * Deletes the bytes of each hash no article refers to any more, and hands them back (an undo
   * puts them back). Call after the derived writes of the change: requests run in order, so the
   * use counts it reads already include them.
   */
  release(hashes: Iterable<string>): Promise<StoredImage[]>;
  /** The stored bytes of these hashes (those that exist). */
  get(hashes: Iterable<string>): Promise<StoredImage[]>;
}

/**
 * Issues the requests in turn and waits for all of them. async, so a request that throws (a full
 * disk) rejects the call instead, and a Promise.all beside the record's own request observes it;
 * the requests issued before it are observed here, so none is left as an unhandled rejection.
 */
async function issueAll(...requests: (() => Promise<unknown> | null)[]): Promise<void> {
  const issued: Promise<unknown>[] = [];
  for (const request of requests) {
    const pending = request();
    if (!pending) continue;
    pending.catch(() => undefined);
    issued.push(pending);
  }
  await Promise.all(issued);
}

/**
 * Runs `work` in one readwrite transaction. `work` may only await IndexedDB requests (anything
 * else lets the transaction commit early). On any failure the transaction is aborted, so
 * nothing it did lands.
 */
export async function writeTransaction<T>(db: LibraryDb, work: (store: WriteStore, derived: DerivedWriter, images: ImageWriter) => Promise<T>): Promise<T> {
  const tx: WriteTx = db.transaction([ARTICLES, SEARCH, SUMMARIES, IMAGES, IMAGE_USE], 'readwrite');
  const done = tx.done;
  // Observed below; without this a failure in `work` would also surface as an unhandled rejection.
  done.catch(() => undefined);
  const search = tx.objectStore(SEARCH);
  const summaries = tx.objectStore(SUMMARIES);
  const use = tx.objectStore(IMAGE_USE);
  const bytes = tx.objectStore(IMAGES);
  const derived: DerivedWriter = {
    put: (record, { searched = true } = {}) =>
      issueAll(
        () => summaries.put(summaryOf(record)),
        () => (searched ? search.put(storedSearchForm(record.id, record)) : null),
        // Only articles that keep pictures have an entry (most have none, and a library reads faster without 10,000 empty ones).
        () => (record.images.length ? use.put({ id: record.id, hashes: [...new Set(record.images.map((i) => i.hash))] }) : use.delete(record.id)),
      ),
    delete: (id) => issueAll(() => search.delete(id), () => summaries.delete(id), () => use.delete(id)),
    clear: () => issueAll(() => search.clear(), () => summaries.clear(), () => use.clear(), () => bytes.clear()),
  };
  const images: ImageWriter = {
    put: (list) => issueAll(...list.map((image) => () => bytes.put(image))),
    get: async (hashes) => (await Promise.all([...new Set(hashes)].map((h) => bytes.get(h)))).filter((x): x is StoredImage => x !== undefined),
    release: async (hashes) => {
      const unique = [...new Set(hashes)];
      const counts = await Promise.all(unique.map((h) => use.index('hash').count(h)));
      const unused = unique.filter((_h, i) => counts[i] === 0);
      const held = await images.get(unused);
      await issueAll(...unused.map((h) => () => bytes.delete(h)));
      return held;
    },
  };
  try {
    const result = await work(tx.objectStore(ARTICLES), derived, images);
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
