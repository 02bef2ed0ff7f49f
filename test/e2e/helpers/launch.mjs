// Plain-JS launch helpers for scripts/demo.mjs and scripts/bench-browser.mjs (Node runs them
// without a TypeScript step). The browser suite has typed equivalents in chromium.ts/overlay.ts;
// the facts behind every flag are in /work/shared/docs/browser-testing.md.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, normalize, sep } from 'node:path';

export const chromiumPath = process.env.READWELL_CHROMIUM ?? '/usr/bin/chromium';

/** Serves `dir` on 127.0.0.1 (random port) plus in-memory pages added with addPage(path, html). */
export async function serve(dir) {
  const memory = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    try {
      let body = memory.get(path);
      if (body === undefined) {
        const file = normalize(join(dir, path));
        if (!file.startsWith(dir + sep)) throw new Error('outside');
        body = await readFile(file);
      }
      res.writeHead(200, { 'content-type': path.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end('404');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    base,
    addPage(path, html) {
      memory.set(path, html);
      return base + path;
    },
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
}

/**
 * Headless Chromium with the unpacked extension in `builtDir`; a fresh profile removed on close().
 * `colorScheme` ('light' or 'dark') is what the pages see as the system's.
 */
export async function launch(builtDir, { colorScheme = 'light' } = {}) {
  if (!existsSync(join(builtDir, 'manifest.json'))) throw new Error(`${builtDir} is not built`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'readwell-chromium-'));
  // Load a private copy, so a rebuild of dist/ while the browser runs cannot swap files under it.
  const extDir = join(userDataDir, 'extension');
  cpSync(builtDir, extDir, { recursive: true });
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    colorScheme,
    args: [
      `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, '--no-sandbox', '--disable-gpu',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1', '--remote-debugging-port=0',
    ],
  }).catch((err) => { rmSync(userDataDir, { recursive: true, force: true }); throw err; });
  const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 10_000 }));
  const extId = new URL(sw.url()).host;
  let port = 0;
  for (let i = 0; i < 100 && !port; i++) {
    const f = join(userDataDir, 'DevToolsActivePort');
    if (existsSync(f)) port = Number(readFileSync(f, 'utf8').split('\n')[0]) || 0;
    if (!port) await new Promise((r) => setTimeout(r, 50));
  }
  return {
    ctx, sw, extId, port,
    async close() {
      await ctx.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A simulated click on the toolbar button for `page` (CDP Extensions.triggerAction on its tab target). */
export async function triggerAction(l, page) {
  await page.bringToFront();
  const cdp = await l.ctx.browser().newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tab = targetInfos.find((t) => t.url === page.url());
    if (!tab) throw new Error(`no tab target at ${page.url()}`);
    await cdp.send('Extensions.triggerAction', { id: l.extId, targetId: tab.targetId });
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Runs `fn(popupPage)` in the real action popup opened by triggerAction (found by reconnecting over CDP). */
export async function withRealPopup(l, fn, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${l.port}`);
    const popup = browser.contexts().flatMap((c) => c.pages()).find((p) => p.url().startsWith(`chrome-extension://${l.extId}/popup.html`));
    try {
      if (popup) return await fn(popup);
    } finally {
      await browser.close();
    }
    if (Date.now() > deadline) throw new Error('the action popup never appeared');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function* walk(node) {
  yield node;
  for (const r of node.shadowRoots ?? []) yield* walk(r);
  for (const c of node.children ?? []) yield* walk(c);
}

/**
 * Reads the overlay's closed shadow root over CDP: returns {text} (innerText of
 * [data-testid=reader-content]) once the dialog has a rendered box and content, or null.
 */
export async function readOverlay(cdp) {
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  for (const n of walk(root)) {
    if (n.nodeName !== '#document-fragment' || n.shadowRootType !== 'closed') continue;
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: n.nodeId, selector: '[data-testid="reader-dialog"]' });
    if (!nodeId) continue;
    const { object } = await cdp.send('DOM.resolveNode', { nodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      returnByValue: true,
      functionDeclaration: `function(){const r=this.getBoundingClientRect();const c=this.querySelector('[data-testid="reader-content"]');return {w:r.width,h:r.height,text:c?c.innerText:''}}`,
    });
    await cdp.send('Runtime.releaseObject', { objectId: object.objectId }).catch(() => {});
    const v = result.value;
    return v.w > 0 && v.h > 0 && v.text.trim() ? { text: v.text } : null;
  }
  return null;
}

export async function cdpFor(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  return cdp;
}

/** Polls readOverlay until it shows content. */
export async function waitForOverlay(cdp, timeoutMs = 15_000, pollMs = 5) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await readOverlay(cdp).catch(() => null);
    if (v) return v;
    if (Date.now() > deadline) throw new Error('reader overlay did not appear');
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
