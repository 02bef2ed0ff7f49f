// `npm run bench`: how much time Readwell's pipeline adds to Readability's own, measured side by
// side in one process: for every fixture page and a generated >1 MB article, the median time of
// extractArticle against raw `new Readability(clone).parse()`, interleaved run by run so machine
// load hits both alike. Then the library and browser benchmarks if they exist, and bundle sizes.
// Never a pass/fail test: it prints figures.
//
// Flags: --extract-only skips the library and browser benchmarks and bundle sizes (for profiling
// the pipeline); --only=SUBSTRING times just the pages whose name contains SUBSTRING.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { largeArticlePage } from './bench-pages.mjs';

const args = process.argv.slice(2);
const extractOnly = args.includes('--extract-only');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);

const root = new URL('..', import.meta.url).pathname;
const cache = join(root, 'node_modules', '.cache', 'readwell-bench');
mkdirSync(cache, { recursive: true });
const coreFile = join(cache, 'core.mjs');
await build({
  entryPoints: [join(root, 'src/core/index.ts')],
  outfile: coreFile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  packages: 'external',
  logLevel: 'warning',
});
const { extractArticle } = await import(coreFile);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function measure(doc, url, { minRuns = 7, maxRuns = 40, budgetMs = 1500 } = {}) {
  const ours = [];
  const raw = [];
  // One warm-up of each, so JIT compilation is not billed to whichever runs first.
  extractArticle(doc, url);
  new Readability(doc.cloneNode(true)).parse();
  const started = performance.now();
  for (let i = 0; i < maxRuns && (i < minRuns || performance.now() - started < budgetMs); i++) {
    const order = i % 2 ? ['raw', 'ours'] : ['ours', 'raw'];
    for (const which of order) {
      const t0 = performance.now();
      if (which === 'ours') extractArticle(doc, url);
      else new Readability(doc.cloneNode(true)).parse();
      (which === 'ours' ? ours : raw).push(performance.now() - t0);
    }
  }
  return { ours: median(ours), raw: median(raw), runs: ours.length };
}

const pages = [];
const fixturesDir = join(root, 'test', 'fixtures', 'pages');
for (const name of readdirSync(fixturesDir).sort()) {
  const file = join(fixturesDir, name, 'source.html');
  if (existsSync(file)) pages.push({ name, bytes: readFileSync(file), url: `https://fixtures.readwell.test/${name}/` });
}
pages.push({ name: 'generated: large article', bytes: Buffer.from(largeArticlePage()), url: 'https://bench.readwell.test/large/' });

const rows = [];
for (const page of only ? pages.filter((p) => p.name.includes(only)) : pages) {
  const doc = new JSDOM(page.bytes, { url: page.url, contentType: 'text/html', virtualConsole: new VirtualConsole() }).window.document;
  const big = page.bytes.length > 500_000;
  const m = measure(doc, page.url, big ? { minRuns: 5, maxRuns: 7, budgetMs: 0 } : undefined);
  rows.push({ page: page.name, kb: page.bytes.length / 1024, ...m });
}

const pad = (s, n) => String(s).padEnd(n);
const num = (x, d = 1) => x.toFixed(d).padStart(8);
console.log(`\nExtraction time, median per page (jsdom, Node ${process.versions.node})`);
console.log(`${pad('page', 44)}${'size KB'.padStart(8)}${'ours ms'.padStart(9)}${'raw ms'.padStart(9)}${'ratio'.padStart(8)}  runs`);
for (const r of rows) {
  console.log(`${pad(r.page, 44)}${num(r.kb, 0)}${num(r.ours, 1)} ${num(r.raw, 1)}${num(r.ours / r.raw, 2)}  ${r.runs}`);
}
const ours = rows.reduce((s, r) => s + r.ours, 0);
const raw = rows.reduce((s, r) => s + r.raw, 0);
const geo = Math.exp(rows.reduce((s, r) => s + Math.log(r.ours / r.raw), 0) / rows.length);
console.log(`overall: total-time ratio ${(ours / raw).toFixed(2)}x, geometric mean of per-page ratios ${geo.toFixed(2)}x over ${rows.length} pages`);

for (const script of extractOnly ? [] : ['bench-library.mjs', 'bench-browser.mjs']) {
  const path = join(root, 'scripts', script);
  if (!existsSync(path)) continue;
  console.log(`\n== ${script}`);
  spawnSync(process.execPath, [path], { cwd: root, stdio: 'inherit' });
}
// The same comparison on the live DOM of real pages in headless Chromium takes minutes, so it is a
// command of its own.
console.log('\nReadwell against raw Readability in headless Chromium on real pages: npm run bench:chromium (README, "Speed in the browser")');
