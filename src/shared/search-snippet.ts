// A search result's snippet: a short stretch of the article's text around the first word that
// matched, with every matched word in it marked. Plain data (text and which parts are marked);
// the library builds it into the page as text nodes and <mark> elements, never as markup.
//
// Words are matched with the index's own rule (search-typos.ts) on the same tokens
// (search-tokens.ts), so what is marked is what made the article match. Only the first
// SCAN_CHARS of a text are read: a snippet is drawn for every listed result on each keystroke, and
// a word first seen 200,000 characters into a 4 MB article gets no snippet rather than a stall.
import { queryTerms, tokenize } from './search-tokens';
import { forgivesTypos, Match, matchToken } from './search-typos';

export interface SnippetPart {
  text: string;
  marked: boolean;
}

const SCAN_CHARS = 200_000;
/** Roughly how much text a snippet shows, and how much of it comes before the first match. */
const SNIPPET_CHARS = 180;
const LEAD_CHARS = 50;
/** Runs of letters and digits (a linear pattern: one class, repeated). */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** The snippet of `text` for `query`, or null when no word of the text's first part matches. */
export function findSnippet(text: string, query: string): SnippetPart[] | null {
  const terms = queryTerms(query).map((term) => ({ term, typos: forgivesTypos(term) }));
  if (!terms.length) return null;
  const scanned = text.length > SCAN_CHARS ? text.slice(0, SCAN_CHARS) : text;
  const matches = (word: string) => tokenize(word).some((token) => terms.some(({ term, typos }) => matchToken(term, token, typos) !== Match.None));
  const marks: [number, number][] = [];
  let windowEnd = Infinity;
  let windowStart = 0;
  for (const m of scanned.matchAll(WORD)) {
    const at = m.index;
    if (at >= windowEnd) break;
    if (!matches(m[0])) continue;
    if (!marks.length) {
      windowStart = startNear(scanned, at - LEAD_CHARS);
      windowEnd = windowStart + SNIPPET_CHARS;
    }
    marks.push([at, at + m[0].length]);
  }
  if (!marks.length) return null;
  const end = Math.max(endNear(scanned, windowEnd), marks[marks.length - 1]![1]);
  const parts: SnippetPart[] = [];
  const plain = (from: number, to: number) => parts.push({ text: scanned.slice(from, to).replace(/\s+/g, ' '), marked: false });
  let at = windowStart;
  for (const [from, to] of marks) {
    plain(at, from);
    parts.push({ text: scanned.slice(from, to), marked: true });
    at = to;
  }
  plain(at, end);
  // The stretch starts and ends on a word (plain parts are first and last); "…" says it was cut.
  parts[0]!.text = `${windowStart > 0 ? '…' : ''}${parts[0]!.text.trimStart()}`;
  const last = parts[parts.length - 1]!;
  last.text = `${last.text.trimEnd()}${end < text.length ? '…' : ''}`;
  return parts.filter((p) => p.text);
}

/** A start at or after `from` that does not cut a word (the text's start if `from` is before it). */
function startNear(text: string, from: number): number {
  if (from <= 0) return 0;
  const space = text.slice(from, from + 40).search(/\s/);
  return space < 0 ? from : from + space + 1;
}

/** An end at or before `to` that does not cut a word. */
function endNear(text: string, to: number): number {
  if (to >= text.length) return text.length;
  const back = text.slice(Math.max(0, to - 40), to).search(/\s\S*$/);
  return back < 0 ? to : Math.max(0, to - 40) + back;
}
