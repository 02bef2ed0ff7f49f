// The browser suite's one Chromium harness. A test file calls useChromium(build) at its top (or
// inside a describe, for a second build): it registers the hooks (helpers/harness-hooks.ts) that
// start the page server and launch Chromium before the tests, close every tab a test opened after
// it, and close both at the end; it returns the helpers the tests share, the moves of
// helpers/browser-harness.ts among them (what a test written once for both browsers,
// test/e2e/suites/, asks of the browser). useFirefox (helpers/use-firefox.ts) is its twin.
import type { Page } from 'playwright-core';
import { openWithToggle, type BrowserHarness } from './browser-harness.js';
import { launchChromium, openPopupTab, type Build, type Launched, type LaunchOptions } from './chromium.js';
import { chromiumMoves } from './chromium-moves.js';
import type { OverlayView } from './overlay.js';
import { useBrowserHooks, type Forget } from './harness-hooks.js';
import { SEED } from './seed.js';
import type { StaticServer } from './server.js';

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
  forget?: Forget;
  /** Loads this folder instead of dist/<build> (packages.e2e.ts: the unzipped store package), read at launch. */
  unpacked?: () => string;
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
  const hooks = useBrowserHooks<Launched, Page>({
    async launch(server) {
      const launched = await launchChromium(build, {
        ...(options.viewport ? { viewport: options.viewport } : {}),
        ...(options.unpacked ? { dir: options.unpacked() } : {}),
      });
      if (options.clipboard) await launched.ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base });
      return launched;
    },
    setup: async () => options.setup?.(harness),
    tabs: (l) => l.ctx.pages(),
    closeTab: (page) => page.close(),
    removeStored: (l, keys) => l.sw.evaluate(async ({ local, sync }) => {
      if (local.length) await chrome.storage.local.remove(local);
      if (sync.length) await chrome.storage.sync.remove(sync);
    }, keys),
    close: (l) => l.close(),
  }, options.forget);

  const harness: ChromiumHarness = {
    ...chromiumMoves(() => harness.l, options.viewport ?? { width: 1280, height: 800 }),
    get l() {
      return hooks.launched();
    },
    get server() {
      return hooks.server();
    },
    async openPage(url, goto) {
      const page = await harness.l.ctx.newPage();
      await page.goto(url, goto);
      return page;
    },
    openSeed: () => harness.openPage(harness.server.fixture(SEED)),
    openReader: (page) => openWithToggle(harness, page),
    openPopup: (page) => openPopupTab(harness.l, page),
    openExtensionPage: (path) => harness.openPage(harness.extensionUrl(path)),
    openLibrary: () => harness.openExtensionPage('library.html'),
  };

  return harness;
}

declare const chrome: { storage: { local: { remove(keys: string[]): Promise<void> }; sync: { remove(keys: string[]): Promise<void> } } };
