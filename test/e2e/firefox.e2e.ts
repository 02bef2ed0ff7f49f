// Smoke test in Firefox ESR over WebDriver BiDi: the popup opens reader view on the seed page.
// Puppeteer's `pierce/` and `::-p-aria` selectors do not reach into a CLOSED shadow root in
// Firefox (checked: both find nothing), and BiDi has no DevTools DOM domain, so the overlay is
// checked from outside, as a user would see it: a new element now covers the centre of the
// viewport and the page cannot open its root, a screenshot is taken, and the article text is
// what the popup's "Copy text" put on the clipboard, read back in the page.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ffScreenshot, launchFirefox, openExtensionPage, type LaunchedFirefox } from './helpers/firefox.js';
import { SEED, seedTextProblems, seedTitle } from './helpers/seed.js';
import { startServer, type StaticServer } from './helpers/server.js';

let server: StaticServer;
let ff: LaunchedFirefox;
beforeAll(async () => {
  server = await startServer();
  ff = await launchFirefox();
}, 90_000);
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

const centre = (page: Page) =>
  page.evaluate(() => {
    const e = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
    return e ? { name: e.localName, inPage: document.body.contains(e), openRoot: e.shadowRoot !== null } : null;
  });

test('Firefox: the popup opens reader view on the seed page; the toggle and Esc close it leaving the page as it was', async () => {
  const page = (await ff.browser.pages())[0] ?? (await ff.browser.newPage());
  const url = server.fixture(SEED);
  await page.goto(url);
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  expect((await centre(page))?.inPage).toBe(true);

  // The popup needs the tab's id; an extension page can list tabs (127.0.0.1 is in the test copy's host permissions).
  let popup = await openExtensionPage(ff, 'popup.html');
  const tabId = await popup.evaluate(async (u) => {
    const tabs = await (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> } } }).browser.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? -1;
  }, url);
  expect(tabId).toBeGreaterThan(0);
  await popup.close();
  popup = await openExtensionPage(ff, `popup.html?tabId=${tabId}`);
  await popup.waitForSelector('[data-testid="popup-toggle"]', { visible: true });
  await popup.click('[data-testid="popup-toggle"]');

  await page.bringToFront();
  await page.waitForFunction(
    () => {
      const e = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
      return !!e && !document.body.contains(e) && e !== document.documentElement && e.shadowRoot === null;
    },
    { timeout: 15_000, polling: 50 },
  );
  await ffScreenshot(page, 'firefox-seed-reader');

  // The article text, as the popup's "Copy text" puts it on the clipboard (read back from the
  // page; the helper sets Firefox's testing pref that allows it without a paste prompt).
  await page.evaluate(() => navigator.clipboard.writeText('clipboard before copy'));
  await popup.bringToFront();
  await popup.click('[data-testid="popup-copy-text"]');
  await popup.waitForFunction(() => /Copied \d+ words/.test(document.querySelector('[data-testid="popup-message"]')?.textContent ?? ''), { timeout: 10_000 });
  await page.bringToFront();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toContain(seedTitle);
  expect(seedTextProblems(text)).toEqual([]);

  await popup.bringToFront();
  await popup.click('[data-testid="popup-toggle"]');
  await page.bringToFront();
  await page.waitForFunction(() => document.body.contains(document.elementFromPoint(innerWidth / 2, innerHeight / 2)), { timeout: 10_000, polling: 50 });
  expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);

  // Again, closed this time with a real Escape key press (BiDi input is trusted input).
  await popup.bringToFront();
  await popup.click('[data-testid="popup-toggle"]');
  await page.bringToFront();
  await page.waitForFunction(() => !document.body.contains(document.elementFromPoint(innerWidth / 2, innerHeight / 2)), { timeout: 15_000, polling: 50 });
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.body.contains(document.elementFromPoint(innerWidth / 2, innerHeight / 2)), { timeout: 10_000, polling: 50 });
  expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
  await popup.close();
});
