// Reading the whole library at once. The library page's open reads the summaries (the list), then
// the stored search forms (the index), never the articles; exports read every full record.
import { validateRecord, type ArticleRecord } from '../../shared/article-record';
import { validateSummary, type ArticleSummary } from '../../shared/article-summary';
import { isCurrentForm } from '../../shared/search-form';
import { ARTICLES, SEARCH, SUMMARIES, type LibraryDb } from './schema';
import { toStoreError } from './transaction';

export interface LoadOutcome {
  /** Newest first. */
  records: ArticleRecord[];
  /** Stored entries that failed validation: left in place, reported, never shown. */
  unreadable: { key: string; reason: string }[];
}

export interface SummariesOutcome {
  /** Newest first. */
  summaries: ArticleSummary[];
  /**
   * Stored articles the list cannot show: those without a valid summary, which the upgrade and
   * every write give to each valid record, so these are the records that failed validation.
   */
  unreadable: number;
}

async function read<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw toStoreError(e);
  }
}

const newestFirst = (a: { savedAt: number; id: string }, b: { savedAt: number; id: string }) => b.savedAt - a.savedAt || (a.id < b.id ? 1 : -1);

export async function loadLibrary(db: LibraryDb): Promise<LoadOutcome> {
  const raw: unknown[] = await read(() => db.getAllFromIndex(ARTICLES, 'savedAt'));
  const records: ArticleRecord[] = [];
  const unreadable: LoadOutcome['unreadable'] = [];
  for (let i = raw.length - 1; i >= 0; i--) {
    const checked = validateRecord(raw[i]);
    if (checked.ok) records.push(checked.value);
    else unreadable.push({ key: String((raw[i] as { id?: unknown } | undefined)?.id ?? '?'), reason: checked.reason });
  }
  return { records, unreadable };
}

/** Every valid summary and the count of articles without one, from one transaction. */
export async function loadSummaries(db: LibraryDb): Promise<SummariesOutcome> {
  const [raw, articles] = await read(async () => {
    const tx = db.transaction([ARTICLES, SUMMARIES], 'readonly');
    return Promise.all([tx.objectStore(SUMMARIES).getAll(), tx.objectStore(ARTICLES).count()]);
  });
  const summaries: ArticleSummary[] = [];
  for (const entry of raw) {
    const checked = validateSummary(entry);
    if (checked.ok) summaries.push(checked.value);
  }
  summaries.sort(newestFirst);
  return { summaries, unreadable: Math.max(0, articles - summaries.length) };
}

/**
 * Each article's stored search form by id. One missing here (of an older tokenizer, or failing
 * the shape check) has to be tokenized by the caller from the full record.
 */
export async function loadSearchForms(db: LibraryDb): Promise<Map<string, string>> {
  const stored: unknown[] = await read(() => db.getAll(SEARCH));
  const forms = new Map<string, string>();
  for (const form of stored) if (isCurrentForm(form)) forms.set(form.id, form.tokens);
  return forms;
}
