// Token overlap between an extraction and the reviewed expected text: the quality figure the
// issue asks for ("at least raw Readability's on every fixture"). Tokens are runs of letters or
// digits, lower-cased; Chinese and Japanese characters count one each, since those scripts do not
// separate words with spaces, and so does each private-use glyph (a reader sees it as a box). Counted as multisets, so a paragraph printed twice costs precision.

const TOKEN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]|[\ue000-\uf8ff\u{f0000}-\u{10fffd}]|[\p{L}\p{N}]+/gu;

export function tokens(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.toLowerCase().matchAll(TOKEN)) {
    // The CJK alternative comes first, so a CJK run is split into characters.
    counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  }
  return counts;
}

function size(bag: Map<string, number>): number {
  let n = 0;
  for (const c of bag.values()) n += c;
  return n;
}

/** Tokens of `actual` beyond what `expected` holds: words that should not be there. */
export function extraTokens(actual: string, expected: string): number {
  const a = tokens(actual);
  const e = tokens(expected);
  let extra = 0;
  for (const [t, c] of a) extra += Math.max(0, c - (e.get(t) ?? 0));
  return extra;
}

/** F1 of token overlap, 0..1. Two empty texts agree perfectly (the no-article page). */
export function overlapF1(actual: string, expected: string): number {
  const a = tokens(actual);
  const e = tokens(expected);
  const na = size(a);
  const ne = size(e);
  if (na === 0 && ne === 0) return 1;
  if (na === 0 || ne === 0) return 0;
  let common = 0;
  for (const [t, c] of a) common += Math.min(c, e.get(t) ?? 0);
  if (common === 0) return 0;
  const precision = common / na;
  const recall = common / ne;
  return (2 * precision * recall) / (precision + recall);
}
