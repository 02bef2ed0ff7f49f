// Saved articles in IndexedDB, in the extension's own origin: the operations on the library, and
// the one entry point to it (library-db/ holds the parts: schema.ts the shape and migrations,
// transaction.ts the write transaction and its errors, changes.ts the change events, load.ts
// the whole-library reads, import-plan.ts what an import does).
//
// Why the library and reader pages read and write here directly, while a tab's save goes through
// the background: the pages are extension pages, in the same origin as the database, so every
// context opens the same IndexedDB and this class is the one road to it; a message to the
// background would add nothing but a hop. The background is only in between for a save because
// it needs the tab (its real URL, and a content script only it may message), and a content
// script runs in the page's origin, where this database cannot be reached. Sending the library
// through runtime messages instead would copy every record once more on each open (10,000
// articles are tens of megabytes), and the service worker may be asleep when a page opens.
// Consistency comes from the transactions (transaction.ts), not from one writer.
import {
  mergeRecords,
  normalizeTag,
  recordFromDraft,
  resave,
  validateRecord,
  LIMITS,
  type ArticleRecord,
  type RecordDraft,
} from '../shared/article-record';
import { HIGHLIGHT_LIMITS, validHighlight, type Highlight } from '../shared/highlights';
import type { ImageRef, StoredImage } from '../shared/saved-images';
import type { SearchFields } from '../shared/search-form';
import { t, tn } from '../shared/strings/t';
import { LibraryChanges, type LibraryChange } from './library-db/changes';
import { countPlan, planImport, type ImportOutcome } from './library-db/import-plan';
import { loadLibrary, loadSearchForms, loadSummaries, type LoadOutcome, type SummariesOutcome } from './library-db/load';
import { ARTICLES, DB_NAME, IMAGES, openLibraryDb, type LibraryDb } from './library-db/schema';
import { StoreError, toStoreError, writeTransaction, type DerivedWriter, type ImageWriter, type WriteStore } from './library-db/transaction';

export { DB_NAME, DB_VERSION } from './library-db/schema';
export { StoreError, type StoreErrorCode } from './library-db/transaction';
export type { LibraryChange } from './library-db/changes';
export type { ImportOutcome } from './library-db/import-plan';
export type { LoadOutcome, SummariesOutcome } from './library-db/load';

export interface SaveOutcome {
  record: ArticleRecord;
  /** True when the URL was already saved and that record was updated instead of duplicated. */
  updated: boolean;
}

/** A deleted article and the image bytes only it referred to: all an undo needs to put it back whole. */
export interface DeletedArticle {
  record: ArticleRecord;
  images: StoredImage[];
}

/** The images an article keeps: the references its record carries, and their bytes to store. */
export interface KeptImages {
  refs: ImageRef[];
  images: StoredImage[];
}

const NO_IMAGES: KeptImages = { refs: [], images: [] };
const hashesOf = (r: { images: readonly ImageRef[] } | null | undefined) => (r ? r.images.map((i) => i.hash) : []);
/** Hashes `before` referred to that `after` does not: candidates for release once `after` is written. */
const dropped = (before: readonly string[], after: { images: readonly ImageRef[] }) => {
  const kept = new Set(hashesOf(after));
  return before.filter((h) => !kept.has(h));
};

const notesOf = (f: SearchFields) => (f.highlights ?? []).map((h) => h.note).join('\n');

function searchedFieldsDiffer(a: SearchFields, b: SearchFields): boolean {
  return a.title !== b.title || a.byline !== b.byline || a.siteName !== b.siteName || a.text !== b.text || notesOf(a) !== notesOf(b);
}

export class ArticleStore {
  private readonly changes = new LibraryChanges();

  constructor(private readonly db: LibraryDb) {}

  /** Calls `cb` when another connection changed the library; returns the unsubscribe. */
  subscribe(cb: (change: LibraryChange) => void): () => void {
    return this.changes.subscribe(cb);
  }

  /** One write transaction, announced to the other contexts once it has committed. */
  private async write<T>(work: (store: WriteStore, derived: DerivedWriter, images: ImageWriter) => Promise<T>, changed: (result: T) => LibraryChange): Promise<T> {
    const result = await writeTransaction(this.db, work);
    this.changes.announce(changed(result));
    return result;
  }

  /**
   * Saves a draft as found at `url` (the tab's real URL) with the images kept from it; the same
   * URL again updates in place, and pictures the new copy no longer shows are let go.
   */
  async saveDraft(draft: RecordDraft, url: string, now = Date.now(), kept: KeptImages = NO_IMAGES): Promise<SaveOutcome> {
    const fresh = recordFromDraft(draft, url, now, crypto.randomUUID(), kept.refs);
    if (!fresh.ok) throw new StoreError('invalid', t('save_invalid', fresh.reason));
    return this.write(async (store, derived, images) => {
      const existing = await store.index('url').get(url);
      const old = existing ? validateRecord(existing) : null;
      const record = old?.ok ? resave(old.value, fresh.value) : existing ? { ...fresh.value, id: existing.id } : fresh.value;
      await Promise.all([images.put(kept.images), store.put(record), derived.put(record)]);
      await images.release(dropped(hashesOf(old?.ok ? old.value : null), record));
      return { record, updated: !!existing };
    }, (outcome) => ({ ids: [outcome.record.id] }));
  }

  /** Every stored image (exports). */
  async allImages(): Promise<StoredImage[]> {
    return this.db.getAll(IMAGES).catch((e) => Promise.reject(toStoreError(e)));
  }

  /** The stored bytes of an article's images, by hash (those that exist: an import may lack some). */
  async images(refs: readonly ImageRef[]): Promise<Map<string, StoredImage>> {
    if (refs.length === 0) return new Map();
    try {
      const tx = this.db.transaction(IMAGES);
      const found = await Promise.all([...new Set(refs.map((r) => r.hash))].map((h) => tx.store.get(h)));
      return new Map(found.filter((x): x is StoredImage => x !== undefined).map((x) => [x.hash, x]));
    } catch (e) {
      throw toStoreError(e);
    }
  }

  async get(id: string): Promise<ArticleRecord | null> {
    const raw = await this.db.get(ARTICLES, id).catch((e) => Promise.reject(toStoreError(e)));
    if (raw === undefined) return null;
    const checked = validateRecord(raw);
    if (!checked.ok) throw new StoreError('invalid', t('store_damaged', checked.reason));
    return checked.value;
  }

  /** The saved copy of the page at `url` (the tab's real URL), or null. */
  async getByUrl(url: string): Promise<ArticleRecord | null> {
    const raw = await this.db.getFromIndex(ARTICLES, 'url', url).catch((e) => Promise.reject(toStoreError(e)));
    if (raw === undefined) return null;
    const checked = validateRecord(raw);
    return checked.ok ? checked.value : null;
  }

  /** Every full record, newest first, each validated (exports; the list reads summaries). */
  async loadAll(): Promise<LoadOutcome> {
    return loadLibrary(this.db);
  }

  /** What the list shows: every article's summary, newest first, and how many cannot be shown. */
  async loadSummaries(): Promise<SummariesOutcome> {
    return loadSummaries(this.db);
  }

  /** The stored search forms by id (current tokenizer only). */
  async loadSearchForms(): Promise<Map<string, string>> {
    return loadSearchForms(this.db);
  }

  async count(): Promise<number> {
    return this.db.count(ARTICLES);
  }

  /** Deletes and hands back what was deleted (the record, and the image bytes no other article shows), so the caller can offer undo. */
  async delete(id: string): Promise<DeletedArticle | null> {
    return this.write(async (store, derived, images) => {
      const raw = await store.get(id);
      if (raw === undefined) return null;
      await Promise.all([store.delete(id), derived.delete(id)]);
      const checked = validateRecord(raw);
      if (!checked.ok) return null;
      return { record: checked.value, images: await images.release(hashesOf(checked.value)) };
    }, () => ({ ids: [id] }));
  }

  /**
   * Puts a deleted record back exactly (undo), with the image bytes its delete handed back. If
   * the page was saved again in the meantime, the two are merged rather than one replacing the other.
   */
  async restore(record: ArticleRecord, kept: readonly StoredImage[] = []): Promise<ArticleRecord> {
    const checked = validateRecord(record);
    if (!checked.ok) throw new StoreError('invalid', t('store_unrestorable', checked.reason));
    return this.write(async (store, derived, images) => {
      const sameUrl = await store.index('url').get(record.url);
      const stored = sameUrl ? validateRecord(sameUrl) : null;
      const result = sameUrl && sameUrl.id !== record.id ? mergeRecords(sameUrl, checked.value) : checked.value;
      await Promise.all([images.put(kept), store.put(result), derived.put(result)]);
      // A merge may have kept the newer save's pictures over the restored ones: those go again.
      await images.release([...dropped(hashesOf(checked.value), result), ...dropped(hashesOf(stored?.ok ? stored.value : null), result)]);
      return result;
    }, (restored) => ({ ids: restored.id === record.id ? [record.id] : [record.id, restored.id] }));
  }

  async setTags(id: string, tags: readonly string[]): Promise<ArticleRecord> {
    const clean = [...new Set(tags.map(normalizeTag).filter(Boolean))];
    if (clean.length > LIMITS.tags) throw new StoreError('invalid', tn('store_tags', LIMITS.tags));
    return this.update(id, (r) => ({ ...r, tags: clean }));
  }

  /** Replaces the article's highlights (the offline reader's edits), each checked as a stored one is. */
  async setHighlights(id: string, highlights: readonly Highlight[]): Promise<ArticleRecord> {
    const clean = highlights.flatMap((h) => validHighlight(h, LIMITS.maxTime) ?? []);
    if (clean.length > HIGHLIGHT_LIMITS.perArticle) throw new StoreError('invalid', t('record_highlights_too_many', HIGHLIGHT_LIMITS.perArticle));
    return this.update(id, (r) => ({ ...r, highlights: clean.sort((a, b) => a.start - b.start || a.createdAt - b.createdAt) }));
  }

  async setProgress(id: string, progress: number): Promise<ArticleRecord> {
    const p = Number.isFinite(progress) ? Math.min(1, Math.max(0, progress)) : 0;
    return this.update(id, (r) => ({ ...r, progress: p }));
  }

  /** Read and write of one record inside one transaction: atomic, and blind to other records. */
  private async update(id: string, change: (r: ArticleRecord) => ArticleRecord): Promise<ArticleRecord> {
    return this.write(async (store, derived) => {
      const raw = await store.get(id);
      if (raw === undefined) throw new StoreError('not-found', t('store_gone'));
      const checked = validateRecord(raw);
      if (!checked.ok) throw new StoreError('invalid', t('store_damaged', checked.reason));
      const updated = change(checked.value);
      // Tags and progress are not searched: the stored form stays right, and is not rewritten.
      await Promise.all([store.put(updated), derived.put(updated, { searched: searchedFieldsDiffer(checked.value, updated) })]);
      return updated;
    }, () => ({ ids: [id] }));
  }

  /**
   * Imports validated records in one transaction, as planImport decides (import-plan.ts), with
   * the file's image bytes by hash (checked by library-import). All or nothing. `records` must
   * not repeat a URL or an id (parseImport guarantees it).
   */
  async importRecords(records: readonly ArticleRecord[], fileImages: ReadonlyMap<string, StoredImage> = new Map()): Promise<ImportOutcome> {
    return this.write(async (store, derived, images) => {
      // Issue every read at once: they run in order inside the transaction, without a round trip each.
      const byUrl = await Promise.all(records.map((r) => store.index('url').get(r.url)));
      const byId = await Promise.all(records.map((r) => store.get(r.id)));
      const atUrl = new Map(records.map((r, i) => [r.url, byUrl[i]]));
      const takenIds = new Set(records.filter((_r, i) => byId[i] !== undefined).map((r) => r.id));
      const plan = planImport(records, { atUrl: (url) => atUrl.get(url), hasId: (id) => takenIds.has(id) }, () => crypto.randomUUID());
      const puts: Promise<unknown>[] = [];
      const released: string[] = [];
      for (const step of plan) {
        if (step.kind === 'skip') continue;
        const before = atUrl.get(step.record.url);
        const replaced = before === undefined ? null : validateRecord(before);
        if (replaced?.ok) released.push(...dropped(hashesOf(replaced.value), step.record));
        const bytes = step.record.images.flatMap((ref) => fileImages.get(ref.hash) ?? []);
        const imagePut = images.put(bytes);
        imagePut.catch(() => undefined);
        puts.push(imagePut);
        // Forms are recomputed from what lands, never taken from the file (exports have none).
        // Handled by Promise.all below; the catches keep an aborted batch from reporting each put again.
        const put = store.put(step.record);
        put.catch(() => undefined);
        const derivedPut = derived.put(step.record);
        derivedPut.catch(() => undefined);
        puts.push(put, derivedPut);
      }
      await Promise.all(puts);
      await images.release(released);
      return countPlan(plan);
    }, () => ({ all: true }));
  }

  /** Removes every record (tests, the bench, and a future "clear library"). */
  async clear(): Promise<void> {
    await this.write((store, derived) => Promise.all([store.clear(), derived.clear()]), () => ({ all: true }));
  }

  close(): void {
    this.changes.close();
    this.db.close();
  }
}

/** Opens (creating on first use, upgrading an older version) the library database in this origin. */
export async function openArticleStore(name = DB_NAME): Promise<ArticleStore> {
  try {
    return new ArticleStore(await openLibraryDb(name));
  } catch (e) {
    throw toStoreError(e);
  }
}
