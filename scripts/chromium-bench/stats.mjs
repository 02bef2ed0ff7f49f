// Figures over per-page timings {ours: number[], raw: number[], oursFirst, rawFirst, bytes}:
// medians, ratios and long calls, the same for Chromium and jsdom so the two tables compare.

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Nearest-rank percentile. */
export const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};

export const geomean = (xs) => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);

/** Where a long task starts: what the "the tab never waits" bound is about. */
export const LONG_CALL_MS = 100;
export const BIG_PAGE_BYTES = 1_000_000;

/** Adds each page's medians and ratio; returns the summary row of a table. */
export function summarize(rows) {
  for (const r of rows) {
    r.oursMedian = median(r.ours);
    r.rawMedian = median(r.raw);
    r.ratio = r.oursMedian / r.rawMedian;
  }
  const ok = rows.filter((r) => r.rawMedian > 0 && r.oursMedian > 0);
  const calls = (r, side) => [r[`${side}First`], ...r[side]];
  const longest = (side) => {
    let best = { ms: 0, id: null };
    for (const r of ok) for (const ms of calls(r, side)) if (ms > best.ms) best = { ms, id: r.id };
    return best;
  };
  const small = ok.filter((r) => r.bytes < BIG_PAGE_BYTES);
  const long = (side) => small.reduce((n, r) => n + calls(r, side).filter((ms) => ms > LONG_CALL_MS).length, 0);
  const longPages = (side) => small.filter((r) => calls(r, side).some((ms) => ms > LONG_CALL_MS)).length;
  const sum = (side) => ok.reduce((a, r) => a + r[`${side}Median`], 0);
  return {
    pages: ok.length,
    rawMedian: median(ok.map((r) => r.rawMedian)),
    oursMedian: median(ok.map((r) => r.oursMedian)),
    geomean: geomean(ok.map((r) => r.ratio)),
    p90: percentile(ok.map((r) => r.ratio), 90),
    total: sum('ours') / sum('raw'),
    longestOurs: longest('ours'),
    longestRaw: longest('raw'),
    longCallsOurs: long('ours'),
    longCallsRaw: long('raw'),
    longPagesOurs: longPages('ours'),
    longPagesRaw: longPages('raw'),
    smallPages: small.length,
    // The first call on a page runs code the engine has not compiled yet, as a freshly injected
    // content script does.
    firstOurs: median(ok.map((r) => r.oursFirst)),
    firstRaw: median(ok.map((r) => r.rawFirst)),
    callsPerPage: ok.length ? calls(ok[0], 'ours').length : 0,
  };
}

const ms = (x) => `${x.toFixed(1)} ms`;

/** The table: one markdown row per environment. */
export function printSummaries(entries) {
  console.log('| | pages | raw median | Readwell median | geomean ratio | p90 ratio | total ratio | longest call (Readwell / raw) | calls > 100 ms, pages < 1 MB (Readwell / raw) | first call, median (Readwell / raw) |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const [label, s] of entries) {
    if (!s?.pages) continue;
    console.log(`| ${label} | ${s.pages} | ${ms(s.rawMedian)} | ${ms(s.oursMedian)} | ${s.geomean.toFixed(2)}× | ${s.p90.toFixed(2)}× | ${s.total.toFixed(2)}× | ${ms(s.longestOurs.ms)} (${s.longestOurs.id}) / ${ms(s.longestRaw.ms)} | ${s.longCallsOurs} on ${s.longPagesOurs} pages / ${s.longCallsRaw} on ${s.longPagesRaw} pages | ${ms(s.firstOurs)} / ${ms(s.firstRaw)} |`);
  }
}

/** Each stage's time summed over `rows` (each page's per-stage medians of its profiled calls), largest first. */
export function printStageProfile(rows, title) {
  const sums = new Map();
  for (const r of rows) for (const [stage, t] of Object.entries(r.stages ?? {})) sums.set(stage, (sums.get(stage) ?? 0) + t);
  const total = [...sums.values()].reduce((a, b) => a + b, 0);
  const raw = rows.reduce((a, r) => a + r.rawMedian, 0);
  console.log(`\n${title}: ${total.toFixed(0)} ms in all (raw Readability's medians on the same pages: ${raw.toFixed(0)} ms)`);
  for (const [stage, t] of [...sums].sort((a, b) => b[1] - a[1])) {
    if (t / total < 0.002) continue;
    console.log(`  ${stage.padEnd(28)} ${t.toFixed(1).padStart(8)} ms  ${((100 * t) / total).toFixed(1).padStart(5)} %`);
  }
}
