// Whether a piece of work stays linear in its input, measured without a wall-clock limit: the
// work's time at size n and at 8n, each divided by the time of a plain linear scan over the same
// input. Linear work keeps that ratio about constant (growth ≈ 1); quadratic work multiplies it
// by the size factor (growth ≈ 8). Machine speed and load cancel out of the ratio, which is why
// tests assert on it and never on milliseconds.

export interface Sized<T> {
  input: T;
  /** The text a linear scan reads to stand for the same input (the page, the file, the string). */
  text: string;
}

function scan(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h + s.charCodeAt(i)) | 0;
  return h;
}

function once(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** Fastest of `runs` timings (noise only adds time); a run slower than `slowMs` is not repeated. */
function best(fn: () => unknown, runs: number, slowMs = 1_000): number {
  let t = once(fn);
  for (let i = 1; i < runs && t < slowMs; i++) t = Math.min(t, once(fn));
  return t;
}

/** Per-call time of the scan, repeated until a sample is long enough to read. */
function scanTime(text: string): number {
  for (let i = 0; i < 50; i++) scan(text); // optimized code, not the interpreter
  let reps = 1;
  while (once(() => { for (let i = 0; i < reps; i++) scan(text); }) < 2 && reps < 1 << 20) reps *= 2;
  return best(() => { for (let i = 0; i < reps; i++) scan(text); }, 5) / reps;
}

export interface Growth {
  growth: number;
  small: number;
  big: number;
}

export function growth<T>(make: (n: number) => Sized<T>, run: (input: T) => unknown, n: number, { factor = 8, runs = 3 } = {}): Growth {
  const a = make(n);
  const b = make(n * factor);
  run(a.input); // warm up: first calls compile code and fill caches
  const small = best(() => run(a.input), runs);
  const big = best(() => run(b.input), runs);
  const g = big / Math.max(small, 1e-3) / (scanTime(b.text) / scanTime(a.text));
  return { growth: g, small, big };
}

/** Growth above this is super-linear: quadratic work shows about 8 (the size factor), linear about 1. */
export const MAX_GROWTH = 3;
