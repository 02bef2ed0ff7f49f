// The two corpora's own metrics, computed exactly as their READMEs state them.
//
// trafilatura-eval: snippet containment after collapsing whitespace; counts summed over pages,
// then precision/recall/accuracy/F from the sums.
// WCXB: lowercase \w+ token multisets, per-page P/R/F1, averaged over pages.

export const collapse = (s) => s.replace(/\s+/g, ' ').trim();

/** Counts for one trafilatura-eval page. An empty output misses every `with` snippet. */
export function snippetCounts(output, withSnippets, withoutSnippets) {
  const text = collapse(output ?? '');
  const has = (s) => text.length > 0 && text.includes(collapse(s));
  const tp = withSnippets.filter(has).length;
  const fp = withoutSnippets.filter(has).length;
  return { tp, fn: withSnippets.length - tp, fp, tn: withoutSnippets.length - fp };
}

/** Precision, recall, accuracy and F-score from summed snippet counts. */
export function snippetScores(rows) {
  const sum = { tp: 0, fn: 0, fp: 0, tn: 0 };
  for (const r of rows) for (const k of Object.keys(sum)) sum[k] += r[k];
  const precision = sum.tp / (sum.tp + sum.fp || 1);
  const recall = sum.tp / (sum.tp + sum.fn || 1);
  const accuracy = (sum.tp + sum.tn) / (sum.tp + sum.tn + sum.fp + sum.fn || 1);
  const f = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, accuracy, f, ...sum };
}

// Python's \w in Unicode mode: letters (L*), numbers (N*) and underscore; combining marks split words there too.
const WORD = /[\p{L}\p{N}_]+/gu;

export function tokens(text) {
  return (text ?? '').toLowerCase().match(WORD) ?? [];
}

/** WCXB's per-page token-overlap precision, recall and F1. */
export function tokenScores(output, truth) {
  const out = tokens(output);
  const ref = tokens(truth);
  if (ref.length === 0) return out.length === 0 ? { p: 1, r: 1, f1: 1 } : { p: 0, r: 0, f1: 0 };
  if (out.length === 0) return { p: 0, r: 0, f1: 0 };
  const counts = new Map();
  for (const t of ref) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of out) {
    const n = counts.get(t);
    if (n) {
      overlap++;
      counts.set(t, n - 1);
    }
  }
  const p = overlap / out.length;
  const r = overlap / ref.length;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Share of snippets found in the output (WCXB's snippet rates). */
export function snippetRate(output, snippets) {
  if (!snippets.length) return null;
  const text = collapse(output ?? '').toLowerCase();
  return snippets.filter((s) => text.includes(collapse(s).toLowerCase())).length / snippets.length;
}

export const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
export const geomean = (xs) => (xs.length ? Math.exp(mean(xs.map((x) => Math.log(x)))) : 0);
