// Times regular expressions on generated inputs, in a worker thread so that a pattern that never
// finishes (exponential backtracking) can be stopped from outside: the parent terminates this
// worker when no answer comes, and names the pattern it was on. No clocks are asserted here; each
// case reports how much more a regex's time grows from n to 8n than a plain linear scan's does.
import { parentPort } from 'node:worker_threads';

/** A linear scan of the input: the yardstick every regex is measured against. */
function scan(s) {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h + s.charCodeAt(i)) | 0;
  return h;
}

/** Every match in the input, the way a global replace or matchAll walks it. */
function runAll(re, s) {
  re.lastIndex = 0;
  let n = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    if (m[0] === '') re.lastIndex++;
    n++;
  }
  return n;
}

function elapsed(fn, reps) {
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) fn();
  return (performance.now() - t0) / reps;
}

/** Per-call time: repeated until one sample lasts long enough to read, best of `runs` samples. */
function measure(fn, runs) {
  let reps = 1;
  let t = elapsed(fn, reps);
  while (t * reps < 0.1 && reps < 1 << 20) {
    reps *= 4;
    t = elapsed(fn, reps);
  }
  let best = t;
  for (let r = 1; r < runs; r++) best = Math.min(best, elapsed(fn, reps));
  return best;
}

/** The input, as one flat string (a concatenation is a rope in V8, slower to read at first). */
function build(c, length) {
  const count = Math.max(1, Math.ceil(length / c.unit.length));
  return Buffer.from(c.head + c.unit.repeat(count) + c.tail, 'utf16le').toString('utf16le');
}

// The scan's time depends only on the input's length: measured once per length.
const scanTimes = new Map();
function scanTime(s, runs) {
  let t = scanTimes.get(s.length);
  if (t === undefined) scanTimes.set(s.length, (t = measure(() => scan(s), runs)));
  return t;
}
// Warm the scan up so its first measurements are of optimized code.
for (let i = 0; i < 200; i++) scan('x'.repeat(10_000));

parentPort.on('message', ({ id, source, flags, cases, size, factor, runs, stopAbove }) => {
  const re = new RegExp(source, flags.includes('g') || flags.includes('y') ? flags.replace('y', 'g') : `${flags}g`);
  // Warm up: V8 interprets a regex first and compiles it to native code once it is used.
  runAll(re, 'warm up a a a');
  runAll(re, 'warm up a a a');
  let worst = { growth: 0, case: null, times: null };
  for (const c of cases) {
    const small = build(c, size);
    const big = build(c, size * factor);
    runAll(re, small);
    const reSmall = measure(() => runAll(re, small), runs);
    const reBig = measure(() => runAll(re, big), runs);
    const scanSmall = scanTime(small, runs);
    const scanBig = scanTime(big, runs);
    // Floors keep a regex that fails at once (an anchor) from dividing by nothing.
    const growth = Math.max(reBig, 1e-6) / Math.max(reSmall, 1e-6) / (Math.max(scanBig, 1e-6) / Math.max(scanSmall, 1e-6));
    if (growth > worst.growth) worst = { growth, case: c, times: { reSmall, reBig, scanSmall, scanBig } };
    parentPort.postMessage({ id, progress: true });
    if (growth > stopAbove) break; // one super-linear case is enough to fail the pattern
  }
  parentPort.postMessage({ id, done: true, worst });
});
