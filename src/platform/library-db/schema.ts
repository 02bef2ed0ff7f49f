// The library database's shape and its migrations. One record per article in `articles`, keyed
// by id, with a unique index on url and an index on savedAt.
//
// Version 2 adds a second store, `search`: per article (same id) its search form, the distinct
// folded tokens of title, byline, site and text (shared/search-form.ts). It is derived data,
// written in the same transaction as the record it belongs to (save, restore, import, delete,
// clear), so the two never disagree; computing it once at save time is what lets the library
// page open without tokenizing every text. It is never exported; an import recomputes it.
//
// Version 3 adds `summaries`: per article (same id) the record without html and text
// (shared/article-summary.ts), derived and written the same way. The library list reads only
// these, so it shows without reading ~140 MB of articles at 10,000 (measured by bench-library).
//
// Version 4 keeps articles' images (shared/saved-images.ts): `images` holds each picture's bytes
// once, keyed by their SHA-256, and `imageUse` (derived, same id as the article) lists the hashes
// an article refers to, with a multi-entry index on them, so a delete can tell in one lookup
// whether any other article still shows a picture before its bytes go. Records of version 3
// have no images: nothing needs filling in.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { validateRecord, type ArticleRecord } from '../../shared/article-record';
import { summaryOf, type ArticleSummary } from '../../shared/article-summary';
import type { StoredImage } from '../../shared/saved-images';
import { storedSearchForm, type StoredSearchForm } from '../../shared/search-form';

export const DB_NAME = 'readwell';
/** 1: articles. 2: search forms beside them. 3: summaries beside them (each filled in from the articles on upgrade). 4: images. */
export const DB_VERSION = 4;
export const ARTICLES = 'articles';
export const SEARCH = 'search';
export const SUMMARIES = 'summaries';
export const IMAGES = 'images';
export const IMAGE_USE = 'imageUse';

/** Which stored images an article refers to (derived from its record's `images`). */
export interface ImageUse {
  id: string;
  hashes: string[];
}

export interface LibrarySchema extends DBSchema {
  articles: { key: string; value: ArticleRecord; indexes: { url: string; savedAt: number } };
  search: { key: string; value: StoredSearchForm };
  summaries: { key: string; value: ArticleSummary };
  images: { key: string; value: StoredImage };
  imageUse: { key: string; value: ImageUse; indexes: { hash: string } };
}

export type LibraryDb = IDBPDatabase<LibrarySchema>;

type UpgradeTx = IDBPTransaction<LibrarySchema, ('articles' | 'search' | 'summaries' | 'images' | 'imageUse')[], 'versionchange'>;

/**
 * Version 1 or 2 → 3: the derived data an older version did not keep (search forms from 1,
 * summaries from 1 and 2), computed for every stored article inside the upgrade transaction, in
 * one pass over the articles. If anything fails (a full disk, the page closed mid-way) the whole
 * upgrade is rolled back and the database stays at its old version with every record, to be
 * upgraded on the next open; nothing a user saved is touched either way (records are only read).
 * Costs one tokenizing pass over the library, once. Entries that fail validation get neither:
 * the library counts them as unreadable (articles without a summary) and never shows them.
 */
async function addDerived(tx: UpgradeTx, oldVersion: number): Promise<void> {
  const forms = oldVersion < 2 ? tx.objectStore(SEARCH) : null;
  const summaries = tx.objectStore(SUMMARIES);
  let cursor = await tx.objectStore(ARTICLES).openCursor();
  while (cursor) {
    const checked = validateRecord(cursor.value);
    if (checked.ok) {
      // A failed put aborts the upgrade, and openDB reports that; the request's own rejection is noise.
      forms?.put(storedSearchForm(checked.value.id, checked.value)).catch(() => undefined);
      summaries.put(summaryOf(checked.value)).catch(() => undefined);
    }
    cursor = await cursor.continue();
  }
}

/** Opens the database, creating it on first use and upgrading an older version. Rejects as IndexedDB does. */
export async function openLibraryDb(name: string): Promise<LibraryDb> {
  const db = await openDB<LibrarySchema>(name, DB_VERSION, {
    async upgrade(database, oldVersion, _newVersion, tx) {
      // An aborted upgrade is reported by openDB itself; idb's own promise for it is noise.
      tx.done.catch(() => undefined);
      if (oldVersion < 1) {
        const store = database.createObjectStore(ARTICLES, { keyPath: 'id' });
        store.createIndex('url', 'url', { unique: true });
        store.createIndex('savedAt', 'savedAt');
      }
      if (oldVersion < 2) database.createObjectStore(SEARCH, { keyPath: 'id' });
      if (oldVersion < 3) database.createObjectStore(SUMMARIES, { keyPath: 'id' });
      // Every store is created before the first await: once the upgrade waits on a request, creating one throws.
      if (oldVersion < 4) {
        database.createObjectStore(IMAGES, { keyPath: 'hash' });
        database.createObjectStore(IMAGE_USE, { keyPath: 'id' }).createIndex('hash', 'hashes', { multiEntry: true });
      }
      // Any failure aborts the whole upgrade (openDB then rejects): never a half-filled store.
      if (oldVersion >= 1 && oldVersion < 3) {
        await addDerived(tx, oldVersion).catch(() => {
          try {
            tx.abort();
          } catch {
            // Already aborted: the same outcome.
          }
        });
      }
    },
    // A newer Readwell (an update) wants to upgrade: let go rather than block it forever. This
    // page's later writes then fail with a message; extension pages reload on update anyway.
    blocking() {
      db.close();
    },
  });
  return db;
}
