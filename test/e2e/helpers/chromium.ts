// Launching headless Chromium with a built Readwell, and the few CDP moves the tests need.
// Facts behind each choice are in /work/shared/docs/browser-testing.md.
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './server.js';

export const chromiumPath = process.env.READWELL_CHROMIUM ?? '/usr/bin/chromium';
export const screenshotsDir = join(repoRoot, 'test-artifacts/screenshots');

/** `chrome` is the shipped build (activeTab only); `chrome-test` adds host permissions for 127.0.0.1. */
export type Build = 'chrome' | 'chrome-test';

export interface Launched {
  ctx: BrowserContext;
  sw: Worker;
  extId: string;
  extDir: string;
  userDataDir: string;
  /** The DevTools port, for reconnecting to see the real action popup. */
  port: number;
  close(): Promise<void>;
}

export interface LaunchOptions {
  viewport?: { width: number; height: number };
  /** What the pages see as the system's colour scheme (default: Playwright's, light). */
  colorScheme?: 'light' | 'dark';
  /** Loads this folder instead of dist/<build> (an unzipped store package). */
  dir?: string;
}

/** The one Chromium launch: the browser suite, the demo, the benchmarks and the store screenshots all use it. */
export async function launchChromium(build: Build, opts: LaunchOptions = {}): Promise<Launched> {
  const builtDir = opts.dir ?? join(repoRoot, 'dist', build);
  if (!existsSync(join(builtDir, 'manifest.json'))) throw new Error(`${builtDir} is not built: run node scripts/build.mjs --test`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'readwell-e2e-'));
  // Load a private copy: a rebuild of dist/ while the browser runs (another `npm test` in the
  // same checkout) must not swap files under the loaded extension.
  const extDir = join(userDataDir, 'extension');
  cpSync(builtDir, extDir, { recursive: true });
  let ctx: BrowserContext | undefined;
  try {
    ctx = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      viewport: opts.viewport ?? { width: 1280, height: 800 },
      ...(opts.colorScheme ? { colorScheme: opts.colorScheme } : {}),
      args: [
        `--disable-extensions-except=${extDir}`,
        `--load-extension=${extDir}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
        '--remote-debugging-port=0',
      ],
    });
    const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 10_000 }));
    const extId = new URL(sw.url()).host;
    const port = await readDevToolsPort(userDataDir);
    const c = ctx;
    return {
      ctx: c,
      sw,
      extId,
      extDir,
      userDataDir,
      port,
      async close() {
        await c.close().catch(() => {});
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await ctx?.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }
}

async function readDevToolsPort(userDataDir: string): Promise<number> {
  const file = join(userDataDir, 'DevToolsActivePort');
  for (let i = 0; i < 100; i++) {
    if (existsSync(file)) {
      const port = Number(readFileSync(file, 'utf8').split('\n')[0]);
      if (port > 0) return port;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('DevToolsActivePort never appeared');
}

/** The tab-type CDP target id of a page (Extensions.triggerAction needs a tab target). */
async function tabTargetId(ctx: BrowserContext, page: Page): Promise<{ targetId: string; browserCdp: CDPSession }> {
  const browserCdp = await ctx.browser()!.newBrowserCDPSession();
  const { targetInfos } = (await browserCdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as {
    targetInfos: { targetId: string; url: string; type: string }[];
  };
  const url = page.url();
  const matches = targetInfos.filter((t) => t.url === url);
  if (matches.length !== 1) throw new Error(`expected one tab target at ${url}, found ${matches.length}`);
  return { targetId: matches[0]!.targetId, browserCdp };
}

/**
 * A simulated click on Readwell's toolbar button for `page` (brought to front first, as the
 * action only acts on the active tab). With a default_popup this opens the real action popup and
 * grants activeTab on the page.
 */
export async function triggerAction(l: Launched, page: Page): Promise<void> {
  await page.bringToFront();
  const { targetId, browserCdp } = await tabTargetId(l.ctx, page);
  try {
    await browserCdp.send('Extensions.triggerAction' as never, { id: l.extId, targetId } as never);
  } finally {
    await browserCdp.detach().catch(() => {});
  }
}

/**
 * The real action popup opened by triggerAction. Playwright's own context does not list it, so
 * connect again over CDP (new popups are only reported on connect) until it shows up. The caller
 * must `await popup.browser.close()` (it only disconnects) when done.
 */
export async function realPopup(l: Launched, timeoutMs = 10_000): Promise<{ page: Page; browser: Browser }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${l.port}`);
    for (const c of browser.contexts()) {
      for (const p of c.pages()) {
        if (p.url().startsWith(`chrome-extension://${l.extId}/popup.html`)) return { page: p, browser };
      }
    }
    await browser.close();
    if (Date.now() > deadline) throw new Error('the action popup never appeared');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs `act` in the real action popup opened by triggerAction, then lets go of the popup's connection. */
export async function withRealPopup<T>(l: Launched, act: (popup: Page) => Promise<T>, timeoutMs?: number): Promise<T> {
  const popup = await realPopup(l, timeoutMs);
  try {
    return await act(popup.page);
  } finally {
    await popup.browser.close();
  }
}

/**
 * Chrome's tab id of `page`. With host permissions (chrome-test) the service worker can see tab
 * URLs and matches on it; without (the shipped build) it brings the page to front and takes the
 * active tab of the focused window.
 */
export async function tabIdOf(l: Launched, page: Page): Promise<number> {
  const url = page.url();
  await page.bringToFront();
  const tabs = await l.sw.evaluate(async () =>
    (await chrome.tabs.query({})).map((t) => ({ id: t.id ?? -1, url: t.url, active: t.active === true })),
  );
  const byUrl = tabs.filter((t) => t.url === url);
  if (byUrl.length === 1) return byUrl[0]!.id;
  if (byUrl.length > 1) throw new Error(`${byUrl.length} tabs at ${url}`);
  const [active] = await l.sw.evaluate(async () =>
    (await chrome.tabs.query({ active: true, lastFocusedWindow: true })).map((t) => t.id ?? -1),
  );
  if (active === undefined) throw new Error(`no tab id for ${url}`);
  return active;
}

/** The popup opened as a tab, aimed at `target` with ?tabId=N. */
export async function openPopupTab(l: Launched, target: Page): Promise<Page> {
  const tabId = await tabIdOf(l, target);
  const popup = await l.ctx.newPage();
  await popup.goto(`chrome-extension://${l.extId}/popup.html?tabId=${tabId}`);
  return popup;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotsDir, { recursive: true });
  const path = join(screenshotsDir, `${name}.png`);
  // caret: 'initial': Playwright's default caret hiding leaves style="" on every <input> and
  // <textarea> of the page, which would break the "page left exactly as before" checks.
  await page.screenshot({ path, caret: 'initial' });
  return path;
}

declare const chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string; active?: boolean }[]> } };

/**
 * Stops Readwell's service worker the way Chrome does when it idles (CDP ServiceWorker.stopWorker),
 * so a test can check that the next message starts it again with nothing lost. Until then the
 * Playwright `sw` handle hangs; get tab ids first.
 */
export async function stopServiceWorker(l: Launched, anyPage: Page): Promise<void> {
  const cdp = await l.ctx.newCDPSession(anyPage);
  try {
    const versions = new Map<string, { versionId: string; runningStatus: string }>();
    cdp.on('ServiceWorker.workerVersionUpdated' as never, ((e: { versions: { versionId: string; scriptURL: string; runningStatus: string }[] }) => {
      for (const v of e.versions) if (v.scriptURL.startsWith(`chrome-extension://${l.extId}/`)) versions.set(v.versionId, v);
    }) as never);
    await cdp.send('ServiceWorker.enable' as never);
    for (let i = 0; i < 40 && ![...versions.values()].some((v) => v.runningStatus === 'running'); i++) await new Promise((r) => setTimeout(r, 50));
    const running = [...versions.values()].find((v) => v.runningStatus === 'running');
    if (!running) throw new Error('no running Readwell service worker found');
    await cdp.send('ServiceWorker.stopWorker' as never, { versionId: running.versionId } as never);
    for (let i = 0; i < 40 && versions.get(running.versionId)?.runningStatus !== 'stopped'; i++) await new Promise((r) => setTimeout(r, 50));
    if (versions.get(running.versionId)?.runningStatus !== 'stopped') throw new Error('the service worker did not stop');
  } finally {
    await cdp.detach().catch(() => {});
  }
}
