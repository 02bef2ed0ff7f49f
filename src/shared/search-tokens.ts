// How text becomes search tokens, shared by the index and the query so both sides agree.
// Folding: Unicode compatibility decomposition, combining marks dropped, lower case, and a few
// letters that do not decompose (ß, æ, ø, ł…) spelled out, so "Müller" is found by "muller" and
// "Straße" by "strasse". Chinese, Japanese and Korean have no spaces between words: each run is
// indexed as overlapping character pairs plus its last character, so a query of one or more
// characters still finds it through prefix matching.

const FOLD_EXTRA: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h' };
const EXTRA = /[ßæœøłđðþıħ]/g;
const MARKS = /\p{M}+/gu;
const CJK_RUN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+/gu;
const WORD = /[\p{L}\p{N}]+/gu;
/** Longer tokens are kept whole but indexed by this prefix: nobody types 40 letters to search. */
const MAX_TOKEN = 24;

export function foldText(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(EXTRA, (c) => FOLD_EXTRA[c] ?? c);
}

/** Every token of `text`, folded, in order, with repeats (callers dedupe as they need). */
export function tokenize(text: string, out: string[] = []): string[] {
  const folded = foldText(text);
  for (const run of folded.matchAll(CJK_RUN)) {
    const s = run[0];
    for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
    out.push(s[s.length - 1]!);
  }
  const rest = folded.replace(CJK_RUN, ' ');
  for (const m of rest.matchAll(WORD)) out.push(m[0].length > MAX_TOKEN ? m[0].slice(0, MAX_TOKEN) : m[0]);
  return out;
}

/** The distinct terms of a query; CJK pairs included, so "東京都" asks for 東京 and 京都. */
export function queryTerms(query: string): string[] {
  const terms = new Set(tokenize(query));
  // A CJK run's trailing single character is implied by its pairs; asking for it again only costs.
  for (const t of [...terms]) if (t.length === 1 && [...terms].some((o) => o.length === 2 && o.endsWith(t))) terms.delete(t);
  // A term that is a prefix of another term adds nothing to an AND of prefix matches.
  return [...terms].filter((t) => ![...terms].some((o) => o !== t && o.startsWith(t)));
}
