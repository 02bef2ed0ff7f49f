// The browser suite's one Chromium harness. A test file calls useChromium(build) at its top (or
// inside a describe, for a second build): it registers the hooks that start the page server and
// launch Chromium before the tests, close every tab a test opened after it (a failed test leaves
// its tabs open, and the next one must find one tab per URL), and close both at the end; it
// returns the helpers the tests share, the moves of helpers/browser-harness.ts among them (what
// a test written once for both browsers, test/e2e/suites/, asks of the browser).
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { BrowserHarness } from './browser-harness.js';
import { launchChromium, openPopupTab, type Build, type Launched, type LaunchOptions } from './chromium.js';
import { chromiumMoves } from './chromium-moves.js';
import { toggleDirect } from './direct.js';
import { waitForOverlay, type OverlayView } from './overlay.js';
import { SEED } from './seed.js';
import { startServer, type StaticServer } from './server.js';

export interface ChromiumOptions extends Pick<LaunchOptions, 'viewport'> {
  /** Lets the test server's pages read and write the clipboard (the copy tests read it back). */
  clipboard?: boolean;
  /** Runs once after the launch, before any test: init scripts, listeners, tabs kept open for every test. */
  setup?: (harness: ChromiumHarness) => Promise<unknown>;
  /**
   * Storage keys removed (in the service worker) before each test, so that what one test left
   * does not reach the next: `local: ['positions']` forgets the reading positions, and the reader
   * opens every article at its top instead of resuming where an earlier test left it;
   * `sync: ['settings']` brings back the default settings. Done through `l.sw`, so not for a
   * file that stops the service worker (stopServiceWorker) and goes on testing.
   */
  forget?: { local?: readonly string[]; sync?: readonly string[] };
}

export interface ChromiumHarness extends BrowserHarness<Page> {
  /** The launched browser and extension (from the first test on). */
  readonly l: Launched;
  /** The pages on 127.0.0.1 (from the first test on). */
  readonly server: StaticServer;
  /** A new tab at `url`, loaded (`goto`: Playwright's options, a longer timeout for a huge page). */
  openPage(url: string, goto?: Parameters<Page['goto']>[1]): Promise<Page>;
  /** A new tab at the seed reconstruction (helpers/seed.ts). */
  openSeed(): Promise<Page>;
  /**
   * Opens reader view on `page` the way the background does (inject, then reader-toggle; the
   * test build only) and waits until it shows something.
   */
  openReader(page: Page): Promise<OverlayView>;
  /** The popup, as a tab aimed at `page` (popup.html?tabId=N). */
  openPopup(page: Page): Promise<Page>;
  /** A new tab at the library page. */
  openLibrary(): Promise<Page>;
}

export function useChromium(build: Build, options: ChromiumOptions = {}): ChromiumHarness {
  let launched: Launched | undefined;
  let served: StaticServer | undefined;
  let kept = new Set<Page>();
  const ready = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`${what} is not started yet: use it inside a test or a hook`);
    return value;
  };

  const harness: ChromiumHarness = {
    ...chromiumMoves(() => harness.l, options.viewport ?? { width: 1280, height: 800 }),
    get l() {
      return ready(launched, 'Chromium');
    },
    get server() {
      return ready(served, 'The page server');
    },
    async openPage(url, goto) {
      const page = await harness.l.ctx.newPage();
      await page.goto(url, goto);
      return page;
    },
    openSeed: () => harness.openPage(harness.server.fixture(SEED)),
    async openReader(page) {
      const reply = await toggleDirect(harness.l, page);
      expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true, value: { open: true } });
      return waitForOverlay(page);
    },
    openPopup: (page) => openPopupTab(harness.l, page),
    openExtensionPage: (path) => harness.openPage(harness.extensionUrl(path)),
    openLibrary: () => harness.openExtensionPage('library.html'),
  };

  beforeAll(async () => {
    served = await startServer();
    launched = await launchChromium(build, options.viewport ? { viewport: options.viewport } : {});
    if (options.clipboard) await launched.ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.base });
    await options.setup?.(harness);
  });
  beforeEach(async () => {
    kept = new Set(launched?.ctx.pages() ?? []);
    const { local = [], sync = [] } = options.forget ?? {};
    if (launched && local.length + sync.length > 0) {
      await launched.sw.evaluate(
        async ({ local, sync }) => {
          if (local.length) await chrome.storage.local.remove(local);
          if (sync.length) await chrome.storage.sync.remove(sync);
        },
        { local: [...local], sync: [...sync] },
      );
    }
  });
  afterEach(async () => {
    for (const page of launched?.ctx.pages() ?? []) if (!kept.has(page)) await page.close().catch(() => {});
  });
  afterAll(async () => {
    await launched?.close();
    await served?.close();
  });
  return harness;
}

declare const chrome: { storage: { local: { remove(keys: string[]): Promise<void> }; sync: { remove(keys: string[]): Promise<void> } } };
