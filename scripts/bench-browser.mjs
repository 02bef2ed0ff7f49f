// The browser half of the benchmark (never a pass/fail test): in headless Chromium with the test
// build (dist/chrome-test), time from the trigger (the `toggle-reader` message an extension page
// sends, as the popup does) until the overlay covers the page, on the seed reconstruction and on a
// generated article page of more than 1 MB, median of several fresh page loads each. Beside it:
// the core's extraction time measured in the same page (the same src/core bundled for the page
// and run on its live document), and the size of each built bundle from dist/sizes.json.
//
// "Visible" is observed from the page itself: a MutationObserver notes elements Readwell adds,
// and a requestAnimationFrame loop records the first frame in which the element at the centre
// of the viewport is one of them (the overlay's host: its root is closed). Times are wall clock
// (performance.timeOrigin + now) so the trigger page and the article page share one clock.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, startServer } from './chromium-helpers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

// `npm run bench` builds without --test; build again with it so dist/chrome-test matches the source.
const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--test'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

/** A long article of more than `bytes` of HTML, with the usual clutter around and inside it. */
function largePage(bytes = 1_100_000) {
  const words = 'the council said on tuesday that the new bridge across the river would open next spring after years of delays and rising costs while residents argued about tolls'.split(' ');
  const para = (i) => {
    const n = 60 + (i % 40);
    return `<p>${Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ')} (${i}).</p>`;
  };
  const clutter = '<div class="share"><a href="#"><svg><use href="#icon-share"></use></svg>Share</a><a href="#">Tweet</a></div>';
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const chunk = (i % 25 === 0 ? `<h2>Section ${i / 25 + 1}</h2>` : '') + para(i) + (i % 50 === 49 ? clutter : '');
    parts.push(chunk);
    size += chunk.length;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A very long report on the bridge</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>A very long report on the bridge</h1><p class="byline">By A. Writer</p>${parts.join('\n')}</article></main>
<aside><h3>Related</h3><ul><li><a href="/a">Another story</a></li></ul></aside><footer>© Example</footer></body></html>`;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function coreBundle() {
  const r = await build({
    entryPoints: [join(root, 'src/core/index.ts')],
    bundle: true, minify: true, format: 'iife', globalName: 'ReadwellCore', platform: 'browser',
    target: ['chrome120'], write: false, logLevel: 'silent', define: { 'process.env.NODE_ENV': '"production"' },
  });
  return r.outputFiles[0].text;
}

/** Installs the visibility watcher in the page's main world. */
function watchOverlay(page) {
  return page.evaluate(() => {
    const added = new Set();
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) added.add(n);
    }).observe(document.documentElement, { childList: true, subtree: true });
    const w = window;
    w.__rwVisibleAt = 0;
    const tick = () => {
      const e = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
      let hit = false;
      for (let x = e; x && !hit; x = x.parentElement) hit = added.has(x);
      if (hit) w.__rwVisibleAt = performance.timeOrigin + performance.now();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

const server = await startServer();
const largeHtml = largePage();
const pages = [
  ['seed reconstruction', `${server.base}/svg-icons--seed-news/source.html`, readFileSync(join(root, 'test/fixtures/pages/svg-icons--seed-news/source.html')).length],
  [`generated article`, server.addPage('/bench/large.html', largeHtml), Buffer.byteLength(largeHtml)],
];
const l = await launchChromium('chrome-test');
const rows = [];
let refusal = null;
try {
  const core = await coreBundle();
  const contentJs = readFileSync(join(root, 'dist/chrome-test/content.js'), 'utf8');
  const trigger = await l.ctx.newPage();
  await trigger.goto(`chrome-extension://${l.extId}/popup.html`);
  for (const [name, url, bytes] of pages) {
    const page = await l.ctx.newPage();
    await page.goto(url);
    await page.bringToFront();
    const tabId = await l.sw.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id);
    const visible = [];
    const warm = [];
    let failure = '';
    for (let i = 0; i < RUNS && !failure; i++) {
      await page.reload();
      await watchOverlay(page);
      const { t0, reply } = await trigger.evaluate(async (id) => {
        const t0 = performance.timeOrigin + performance.now();
        const reply = await chrome.runtime.sendMessage({ type: 'toggle-reader', tabId: id });
        return { t0, reply };
      }, tabId);
      if (!reply?.ok) { failure = `toggle failed: ${JSON.stringify(reply)}`; break; }
      try {
        await page.waitForFunction(() => window.__rwVisibleAt > 0, null, { timeout: 30_000, polling: 20 });
      } catch { failure = 'overlay never covered the page centre'; break; }
      visible.push((await page.evaluate(() => window.__rwVisibleAt)) - t0);
      // Close with Esc and open again in the same page: the content script is loaded now, so
      // the difference to the first opening is what loading and starting it costs.
      await page.keyboard.press('Escape');
      await page.waitForTimeout(300);
      await watchOverlay(page);
      const again = await trigger.evaluate(async (id) => {
        const t0 = performance.timeOrigin + performance.now();
        const reply = await chrome.runtime.sendMessage({ type: 'toggle-reader', tabId: id });
        return { t0, reply };
      }, tabId);
      if (again.reply?.ok && again.reply.open !== false) {
        try {
          await page.waitForFunction(() => window.__rwVisibleAt > 0, null, { timeout: 30_000, polling: 20 });
          warm.push((await page.evaluate(() => window.__rwVisibleAt)) - again.t0);
        } catch { /* counted by the runs column */ }
      }
    }
    // Extraction alone, on a fresh load of the same page, by the same core code.
    await page.reload();
    await page.addScriptTag({ content: core });
    const extract = await page.evaluate((runs) => {
      const times = [];
      let ok = false;
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        const r = window.ReadwellCore.extractArticle(document, location.href);
        times.push(performance.now() - t);
        ok = r.ok;
      }
      times.sort((a, b) => a - b);
      return { median: times[Math.floor(times.length / 2)], ok };
    }, RUNS);
    // Compiling content.js alone (what its size costs each time it is injected): a fresh source each
    // time (a comment that differs) so no code cache answers.
    const compile = await page.evaluate(([src, runs]) => {
      const times = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        new Function(`${src}\n//${Math.random()}`);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      return times[Math.floor(times.length / 2)];
    }, [contentJs, RUNS]);
    rows.push({ name, bytes, compile, visible: visible.length ? median(visible) : NaN, runs: visible.length, warm: warm.length ? median(warm) : NaN, warmRuns: warm.length, extract: extract.median, extractOk: extract.ok, failure });
    await page.close();
  }
  // A page over the element budget (150,000 elements): how soon the trigger gets its refusal.
  const hugeUrl = server.addPage('/bench/huge.html', `<!doctype html><html><head><title>Huge</title></head><body><article><h1>Huge</h1><p>${'<span>cell</span>'.repeat(150_000)}</p></article></body></html>`);
  const huge = await l.ctx.newPage();
  await huge.goto(hugeUrl);
  await huge.bringToFront();
  const hugeTab = await l.sw.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id);
  const refusals = [];
  let refusalCode = '';
  for (let i = 0; i < RUNS; i++) {
    const { ms, reply } = await trigger.evaluate(async (id) => {
      const t0 = performance.now();
      const reply = await chrome.runtime.sendMessage({ type: 'toggle-reader', tabId: id });
      return { ms: performance.now() - t0, reply };
    }, hugeTab);
    refusalCode = reply?.ok ? 'opened' : reply?.error?.code;
    refusals.push(ms);
    // Close the message the reader shows, so the next trigger asks again.
    if (!reply?.ok) await huge.keyboard.press('Escape');
  }
  refusal = { ms: median(refusals), code: refusalCode };
  await huge.close();
} finally {
  await l.close();
  await server.close();
}

const f = (ms) => (Number.isFinite(ms) ? `${ms.toFixed(0)} ms` : 'n/a');
console.log(`\nReader view in headless Chromium (${process.env.READWELL_CHROMIUM ?? '/usr/bin/chromium'}), median of ${RUNS} fresh page loads each`);
console.log('page                     HTML size   trigger → overlay visible   again in the same tab   core alone (no layout)   compiling content.js');
const f1 = (ms) => (Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : 'n/a');
for (const r of rows) {
  console.log(`${r.name.padEnd(24)} ${(r.bytes / 1024).toFixed(0).padStart(6)} KB   ${f(r.visible).padStart(12)} (${r.runs} runs)   ${f(r.warm).padStart(12)} (${r.warmRuns} runs)   ${f(r.extract).padStart(14)}${r.extractOk ? '' : ' (no article)'}   ${f1(r.compile).padStart(12)}`);
  if (r.failure) console.log(`  ${r.failure}`);
}
if (refusal) console.log(`\n150,000-element page (over the budget): trigger → reply ${f(refusal.ms)} (median of ${RUNS}; reply: ${refusal.code}; aim: within 300 ms)`);
const sizesFile = join(root, 'dist/sizes.json');
if (existsSync(sizesFile)) {
  const sizes = JSON.parse(readFileSync(sizesFile, 'utf8'));
  console.log('\nBuilt bundles (minified, from dist/sizes.json)');
  for (const [file, bytes] of Object.entries(sizes)) console.log(`${file.padEnd(16)} ${(bytes / 1024).toFixed(1).padStart(8)} KB${file === 'content.js' ? `   (content script; aim: under 150 KB)` : ''}`);
}
