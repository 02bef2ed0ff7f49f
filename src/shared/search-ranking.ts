// The order of search results: by where the query's words appear, then newest first.
//
// Each term scores where it is found at best: in the title 0, in a tag 1, only elsewhere (byline,
// site or text) 2. An article's score is the sum over the terms, so a title match of every term
// comes first. Ties go to the article with fewer terms matched only through a typo, then to the
// newer one (the index's order, kept by a stable sort).
//
// Why per result and not in the index: the index holds one token set per article (its stored
// search form, search-form.ts), with no fields. Titles and tags are short and already in memory,
// so checking them for the results costs far less than storing a field per token; their tokens
// are cached per summary object (a changed article gets a new summary, so nothing goes stale).
import type { Hit } from './library-search';
import { queryTerms, tokenize } from './search-tokens';
import { forgivesTypos, oneTypoApart, TYPO_MIN_WORD } from './search-typos';

export interface RankedFields {
  title: string;
  tags: readonly string[];
}

const TITLE = 0;
const TAG = 1;
const BODY = 2;

const tokenCache = new WeakMap<RankedFields, { title: string[]; tags: string[] }>();

function tokensOf(fields: RankedFields): { title: string[]; tags: string[] } {
  let tokens = tokenCache.get(fields);
  if (!tokens) {
    tokens = { title: [...new Set(tokenize(fields.title))], tags: [...new Set(fields.tags.flatMap((t) => tokenize(t)))] };
    tokenCache.set(fields, tokens);
  }
  return tokens;
}

/** Whether one of `tokens` answers the term (matchToken's rule, inlined: this runs per hit per term). */
function found(term: string, typos: boolean, tokens: readonly string[]): boolean {
  const n = term.length;
  const first = term.charCodeAt(0);
  for (const token of tokens) {
    // The first character rules most tokens out before a startsWith call (the costly part here).
    if (token.charCodeAt(0) === first && token.startsWith(term)) return true;
    const d = token.length - n;
    if (typos && d <= 1 && d >= -1 && token.length >= TYPO_MIN_WORD && oneTypoApart(term, token)) return true;
  }
  return false;
}

/** `hits` (newest first, from LibrarySearch.find) in the order the list shows them. */
export function rankHits<T extends RankedFields>(query: string, hits: readonly Hit[], fieldsOf: (id: string) => T | undefined): T[] {
  const terms = queryTerms(query).map((term) => ({ term, typos: forgivesTypos(term) }));
  const most = terms.length;
  // Keys are small integers (place sum, then typo count), so a bucket per key sorts in one pass
  // and keeps the newest-first order within each: 10,000 hits cost no comparisons.
  const buckets: T[][] = [];
  for (const hit of hits) {
    const fields = fieldsOf(hit.id);
    if (!fields) continue;
    const tokens = tokensOf(fields);
    let score = 0;
    for (const { term, typos } of terms) score += found(term, typos, tokens.title) ? TITLE : found(term, typos, tokens.tags) ? TAG : BODY;
    const key = score * (most + 1) + Math.min(hit.typos, most);
    (buckets[key] ??= []).push(fields);
  }
  // A plain loop: Array.prototype.flat is generic and several times slower on 10,000 items.
  const ranked: T[] = [];
  for (const bucket of buckets) if (bucket) for (const fields of bucket) ranked.push(fields);
  return ranked;
}
