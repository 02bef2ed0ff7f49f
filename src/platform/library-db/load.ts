// Reading the whole library at once (the library page's open): every record validated, newest
// first, and the stored search forms beside them from the same transaction.
import { validateRecord, type ArticleRecord } from '../../shared/article-record';
import { isCurrentForm } from '../../shared/search-form';
import { ARTICLES, SEARCH, type LibraryDb } from './schema';
import { toStoreError } from './transaction';

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

export async function loadLibrary(db: LibraryDb, options: { searchForms?: boolean }): Promise<LoadOutcome> {
  let raw: unknown[];
  let stored: unknown[] = [];
  try {
    const tx = db.transaction(options.searchForms ? [ARTICLES, SEARCH] : [ARTICLES], 'readonly');
    [raw, stored] = await Promise.all([
      tx.objectStore(ARTICLES).index('savedAt').getAll(),
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
