// `npm run bench:chromium`: Readwell's extraction time where users run it, on the live DOM of real
// pages in headless Chromium, against raw Readability on the same page (issue 13). The pages are
// trafilatura-eval's (found as bench:quality finds the corpora, READWELL_CORPORA included), decoded
// as bench:quality decodes them and served from 127.0.0.1; every other request is refused (host
// resolver rules, and an interception that aborts anything not from the local server). Page
// scripts are off (a `script-src 'none'` policy): the content script sees the DOM the page's
// scripts leave, and these captures' scripts could not run offline anyway.
//
// Per page: src/core bundled for the page, `extractArticle(document, url, {useLayout: true})` as
// the content script calls it, against `new Readability(document.cloneNode(true)).parse()`,
// interleaved (scripts/chromium-bench/in-page.mjs). Then the same figures in jsdom on a spread of
// the same pages, and the stage profile of the slowest pages. A benchmark, not a test: it prints.
//
//   --sample=N     N pages spread over the corpus (default: all 990)
//   --only=ID,ID   just these pages (corpus.json ids, e.g. p0042)
//   --runs=N       timed calls of each per page, after one warm-up each (default 5)
//   --jsdom=N      how many of the same pages to time in jsdom too (default 30; 0 skips)
//   --worst=N      how many of the slowest pages the stage profile sums (default 10)
//   --out=FILE     per-page JSON (default out/bench-chromium.json)
//   --compare=OLD  list pages whose article text differs from OLD's run, and the ratios before
import { build } from 'esbuild';
import { execSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CORPORA_DIR, corpusAvailable, loadCorpus, pageUrl } from './quality/corpora.mjs';
import { timePage } from './chromium-bench/in-page.mjs';
import { timeJsdom } from './chromium-bench/jsdom.mjs';
import { printStageProfile, printSummaries, summarize } from './chromium-bench/stats.mjs';

const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const hit = argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  return hit ? hit.slice(hit.indexOf('=') + 1) : fallback;
};
const root = new URL('..', import.meta.url).pathname;
const sample = Number(flag('sample', 0));
const only = flag('only', null) ? new Set(flag('only').split(',')) : null;
const runs = Number(flag('runs', 5));
const jsdomCount = Number(flag('jsdom', 30));
const worstCount = Number(flag('worst', 10));
const outFile = flag('out', join(root, 'out', 'bench-chromium.json'));
const compareFile = flag('compare', null);
const chromiumPath = process.env.READWELL_CHROMIUM ?? '/usr/bin/chromium';

// Which code was bundled: the commit at the start, marked when the worktree had changes.
let commit = null;
try {
  const git = (cmd) => execSync(cmd, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  commit = git('git rev-parse --short HEAD') + (git('git status --porcelain --untracked-files=no -- src') ? '+changes' : '');
} catch {}

if (!corpusAvailable('trafilatura')) {
  console.log(`bench:chromium: trafilatura-eval not found under ${CORPORA_DIR} (set READWELL_CORPORA to the folder holding it); skipped`);
  process.exit(0);
}
let pages = loadCorpus('trafilatura');
if (only) pages = pages.filter((p) => only.has(p.id));
if (sample && sample < pages.length) {
  const step = pages.length / sample;
  pages = Array.from({ length: sample }, (_, i) => pages[Math.floor(i * step)]);
}

// Bundles: the core and Readability for the page (one global), the core and the decoder for Node.
const cache = join(root, 'node_modules', '.cache', 'readwell-bench-chromium', String(process.pid));
mkdirSync(cache, { recursive: true });
process.on('exit', () => rmSync(cache, { recursive: true, force: true }));
const pageBundle = (await build({
  stdin: { contents: "export { extractArticle } from './src/core/index.ts'; export { Readability } from '@mozilla/readability';", resolveDir: root, loader: 'ts' },
  bundle: true, minify: true, format: 'iife', globalName: '__readwellBench', platform: 'browser', target: ['chrome120'],
  write: false, logLevel: 'warning', define: { 'process.env.NODE_ENV': '"production"' },
})).outputFiles[0].text;
for (const [entry, file] of [['src/core/index.ts', 'core.mjs'], ['src/cli/decode.ts', 'decode.mjs']]) {
  await build({ entryPoints: [join(root, entry)], outfile: join(cache, file), bundle: true, format: 'esm', platform: 'node', packages: 'external', logLevel: 'warning' });
}
const { decodeHtml } = await import(join(cache, 'decode.mjs'));


const html = new Map(); // id → decoded text, read when first served
const htmlOf = (p) => {
  if (!html.has(p.id)) {
    const bytes = gunzipSync(readFileSync(p.path));
    html.set(p.id, { text: decodeHtml(bytes).text, bytes: bytes.length });
  }
  return html.get(p.id);
};
const byId = new Map(pages.map((p) => [p.id, p]));
// Every page as UTF-8 with the charset in the header, so Chromium reads it exactly as decodeHtml did.
const server = createServer((req, res) => {
  const id = /^\/p\/(p\d+)\.html$/.exec(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)?.[1];
  const page = id && byId.get(id);
  if (!page) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
  // No page script runs (inline ones and handlers included); the benchmark's own code comes in
  // over the DevTools protocol, which CSP does not govern. (Switching JavaScript off instead would
  // also stop the callbacks the core hands the browser, such as DOMPurify's Trusted Types policy.)
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': "script-src 'none'" }).end(htmlOf(page).text);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
});
const version = browser.version();
const rows = [];
const started = Date.now();
try {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  for (const [i, p] of pages.entries()) {
    const url = `${base}/p/${p.id}.html`;
    const page = await ctx.newPage();
    // Only the page itself, once: no subresource from anywhere else, and no meta refresh (or
    // link target) that would navigate away while the page is being measured.
    let loaded = false;
    await page.route('**/*', (route) => {
      const req = route.request();
      const allowed = req.url().startsWith(`${base}/`) && !(loaded && req.isNavigationRequest());
      return allowed ? route.continue() : route.abort('blockedbyclient');
    });
    const row = { id: p.id, url: p.url, bytes: htmlOf(p).bytes };
    try {
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
      loaded = true;
      await page.evaluate(pageBundle);
      Object.assign(row, await withTimeout(page.evaluate(timePage, { url: pageUrl(p.url), runs }), 120_000));
    } catch (err) {
      row.error = String(err?.message ?? err).split('\n')[0];
    }
    await page.close().catch(() => {});
    rows.push(row);
    if ((i + 1) % 25 === 0 || i + 1 === pages.length) process.stderr.write(`\r${i + 1}/${pages.length} pages in Chromium`);
  }
} finally {
  await browser.close();
  server.close();
}
process.stderr.write('\n');
const timed = rows.filter((r) => !r.error);
const chromiumSummary = summarize(timed);

// jsdom on an even spread of the pages Chromium timed, each parsed once and timed like bench.mjs.
const jsdomRows = [];
if (jsdomCount > 0 && timed.length) {
  const { extractArticle } = await import(join(cache, 'core.mjs'));
  const step = Math.max(1, timed.length / jsdomCount);
  const picks = Array.from({ length: Math.min(jsdomCount, timed.length) }, (_, i) => timed[Math.floor(i * step)]);
  for (const r of picks) {
    const p = byId.get(r.id);
    jsdomRows.push({ id: r.id, bytes: r.bytes, ...timeJsdom(extractArticle, htmlOf(p).text, pageUrl(p.url), runs) });
  }
}
const jsdomSummary = jsdomRows.length ? summarize(jsdomRows) : null;
const sameInChromium = jsdomRows.length ? summarize(timed.filter((r) => jsdomRows.some((j) => j.id === r.id)).map((r) => ({ ...r }))) : null;

const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.log(`\nbench:chromium: ${timed.length} pages of trafilatura-eval in ${seconds} s (${version}, ${runs} timed calls each after a warm-up; page scripts off)`);
const failed = rows.filter((r) => r.error);
if (failed.length) console.log(`not timed: ${failed.map((r) => `${r.id} (${r.error.slice(0, 80)})`).join('; ')}`);
const noArticle = timed.filter((r) => !r.ok);
console.log(`Readwell found no article on ${noArticle.length} of them${noArticle.length ? ` (${noArticle.map((r) => `${r.id}:${r.reason}`).join(' ')})` : ''}`);
console.log('Longest call: over every call, warm-up included. Calls > 100 ms: counted over every call on pages under 1 MB of HTML.\n');
printSummaries([
  [`Chromium ${version.split('.')[0]}, \`useLayout: true\``, chromiumSummary],
  [`Chromium, the ${jsdomRows.length} pages timed in jsdom`, sameInChromium],
  [`jsdom, ${jsdomRows.length} of the same pages`, jsdomSummary],
]);

const worst = [...timed].sort((a, b) => b.oursMedian - a.oursMedian).slice(0, worstCount);
console.log(`\nslowest ${worst.length} pages for Readwell in Chromium`);
for (const r of worst) {
  console.log(`  ${r.id} ${(r.bytes / 1024).toFixed(0).padStart(5)} KB ${String(r.elements).padStart(6)} elements   Readwell ${r.oursMedian.toFixed(1).padStart(6)} ms  raw ${r.rawMedian.toFixed(1).padStart(6)} ms  ${r.ratio.toFixed(2)}×  ${String(r.url).slice(0, 60)}`);
}
printStageProfile(worst, `stage profile (each stage's median of 3 profiled calls) summed over the ${worst.length} slowest pages`);
printStageProfile(timed, `stage profile over all ${timed.length} pages`);

mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, JSON.stringify({ when: new Date().toISOString(), commit, chromium: version, runs, summary: { chromium: chromiumSummary, jsdom: jsdomSummary }, pages: rows, jsdom: jsdomRows }));
console.log(`\nper-page results: ${outFile}`);

if (compareFile) {
  const old = JSON.parse(readFileSync(compareFile, 'utf8'));
  const before = new Map(old.pages.filter((r) => !r.error).map((r) => [r.id, r]));
  const both = timed.filter((r) => before.has(r.id));
  const changed = both.filter((r) => before.get(r.id).hash !== r.hash);
  console.log(`\ncompared with ${compareFile} (${old.commit ?? '?'}): ${both.length} pages in both, article text changed on ${changed.length}${changed.length ? `: ${changed.map((r) => r.id).join(' ')}` : ''}`);
  const prev = summarize(both.map((r) => ({ ...before.get(r.id) })));
  const now = summarize(both.map((r) => ({ ...r })));
  printSummaries([['before, these pages', prev], ['now, these pages', now]]);
}

function withTimeout(promise, ms) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms); })]).finally(() => clearTimeout(timer));
}
