// `npm run bench:quality`: extraction quality on the public corpora in ../shared/corpora, Readwell
// (`extractArticle(...).article.text`) beside raw Readability 0.6.0 (`textContent`), each page
// decoded as a browser would and parsed in jsdom. A benchmark, not a test: it prints figures and
// writes per-page results so two runs can be diffed.
//
//   --corpus=trafilatura,wcxb   which corpora (default both)
//   --sample=N                  N pages per corpus, spread evenly (for iterating; default all)
//   --only=ID,ID                just these pages (ids as in corpus.json, e.g. p0042 or 0815)
//   --jobs=N                    worker processes (default 2)
//   --out=FILE                  per-page JSON (default out/quality/latest.json)
//   --compare=OLD.json          list pages that got worse since OLD.json
//   --texts=DIR                 write each page's two outputs to DIR (for reading them)
//   --worst=N                   how many worst pages to list (default 12)
//   --disable=NAME,NAME         clean rules or pipeline steps to switch off in Readwell (what each is worth)
import { build } from 'esbuild';
import { fork, execSync } from 'node:child_process';
import { mkdirSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CORPORA_DIR, CORPUS_NAMES, corpusAvailable, loadCorpus } from './corpora.mjs';
import { reportTrafilatura, reportWcxb, reportSpeed, scorePage, worsePages } from './report.mjs';

const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const hit = argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (!hit) return fallback;
  return hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : true;
};
const root = new URL('../..', import.meta.url).pathname;
const corpora = String(flag('corpus', CORPUS_NAMES.join(','))).split(',');
const sample = Number(flag('sample', 0));
const only = flag('only', null) ? new Set(String(flag('only')).split(',')) : null;
const jobs = Number(flag('jobs', 2));
const batchSize = 20;
const outFile = String(flag('out', join(root, 'out', 'quality', 'latest.json')));
const compareFile = flag('compare', null);
const textsDir = flag('texts', null);
const worstCount = Number(flag('worst', 12));
const disabled = flag('disable', null) ? String(flag('disable')).split(',') : [];

// One bundle per run: a second run started while the first is going must not swap its code.
const cache = join(root, 'node_modules', '.cache', 'readwell-quality', String(process.pid));
mkdirSync(cache, { recursive: true });
process.on('exit', () => rmSync(cache, { recursive: true, force: true }));
const coreFile = join(cache, 'core.mjs');
const decodeFile = join(cache, 'decode.mjs');
for (const [entry, outfile] of [['src/core/index.ts', coreFile], ['src/cli/decode.ts', decodeFile]]) {
  await build({ entryPoints: [join(root, entry)], outfile, bundle: true, format: 'esm', platform: 'node', packages: 'external', logLevel: 'warning' });
}

const pages = [];
for (const name of corpora) {
  if (!corpusAvailable(name)) {
    console.log(`bench:quality: corpus ${name} not found under ${CORPORA_DIR} (set READWELL_CORPORA to its folder); skipped`);
    continue;
  }
  let list = loadCorpus(name);
  if (only) list = list.filter((p) => only.has(p.id));
  if (sample && sample < list.length) {
    const step = list.length / sample;
    list = Array.from({ length: sample }, (_, i) => list[Math.floor(i * step)]);
  }
  for (const p of list) pages.push({ ...p, key: `${name}:${p.id}` });
}
if (!pages.length) {
  console.log('bench:quality: no pages to run');
  process.exit(0);
}

const started = Date.now();
const results = await runPool(pages);
const seconds = (Date.now() - started) / 1000;

if (textsDir) {
  mkdirSync(String(textsDir), { recursive: true });
  for (const p of pages) {
    const r = results.get(p.key);
    const base = join(String(textsDir), p.key.replace(':', '-'));
    writeFileSync(`${base}.ours.txt`, r.ours ?? `(${r.oursReason ?? r.error})`);
    writeFileSync(`${base}.raw.txt`, r.raw ?? '');
    if (r.removals) writeFileSync(`${base}.removals.tsv`, r.removals.join('\n'));
  }
}

const scored = pages.map((p) => scorePage(p, results.get(p.key)));
console.log(`\nbench:quality: ${pages.length} pages in ${seconds.toFixed(0)} s (${jobs} workers)`);
for (const name of corpora) {
  const rows = scored.filter((s) => s.corpus === name);
  if (!rows.length) continue;
  if (name === 'trafilatura') reportTrafilatura(rows, worstCount);
  else reportWcxb(rows, worstCount);
}
reportSpeed(scored);

let commit = null;
try {
  commit = execSync('git rev-parse --short HEAD', { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
} catch {}
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, JSON.stringify({ when: new Date().toISOString(), commit, pages: scored }, null, 0));
console.log(`\nper-page results: ${outFile}`);

if (compareFile) {
  const old = JSON.parse(readFileSync(String(compareFile), 'utf8'));
  worsePages(old.pages, scored);
}

/** Runs the pages through worker processes, a fresh process per batch; returns key → result. */
function runPool(list) {
  const results = new Map();
  const queue = [];
  for (let i = 0; i < list.length; i += batchSize) queue.push(list.slice(i, i + batchSize));
  let done = 0;
  return new Promise((resolve) => {
    let running = 0;
    const next = () => {
      if (!queue.length) {
        if (running === 0) resolve(results);
        return;
      }
      const batch = queue.shift();
      running++;
      const child = fork(join(root, 'scripts', 'quality', 'worker.mjs'), [coreFile, decodeFile], {
        execArgv: ['--max-old-space-size=4096', '--stack-size=8000'],
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      const pending = new Set(batch.map((p) => p.key));
      // A page that hangs or crashes the worker is recorded as an error, never waited on forever.
      let timer;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
      };
      arm();
      child.on('message', (msg) => {
        if (msg.done) return;
        arm();
        results.set(msg.key, msg);
        pending.delete(msg.key);
        done++;
        if (process.stdout.isTTY || done % 100 === 0) process.stderr.write(`\r${done}/${list.length} pages`);
      });
      child.on('exit', () => {
        clearTimeout(timer);
        for (const key of pending) results.set(key, { key, error: 'worker died or timed out' });
        running--;
        next();
      });
      child.send({ pages: batch.map(({ key, path, url }) => ({ key, path, url })), withRemovals: Boolean(textsDir), disabled });
    };
    for (let i = 0; i < Math.max(1, jobs); i++) next();
  });
}
