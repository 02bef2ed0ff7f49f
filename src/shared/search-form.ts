// An article's search form: its distinct folded tokens (title, byline, site, text and the notes
// on its highlights), computed
// once when the article is saved or imported and stored beside it, so opening the library never
// tokenizes article text again (that took ~5 s of CPU at 10,000 articles on every open).
//
// Written as one string, each token preceded by a space: " harbour cranes at dawn the …". One
// string per article is far cheaper for IndexedDB to store and load than an array of strings,
// and a prefix match of a term is then a substring search for " " + term (tokens never hold a
// space). Derived data: never exported, always recomputable from the record.
import { forEachToken } from './search-tokens';

/**
 * Bump when tokenizing or folding changes what a text's tokens are. Stored forms carry the
 * version they were made with; a form of another version is recomputed (see ArticleStore), so a
 * stale form never hides an article from a search.
 */
export const SEARCH_FORM_VERSION = 1;

export interface SearchFields {
  title: string;
  byline: string | null;
  siteName: string | null;
  text: string;
  /** The user's notes are searched with the text (their quotes are text already). */
  highlights?: readonly { note: string }[];
}

/** What the store keeps per article, keyed by the article's id. */
export interface StoredSearchForm {
  id: string;
  v: number;
  tokens: string;
}

/** The distinct tokens of an article's searched fields, each preceded by a space. */
export function searchForm(item: SearchFields): string {
  const seen = new Set<string>();
  const add = (token: string) => {
    seen.add(token);
  };
  forEachToken(item.title, add);
  if (item.byline) forEachToken(item.byline, add);
  if (item.siteName) forEachToken(item.siteName, add);
  forEachToken(item.text, add);
  for (const h of item.highlights ?? []) if (h.note) forEachToken(h.note, add);
  // One join gives one flat string; concatenating (even ' ' + joined) leaves a rope in V8, and
  // reading a rope character by character, as the index does, is tens of times slower.
  return seen.size ? ['', ...seen].join(' ') : '';
}

export function storedSearchForm(id: string, item: SearchFields): StoredSearchForm {
  return { id, v: SEARCH_FORM_VERSION, tokens: searchForm(item) };
}

/**
 * A form is at most as long as the text it came from, plus its short fields, and twice that where
 * folding expands characters (ß → ss): anything longer was not written by searchForm.
 */
export const MAX_FORM_CHARS = 2 * (4_000_000 + 3 * 2_000 + 500 * 4_000);

/** True when a value read from storage is a usable form of the current version (else it is recomputed). */
export function isCurrentForm(value: unknown): value is StoredSearchForm {
  const f = value as Partial<StoredSearchForm> | null | undefined;
  return !!f && f.v === SEARCH_FORM_VERSION && typeof f.id === 'string' && f.id.length <= 100 && typeof f.tokens === 'string' && f.tokens.length <= MAX_FORM_CHARS;
}
