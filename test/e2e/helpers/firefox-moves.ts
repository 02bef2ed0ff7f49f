// The moves of helpers/browser-harness.ts made Firefox's way (puppeteer-core over WebDriver BiDi,
// the driver page for extension APIs, Firefox's own window for the toolbar: README "Firefox");
// useFirefox puts them on its harness.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { BrowserHarness, RealPopup, ToggleReply } from './browser-harness.js';
import { bidiSend, ffScreenshot, inExtension, sendFromExtension, VIEWPORT, type LaunchedFirefox } from './firefox.js';
import { clickInRealPopup, clickToolbarButton, cspReports, realPopupText, watchCspReports } from './firefox-chrome.js';
import { overlayCall, overlayClick, overlayFocus, overlayStyle, readOverlay, waitForNoOverlay, waitForOverlay } from './firefox-overlay.js';
import { inPage, waitForLocation } from './tab.js';
import { until } from './wait.js';

export type FirefoxMoves = Omit<BrowserHarness<Page>, 'server' | 'openSeed' | 'openReader' | 'openPopup' | 'openExtensionPage' | 'openLibrary'>;

type CommandsApi = { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } };

export function firefoxMoves(launched: () => LaunchedFirefox): FirefoxMoves & { watched(page: Page): Page } {
  const dialogListeners: ((description: string) => void)[] = [];
  /** Every tab the harness opens reports its dialogs to the listeners (Puppeteer has no context-wide event for them). */
  const watched = (page: Page): Page => {
    page.on('dialog', (d) => {
      for (const listener of dialogListeners) listener(`${d.type()}: ${d.message()} (${page.url()})`);
      void d.dismiss().catch(() => {});
    });
    return page;
  };
  const ff = launched;
  const newTab = async () => watched(await ff().browser.newPage());
  return {
    name: 'firefox',
    viewport: VIEWPORT,
    watched,
    newTab,
    async openPage(url, options) {
      const page = await newTab();
      await page.goto(url, options);
      return page;
    },
    toggleReader: async (page) => sendFromExtension<ToggleReply>(ff(), { type: 'toggle-reader', tabId: await ff().tabIdOf(page), allowSelection: true }),
    extensionUrl: (path) => `${ff().base}/${path}`,
    overlay: {
      read: (page) => readOverlay(ff(), page),
      waitFor: (page) => waitForOverlay(ff(), page),
      waitForNone: (page) => waitForNoOverlay(ff(), page),
      call: (page, selector, fn) => overlayCall(ff(), page, selector, fn),
      style: (page, selector, props) => overlayStyle(ff(), page, selector, props),
      click: (page, selector) => overlayClick(ff(), page, selector),
      focus: (page, selector) => overlayFocus(ff(), page, selector),
    },
    screenshot: (page, what) => ffScreenshot(page, `firefox-${what}`),
    inSparePage: (fn, ...args) => inExtension(ff(), fn, ...args),
    stored: (area, key) => inExtension(ff(), async (a: 'local' | 'sync', k: string) =>
      (await (globalThis as unknown as { browser: { storage: Record<'local' | 'sync', { get(key: string): Promise<Record<string, unknown>> }> } }).browser.storage[a].get(k))[k], area, key),
    addInitScript: async (source) => void (await bidiSend(ff().browser, 'script.addPreloadScript', { functionDeclaration: `() => { ${source} }` })),
    onDialog: (listener) => void dialogListeners.push(listener),
    watchCsp: () => watchCspReports(ff()),
    cspReports: () => cspReports(ff(), ff().base),
    async newTabFrom(action, urlPart) {
      const before = new Set(await ff().browser.pages());
      await action();
      const page = await until('the new tab', async () => (await ff().browser.pages()).find((p) => !before.has(p)), 10_000).catch(async () => {
        // Now and then (a loaded machine, seen in CI) puppeteer never reports a tab the extension
        // opened. The extension's own tabs API still proves the action opened it; the test goes on
        // in a tab of puppeteer's own at the same address, as openExtensionPage does.
        const opened = await inExtension(ff(), async (part: string) =>
          (await (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ url?: string }[]> } } }).browser.tabs.query({}))
            .map((t) => t.url ?? '').find((u) => u.includes(part)), urlPart);
        if (!opened) throw new Error(`no tab at ${urlPart} was opened`);
        const own = await ff().browser.newPage();
        void own.goto(opened).catch(() => {});
        return own;
      });
      await waitForLocation(page, urlPart);
      await page.setViewport(VIEWPORT); // tabs that Firefox opens do not get puppeteer's default
      return watched(page);
    },
    async download(_page, action) {
      // Firefox saves downloads to a folder without asking (prefs in helpers/firefox.ts), first as <name>.part.
      const dir = ff().downloadsDir;
      const before = new Set(readdirSync(dir));
      await action();
      // Looked for afresh on each poll: Firefox may show a file under a passing name before its own.
      const name = await until('the download written', () => readdirSync(dir).find((f) => !before.has(f) && !f.endsWith('.part') &&
        !existsSync(join(dir, `${f}.part`)) && existsSync(join(dir, f)) && readFileSync(join(dir, f)).length > 0), 10_000);
      return { name, path: join(dir, name) };
    },
    async setInputFile(page, selector, file) {
      const input = (await page.$(selector)) as ElementHandle<HTMLInputElement> | null;
      if (!input) throw new Error(`no ${selector}`);
      await input.uploadFile(file);
    },
    toolbar: {
      async open(page) {
        await clickToolbarButton(ff(), page);
        return realPopup(ff());
      },
      boundShortcut: () => inExtension(ff(), async () => {
        // The background is an event page in Firefox; an extension page can reach its window.
        const bg = (await (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window & { browser: CommandsApi }> } } }).browser.runtime.getBackgroundPage());
        return (await bg.browser.commands.getAll()).find((c) => c.name === 'toggle-reader')?.shortcut ?? '';
      }),
      async shortcutSettingsOpened() {
        // "Change" opens Firefox's own page for it (commands.openShortcutSettings): about:addons.
        const addons = await until('an about:addons tab', async () => {
          for (const p of await ff().browser.pages()) if (await inPage(p, () => location.href.startsWith('about:addons')).catch(() => false)) return p;
          return undefined;
        });
        await until('the shortcuts view', () => inPage(addons, () => document.body?.innerText.includes('Readwell')).catch(() => false));
        return addons;
      },
      async openBrowserPage() {
        const page = await newTab();
        // Puppeteer never sees about: pages finish loading; the document says when it has.
        await page.goto('about:robots', { timeout: 2_000 }).catch(() => {});
        await until('about:robots', () => inPage(page, () => location.href === 'about:robots' && document.readyState === 'complete'));
        return page;
      },
    },
  };
}

/** The real popup, reached from the driver (helpers/firefox-chrome.ts); the next toolbar click closes it. */
function realPopup(ff: LaunchedFirefox): RealPopup {
  return {
    click: (testid) => clickInRealPopup(ff, testid),
    text: (testid) => until(`${testid} in the real popup`, async () => (await realPopupText(ff, testid)) || undefined, 10_000),
    isDisabled: async (testid) => (await realPopupText(ff, testid, 'disabled')) === 'true',
    screenshot: async () => {},
    release: async () => {},
  };
}
