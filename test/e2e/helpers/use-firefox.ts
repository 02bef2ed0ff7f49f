// The browser suite's one Firefox harness, the twin of useChromium (helpers/use-chromium.ts): a
// test file calls useFirefox(build) at its top; it registers the hooks that start the page
// server and launch Firefox ESR with Readwell installed before the tests, close every tab a test
// opened after it (a failed test leaves its tabs open), and close both at the end; it returns the
// helpers the tests share and the moves of helpers/browser-harness.ts.
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { BrowserHarness } from './browser-harness.js';
import { inExtension, launchFirefox, type LaunchedFirefox } from './firefox.js';
import { firefoxMoves } from './firefox-moves.js';
import type { OverlayView } from './overlay.js';
import { SEED } from './seed.js';
import { startServer, type StaticServer } from './server.js';

/** 'test': dist/firefox plus host permissions for 127.0.0.1 (as dist/chrome-test); 'shipped': dist/firefox as users get it. */
export type FirefoxBuild = 'test' | 'shipped';

export interface FirefoxOptions {
  /** Runs once after the launch, before any test: tabs kept open for every test, listeners. */
  setup?: (harness: FirefoxHarness) => Promise<unknown>;
  /** Storage keys removed (from the driver) before each test: as ChromiumOptions.forget. */
  forget?: { local?: readonly string[]; sync?: readonly string[] };
}

export interface FirefoxHarness extends BrowserHarness<Page> {
  /** The launched browser, its driver page and the extension (from the first test on). */
  readonly ff: LaunchedFirefox;
  /** Opens reader view as the popup's toggle does (a message to the background, which injects and toggles; the test build only). */
  openReader(page: Page): Promise<OverlayView>;
}

export function useFirefox(build: FirefoxBuild, options: FirefoxOptions = {}): FirefoxHarness {
  let launched: LaunchedFirefox | undefined;
  let served: StaticServer | undefined;
  let kept = new Set<Page>();
  const ready = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`${what} is not started yet: use it inside a test or a hook`);
    return value;
  };
  const { watched, ...moves } = firefoxMoves(() => harness.ff);

  const harness: FirefoxHarness = {
    ...moves,
    get ff() {
      return ready(launched, 'Firefox');
    },
    get server() {
      return ready(served, 'The page server');
    },
    openSeed: () => harness.openPage(harness.server.fixture(SEED)),
    async openReader(page) {
      const reply = await harness.toggleReader(page);
      expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true, value: { open: true } });
      return harness.overlay.waitFor(page);
    },
    openPopup: async (page) => watched(await harness.ff.popupFor(page)),
    // Puppeteer's goto never sees a moz-extension:// page load: the driver opens it (tabs.create).
    openExtensionPage: async (path) => watched(await harness.ff.openExtensionPage(path)),
    openLibrary: () => harness.openExtensionPage('library.html'),
  };

  beforeAll(async () => {
    served = await startServer();
    launched = await launchFirefox({ build });
    await options.setup?.(harness);
  });
  beforeEach(async () => {
    if (!launched) return;
    kept = new Set(await launched.browser.pages());
    const { local = [], sync = [] } = options.forget ?? {};
    if (local.length + sync.length > 0) {
      await inExtension(launched, async (l: string[], s: string[]) => {
        const storage = (globalThis as unknown as { browser: { storage: Record<'local' | 'sync', { remove(keys: string[]): Promise<void> }> } }).browser.storage;
        if (l.length) await storage.local.remove(l);
        if (s.length) await storage.sync.remove(s);
      }, [...local], [...sync]);
    }
  });
  afterEach(async () => {
    for (const page of (await launched?.browser.pages()) ?? []) if (!kept.has(page)) await page.close().catch(() => {});
  });
  afterAll(async () => {
    await launched?.close();
    await served?.close();
  });
  return harness;
}
