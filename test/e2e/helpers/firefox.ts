// Firefox ESR driven by puppeteer-core over WebDriver BiDi (no geckodriver needed; see
// /work/shared/docs/browser-testing.md). Three ways in:
// - 'test' (the default): a copy of dist/firefox whose manifest adds host permissions for
//   http://127.0.0.1/* (what dist/chrome-test does for Chromium), so the popup opened as a tab and
//   extension pages can reach the served pages without a user gesture;
// - 'shipped': dist/firefox as users get it (activeTab only), reached through Firefox's own
//   toolbar button and shortcut (helpers/firefox-chrome.ts);
// - `archive`: a packaged .zip, installed from the file the way Firefox installs a download.
// Every launch keeps one extension page open (the "driver", reader.html with no article) to ask
// extension APIs things: tab ids, messages, scripting into a tab.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './server.js';
import { screenshotsDir } from './chromium.js';
import { until } from './wait.js';

export const firefoxPath = process.env.READWELL_FIREFOX ?? '/usr/bin/firefox-esr';
/** Fixed moz-extension:// host for the add-on, set through the extensions.webextensions.uuids pref. */
export const FIREFOX_UUID = '5d0c2a4e-8f3b-4c1d-9e7a-2b6f1a0c3d4e';
export const VIEWPORT = { width: 1280, height: 800 };

export interface FirefoxLaunchOptions {
  build?: 'test' | 'shipped';
  /** A packaged extension (.zip) to install instead of a dist/ folder. */
  archive?: string;
}

export interface LaunchedFirefox {
  browser: Browser;
  geckoId: string;
  /** moz-extension://<uuid> */
  base: string;
  /** Where Firefox saves downloads (the library's exports), without asking. */
  downloadsDir: string;
  /** An extension page kept open for the tests' questions to extension APIs. */
  driver: Page;
  /** Firefox's tab id of `page`. */
  tabIdOf(page: Page): Promise<number>;
  /** Opens an extension page in a new, active tab (as tabs.create does) and waits for its document. */
  openExtensionPage(path: string): Promise<Page>;
  /** The popup as a tab, aimed at `target` with ?tabId=N, once it has said what it found there. */
  popupFor(target: Page): Promise<Page>;
  close(): Promise<void>;
}

interface ExtensionGlobal {
  browser: {
    tabs: {
      query(q: object): Promise<{ id?: number; url?: string; active?: boolean }[]>;
      create(o: { url: string; active?: boolean }): Promise<{ id?: number }>;
    };
  };
}

export async function launchFirefox(opts: FirefoxLaunchOptions = {}): Promise<LaunchedFirefox> {
  const src = join(repoRoot, 'dist/firefox');
  const manifest = JSON.parse(readFileSync(join(src, 'manifest.json'), 'utf8'));
  const geckoId: string = manifest.browser_specific_settings.gecko.id;
  const work = mkdtempSync(join(tmpdir(), 'readwell-firefox-'));
  const downloadsDir = join(work, 'downloads');
  mkdirSync(downloadsDir);
  // Install a private copy, so a rebuild of dist/ during the run cannot change it under Firefox.
  const extDir = join(work, 'extension');
  if (!opts.archive) {
    cpSync(src, extDir, { recursive: true });
    if ((opts.build ?? 'test') === 'test') {
      writeFileSync(join(extDir, 'manifest.json'), JSON.stringify({ ...manifest, host_permissions: ['http://127.0.0.1/*'] }, null, 2));
    }
  }
  let browser: Browser | undefined;
  try {
    browser = await startFirefox(geckoId, downloadsDir);
    const b = browser;
    const installed = opts.archive
      ? ((await bidiSend(b, 'webExtension.install', { extensionData: { type: 'archivePath', path: opts.archive } })) as { result: { extension: string } }).result.extension
      : await b.installExtension(extDir);
    if (installed !== geckoId) throw new Error(`installed ${installed}, expected ${geckoId}`);
    const base = `moz-extension://${FIREFOX_UUID}`;

    // The driver: navigating a tab to moz-extension:// over BiDi loads the page but never
    // reports the load event, so wait for the document instead of the navigation.
    const driver = await b.newPage();
    void driver.goto(`${base}/reader.html?driver`).catch(() => {});
    await driver.waitForFunction(() => document.readyState === 'complete' && typeof (globalThis as { browser?: unknown }).browser === 'object', { timeout: 15_000, polling: 50 });

    const ext = <T>(fn: (...a: never[]) => T, ...args: unknown[]) => driver.evaluate(fn as never, ...(args as unknown as never[])) as Promise<Awaited<T>>;

    // A tab keeps its id for its life; the overlay probes ask for it on every read.
    const tabIds = new WeakMap<Page, number>();
    async function tabIdOf(page: Page): Promise<number> {
      const known = tabIds.get(page);
      if (known !== undefined) return known;
      const id = await findTabId(page);
      tabIds.set(page, id);
      return id;
    }
    async function findTabId(page: Page): Promise<number> {
      const url = page.url();
      const tabs = await ext(() => (globalThis as unknown as ExtensionGlobal).browser.tabs.query({}));
      const byUrl = tabs.filter((t) => t.url === url);
      if (byUrl.length === 1) return byUrl[0]!.id!;
      // Several tabs at that URL, or none visible (the shipped build has no host permission, so
      // tab URLs are hidden): the page's tab is the active one once it is in front.
      await page.bringToFront();
      const [active] = await ext(() => (globalThis as unknown as ExtensionGlobal).browser.tabs.query({ active: true, currentWindow: true }));
      if (active?.id === undefined || (byUrl.length > 1 && !byUrl.some((t) => t.id === active.id))) throw new Error(`no tab id for ${url}`);
      return active.id;
    }

    async function openExtensionPage(path: string): Promise<Page> {
      const url = `${base}/${path}`;
      // Puppeteer sees the new tab but not its navigation to moz-extension:// (its url() stays
      // about:blank): take the tab that was not there before, then wait for the document in it.
      const before = new Set(await b.pages());
      await ext((u: string) => (globalThis as unknown as ExtensionGlobal).browser.tabs.create({ url: u }), url);
      // Now and then (a loaded machine, seen in CI) puppeteer never reports the tab tabs.create
      // opened; then open the page the way the driver is opened, in a tab of puppeteer's own.
      const page = await until('the new tab', async () => (await b.pages()).find((p) => !before.has(p)), 10_000).catch(async () => {
        const own = await b.newPage();
        void own.goto(url).catch(() => {});
        return own;
      });
      await page.waitForFunction((u) => location.href === u && document.readyState === 'complete', { timeout: 10_000, polling: 50 }, url);
      await page.setViewport(VIEWPORT); // tabs that Firefox opens do not get puppeteer's default
      return page;
    }

    async function popupFor(target: Page): Promise<Page> {
      const popup = await openExtensionPage(`popup.html?tabId=${await tabIdOf(target)}`);
      // The popup asks the background about the tab first; its status line says when it knows.
      await popup.waitForFunction(() => !/Checking/.test(document.querySelector('[data-testid="popup-status"]')?.textContent ?? 'Checking'), { timeout: 10_000, polling: 50 });
      return popup;
    }

    return {
      browser: b,
      geckoId,
      base,
      downloadsDir,
      driver,
      tabIdOf,
      openExtensionPage,
      popupFor,
      async close() {
        await b.close().catch(() => {});
        rmSync(work, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await browser?.close().catch(() => {});
    rmSync(work, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Starts Firefox with the test prefs. A cold Firefox on a loaded 2-core machine has been seen to
 * need more than puppeteer's 30 s to print its BiDi endpoint (CI failed once on exactly that), so
 * the wait is longer and a launch that still times out is tried once more: puppeteer kills the
 * stalled process before it throws, and the second try gets a new profile.
 */
async function startFirefox(geckoId: string, downloadsDir: string): Promise<Browser> {
  const launch = () =>
    puppeteer.launch({
      timeout: 75_000,
      browser: 'firefox',
      executablePath: firefoxPath,
      headless: true,
      defaultViewport: VIEWPORT,
      // Lets BiDi reach the browser window itself (helpers/firefox-chrome.ts) and extension pages.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_UUID }),
        // Firefox's testing switch for the async clipboard: pages may read it without the
        // paste prompt, so a test can read back what "Copy" wrote.
        'dom.events.testing.asyncClipboard': true,
        // Downloads (the library's exports) go to downloadsDir without a dialog.
        'browser.download.folderList': 2,
        'browser.download.dir': downloadsDir,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.start_downloads_in_tmp_dir': false,
        // Nothing leaves the machine: every request but loopback goes to a proxy that is not
        // there (Chromium gets the same from --host-resolver-rules).
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': 9,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': 9,
        'network.proxy.no_proxies_on': '127.0.0.1',
        'network.proxy.failover_direct': false,
      },
    });
  try {
    return await launch();
  } catch (err) {
    if ((err as Error)?.name !== 'TimeoutError') throw err;
    process.stderr.write(`firefox: launch timed out once, trying again (${(err as Error).message})\n`);
    return await launch();
  }
}

/** A raw WebDriver BiDi command (puppeteer's Browser has the connection, but does not type it). */
export function bidiSend(browser: Browser, method: string, params: object): Promise<unknown> {
  return (browser as unknown as { connection: { send(m: string, p: object): Promise<unknown> } }).connection.send(method, params);
}

/** Runs `fn` with `args` in an extension page (the driver unless another is given): extension APIs as `browser`. */
export function inExtension<T, A extends unknown[]>(ff: LaunchedFirefox, fn: (...args: A) => T, ...args: A): Promise<Awaited<T>> {
  return ff.driver.evaluate(fn as never, ...(args as unknown as never[])) as Promise<Awaited<T>>;
}

/** Sends a runtime message from an extension page, as the popup does. */
export function sendFromExtension<R = unknown>(ff: LaunchedFirefox, message: { type: string } & Record<string, unknown>): Promise<R> {
  return inExtension(ff, (m) => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<R> } } }).browser.runtime.sendMessage(m), message) as Promise<R>;
}

export async function ffScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotsDir, { recursive: true });
  const path = join(screenshotsDir, `${name}.png`);
  await page.screenshot({ path: path as `${string}.png` });
  return path;
}
