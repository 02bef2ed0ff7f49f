// The browser suite's one Firefox harness, the twin of useChromium (helpers/use-chromium.ts): a
// test file calls useFirefox(build) at its top; it registers the same hooks
// (helpers/harness-hooks.ts: the page server and Firefox ESR with Readwell installed before the
// tests, every tab a test opened closed after it, both closed at the end) and returns the helpers
// the tests share and the moves of helpers/browser-harness.ts.
import type { Page } from 'puppeteer-core';
import { openWithToggle, type BrowserHarness } from './browser-harness.js';
import { inExtension, launchFirefox, type LaunchedFirefox } from './firefox.js';
import { firefoxMoves } from './firefox-moves.js';
import { useBrowserHooks, type Forget } from './harness-hooks.js';
import { SEED } from './seed.js';

/** 'test': dist/firefox plus host permissions for 127.0.0.1 (as dist/chrome-test); 'shipped': dist/firefox as users get it. */
export type FirefoxBuild = 'test' | 'shipped';

export interface FirefoxOptions {
  /** Runs once after the launch, before any test: tabs kept open for every test, listeners. */
  setup?: (harness: FirefoxHarness) => Promise<unknown>;
  /** Storage keys removed (from the driver) before each test: as ChromiumOptions.forget. */
  forget?: Forget;
  /** A packaged .zip installed from the file instead of dist/firefox (packages.e2e.ts), read at launch. */
  archive?: () => string;
}

export interface FirefoxHarness extends BrowserHarness<Page> {
  /** The launched browser, its driver page and the extension (from the first test on). */
  readonly ff: LaunchedFirefox;
}

type StorageApi = { browser: { storage: Record<'local' | 'sync', { remove(keys: string[]): Promise<void> }> } };

export function useFirefox(build: FirefoxBuild, options: FirefoxOptions = {}): FirefoxHarness {
  const hooks = useBrowserHooks<LaunchedFirefox, Page>({
    launch: () => launchFirefox(options.archive ? { archive: options.archive() } : { build }),
    setup: async () => options.setup?.(harness),
    tabs: (ff) => ff.browser.pages(),
    closeTab: (page) => page.close(),
    removeStored: (ff, { local, sync }) => inExtension(ff, async (l: string[], s: string[]) => {
      const { storage } = (globalThis as unknown as StorageApi).browser;
      if (l.length) await storage.local.remove(l);
      if (s.length) await storage.sync.remove(s);
    }, local, sync),
    close: (ff) => ff.close(),
  }, options.forget);
  const { watched, ...moves } = firefoxMoves(() => harness.ff);

  const harness: FirefoxHarness = {
    ...moves,
    get ff() {
      return hooks.launched();
    },
    get server() {
      return hooks.server();
    },
    openSeed: () => harness.openPage(harness.server.fixture(SEED)),
    // As the popup's toggle does: a message to the background, which injects and toggles.
    openReader: (page) => openWithToggle(harness, page),
    openPopup: async (page) => watched(await harness.ff.popupFor(page)),
    // Puppeteer's goto never sees a moz-extension:// page load: the driver opens it (tabs.create).
    openExtensionPage: async (path) => watched(await harness.ff.openExtensionPage(path)),
    openLibrary: () => harness.openExtensionPage('library.html'),
  };
  return harness;
}
