// Runs regex timing jobs in a worker (regex-timing.worker.mjs) and stops it when a job goes quiet
// for `stallMs`: a synchronous regex cannot be interrupted from its own thread, so a pattern
// with exponential backtracking would otherwise hang the test run instead of failing it. The
// stall limit is a hang guard, not a performance assertion; the assertion is on `growth`.
import { Worker } from 'node:worker_threads';
import type { PumpCase } from './regex-pump';

export interface TimingJob {
  id: string;
  source: string;
  flags: string;
  cases: PumpCase[];
}

export interface TimingResult {
  /** How much more the regex's time grew from n to 8n than a linear scan's (1 = linear, 8 = quadratic). */
  growth: number;
  case: PumpCase | null;
  times: { reSmall: number; reBig: number; scanSmall: number; scanBig: number } | null;
  /** The job never finished: stopped after going quiet for stallMs. */
  hung?: boolean;
}

export interface TimingOptions {
  /** Characters in the smaller input. */
  size: number;
  factor: number;
  /** Samples per measurement; the fastest counts (noise only ever adds time). */
  runs: number;
  stallMs: number;
  /** A pattern stops being measured once one case grows faster than this. */
  stopAbove: number;
}

export const DEFAULT_TIMING: TimingOptions = { size: 1_000, factor: 8, runs: 3, stallMs: 20_000, stopAbove: 4 };

export async function timeRegexes(jobs: TimingJob[], options: TimingOptions = DEFAULT_TIMING): Promise<Map<string, TimingResult>> {
  const results = new Map<string, TimingResult>();
  let worker: Worker | null = null;
  const spawn = () => new Worker(new URL('./regex-timing.worker.mjs', import.meta.url));
  try {
    for (const job of jobs) {
      worker ??= spawn();
      const w: Worker = worker;
      const result = await new Promise<TimingResult>((resolve, reject) => {
        let timer: ReturnType<typeof setTimeout>;
        const arm = () => {
          clearTimeout(timer);
          timer = setTimeout(() => {
            cleanup();
            void w.terminate();
            resolve({ growth: Infinity, case: null, times: null, hung: true });
          }, options.stallMs);
        };
        const onMessage = (m: { id: string; progress?: boolean; done?: boolean; worst?: TimingResult }) => {
          if (m.id !== job.id) return;
          if (m.progress) return arm();
          cleanup();
          resolve(m.worst!);
        };
        const onError = (e: Error) => {
          cleanup();
          reject(e);
        };
        const cleanup = () => {
          clearTimeout(timer);
          w.off('message', onMessage);
          w.off('error', onError);
        };
        w.on('message', onMessage);
        w.on('error', onError);
        arm();
        w.postMessage({ ...job, ...options });
      });
      if (result.hung) worker = null;
      results.set(job.id, result);
    }
  } finally {
    await worker?.terminate();
  }
  return results;
}
