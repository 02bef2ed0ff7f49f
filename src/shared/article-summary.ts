// What the library list shows of a saved article: the record without its html and text, which
// are nearly all of its size (a 10,000-article library is ~140 MB of records and ~10 MB of
// summaries). The database keeps one beside each record so the list opens without reading any
// article; the reader, the snippets and the exports read the full record when they need it.
import { validateRecord, type ArticleRecord, type Validation } from './article-record';

export type ArticleSummary = Omit<ArticleRecord, 'html' | 'text'>;

export function summaryOf(record: ArticleRecord): ArticleSummary {
  const { html: _html, text: _text, ...summary } = record;
  return summary;
}

/**
 * A stored summary → a valid one, by the record's own rules: the one validator, given empty
 * html and text (the only fields a summary lacks, and ones that are valid empty).
 */
export function validateSummary(input: unknown): Validation<ArticleSummary> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return validateRecord(input) as Validation<never>;
  const checked = validateRecord({ ...input, html: '', text: '' });
  return checked.ok ? { ok: true, value: summaryOf(checked.value) } : checked;
}
