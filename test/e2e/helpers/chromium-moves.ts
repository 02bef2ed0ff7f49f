// The moves of helpers/browser-harness.ts made Chromium's way (Playwright, and the DevTools
// protocol where Playwright has no call); useChromium puts them on its harness.
import type { Page } from 'playwright-core';
import { realPopup, screenshot, triggerAction, type Launched } from './chromium.js';
import type { BrowserHarness, RealPopup } from './browser-harness.js';
import { toggleDirect } from './direct.js';
import { overlayCall, overlayFocus, overlayPoint, overlayStyle, readOverlay, waitForNoOverlay, waitForOverlay } from './overlay.js';
import { byTestId } from './popup.js';
import { waitForLocation } from './tab.js';
import { until } from './wait.js';

declare const chrome: {
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
  storage: Record<'local' | 'sync', { get(key: string): Promise<Record<string, unknown>> }>;
};

export type ChromiumMoves = Omit<BrowserHarness<Page>, 'server' | 'openPage' | 'openSeed' | 'openReader' | 'openPopup' | 'openExtensionPage' | 'openLibrary'>;

/** Console lines in which Chromium says a Content Security Policy blocked something (a handler or script that tried to run). */
const CSP_REPORT = /Content Security Policy|Refused to (execute|load|run)/i;

export function chromiumMoves(launched: () => Launched, viewport: { width: number; height: number }): ChromiumMoves {
  const csp: string[] = [];
  const watchCsp = (p: Page) => p.on('console', (m) => {
    if (p.url().startsWith(`chrome-extension://${launched().extId}/`) && CSP_REPORT.test(m.text())) csp.push(`${p.url()}: ${m.text()}`);
  });
  return {
    name: 'chrome',
    viewport,
    newTab: () => launched().ctx.newPage(),
    toggleReader: (page) => toggleDirect(launched(), page),
    extensionUrl: (path) => `chrome-extension://${launched().extId}/${path}`,
    overlay: {
      read: readOverlay,
      waitFor: (page) => waitForOverlay(page),
      waitForNone: (page) => waitForNoOverlay(page),
      call: overlayCall,
      style: overlayStyle,
      async click(page, selector) {
        await page.bringToFront();
        const { x, y } = await overlayPoint(page, selector);
        await page.mouse.click(x, y);
      },
      focus: overlayFocus,
    },
    screenshot: (page, what) => screenshot(page, `chrome-${what}`),
    async inSparePage(fn, ...args) {
      const spare = await launched().ctx.newPage();
      try {
        // Playwright passes one argument: the function goes as its source, its arguments as a list.
        return await spare.evaluate(({ source, args }) => new Function(`return (${source})`)()(...args), { source: fn.toString(), args });
      } finally {
        await spare.close();
      }
    },
    stored: (area, key) => launched().sw.evaluate(async ([a, k]) => (await chrome.storage[a].get(k))[k], [area, key] as const),
    addInitScript: async (source) => void (await launched().ctx.addInitScript(source)),
    onDialog(listener) {
      launched().ctx.on('page', (p) => p.on('dialog', (d) => {
        listener(`${d.type()}: ${d.message()} (${p.url()})`);
        void d.dismiss().catch(() => {});
      }));
    },
    async watchCsp() {
      launched().ctx.pages().forEach(watchCsp);
      launched().ctx.on('page', watchCsp);
    },
    cspReports: async () => [...csp],
    reduceMotion: (page) => page.emulateMedia({ reducedMotion: 'reduce' }),
    async newTabFrom(action, urlPart) {
      const [page] = await Promise.all([launched().ctx.waitForEvent('page'), action()]);
      await waitForLocation(page, urlPart);
      return page;
    },
    async download(page, action) {
      const [d] = await Promise.all([page.waitForEvent('download'), action()]);
      return { name: d.suggestedFilename(), path: await d.path() };
    },
    setInputFile: (page, selector, file) => page.locator(selector).setInputFiles(file),
    toolbar: {
      async open(page) {
        await triggerAction(launched(), page);
        return realPopupOf(await realPopup(launched()));
      },
      boundShortcut: () => launched().sw.evaluate(async () => (await chrome.commands.getAll()).find((c) => c.name === 'toggle-reader')?.shortcut ?? ''),
      shortcutSettingsOpened: () => until('a chrome://extensions/shortcuts tab', () => launched().ctx.pages().find((p) => p.url() === 'chrome://extensions/shortcuts')),
      async openBrowserPage() {
        const page = await launched().ctx.newPage();
        await page.goto('chrome://version');
        return page;
      },
    },
  };
}

function realPopupOf({ page, browser }: { page: Page; browser: { close(): Promise<void> } }): RealPopup {
  const status = () => page.locator(byTestId('popup-status')).innerText();
  return {
    async click(testid) {
      const button = page.locator(byTestId(testid));
      const shown = await until(`the real popup to offer ${testid}`, async () => {
        const s = await status();
        return !/Checking/.test(s) && (await button.isVisible()) && (await button.isEnabled()) ? s : undefined;
      }, 10_000);
      await button.click();
      return shown;
    },
    text: (testid) => until(`${testid} in the real popup`, async () => {
      const el = page.locator(byTestId(testid));
      return (await el.isVisible()) ? (await el.innerText()) || undefined : undefined;
    }, 10_000),
    isDisabled: (testid) => page.locator(byTestId(testid)).isDisabled(),
    screenshot: async (name) => void (await screenshot(page, `chrome-${name}`)),
    release: () => browser.close(),
  };
}
