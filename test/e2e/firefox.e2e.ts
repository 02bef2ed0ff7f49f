// Smoke test in Firefox ESR over WebDriver BiDi: the popup opens reader view on the seed page.
// Puppeteer's `pierce/` and `::-p-aria` selectors do not reach into a CLOSED shadow root in
// Firefox (checked: both find nothing), and BiDi has no DevTools DOM domain, so the overlay is
// checked from outside, as a user would see it: a new element now covers the centre of the
// viewport and the page cannot open its root, a screenshot is taken, and the article text is
// what the popup's "Copy text" put on the clipboard, read back in the page. Keyboard scrolling is
// seen the same way: the screen changes after PageDown and End, and Home brings back, pixel for
// pixel, the screen the reader opened with.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { ffScreenshot, launchFirefox, openExtensionPage, type LaunchedFirefox } from './helpers/firefox.js';
import { SEED, seedTextProblems, seedTitle } from './helpers/seed.js';
import { repoRoot, startServer, type StaticServer } from './helpers/server.js';
import { until } from './helpers/wait.js';

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

/** The popup, as a tab, aimed at the tab showing `url` (its id found from an extension page). */
async function popupFor(url: string): Promise<Page> {
  const probe = await openExtensionPage(ff, 'popup.html');
  const tabId = await probe.evaluate(async (u) => {
    const tabs = await (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> } } }).browser.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? -1;
  }, url);
  expect(tabId).toBeGreaterThan(0);
  await probe.close();
  const popup = await openExtensionPage(ff, `popup.html?tabId=${tabId}`);
  await popup.waitForSelector('[data-testid="popup-toggle"]:not([disabled])', { visible: true });
  return popup;
}

/** The screen once it has stopped changing (a smooth scroll has landed): two equal shots in a row. */
async function settledScreen(page: Page): Promise<Buffer> {
  let last = Buffer.from(await page.screenshot());
  return until('the screen to settle', async () => {
    await new Promise((r) => setTimeout(r, 100));
    const now = Buffer.from(await page.screenshot());
    const same = now.equals(last);
    last = now;
    return same ? now : undefined;
  }, 10_000);
}

test('Firefox: Space, PageDown and End scroll the reader from the keyboard, Home goes back to the top; ? lists the keys', async () => {
  const page = await ff.browser.newPage();
  const url = `${server.fixture(SEED)}?keys`;
  await page.goto(url);
  const popup = await popupFor(url);
  await popup.click('[data-testid="popup-toggle"]');
  await page.bringToFront();
  await page.waitForFunction(() => !document.body.contains(document.elementFromPoint(innerWidth / 2, innerHeight / 2)), { timeout: 15_000, polling: 50 });

  // Real key presses (BiDi input), with focus where the reader put it as it opened.
  const top = await settledScreen(page);
  const seen = [top];
  for (const key of [' ', 'PageDown', 'End'] as const) {
    await page.keyboard.press(key);
    const screen = await settledScreen(page);
    expect(seen.some((s) => s.equals(screen)), `"${key}" changed the screen`).toBe(false);
    seen.push(screen);
  }
  await ffScreenshot(page, 'firefox-reader-keys-end');
  await page.keyboard.press('Home');
  expect((await settledScreen(page)).equals(top), 'Home shows the top again').toBe(true);

  await page.keyboard.press('?');
  const help = await settledScreen(page);
  expect(help.equals(top)).toBe(false);
  await ffScreenshot(page, 'firefox-reader-keys-help');
  await page.keyboard.press('Escape'); // closes the list, not the reader
  expect((await settledScreen(page)).equals(help)).toBe(false);
  expect(await page.evaluate(() => document.body.contains(document.elementFromPoint(innerWidth / 2, innerHeight / 2)))).toBe(false);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.body.contains(document.elementFromPoint(innerWidth / 2, innerHeight / 2)), { timeout: 10_000, polling: 50 });
  await popup.close();
  await page.close();
});

test("Firefox: the manifest's toggle shortcut is bound; the popup names it and opens Manage Extension Shortcuts", async () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'dist/firefox/manifest.json'), 'utf8'));
  const suggested: string = manifest.commands['toggle-reader'].suggested_key.default;
  const page = await ff.browser.newPage();
  const url = `${server.fixture(SEED)}?shortcut`;
  await page.goto(url);
  const popup = await popupFor(url);
  const bound = await popup.evaluate(async () => {
    const all = await (globalThis as unknown as { browser: { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } } }).browser.commands.getAll();
    return all.find((c) => c.name === 'toggle-reader')?.shortcut ?? '';
  });
  expect(bound).toBe(suggested);
  await popup.waitForFunction((want) => document.querySelector('[data-testid="popup-shortcut-text"]')?.textContent === want, { timeout: 5_000 }, `Shortcut: ${suggested}`);
  await ffScreenshot(popup, 'firefox-popup-shortcut');
  // "Change" opens Firefox's own page for it (commands.openShortcutSettings): about:addons.
  await popup.click('[data-testid="popup-shortcut-change"]');
  const addons = await until('an about:addons tab', async () => (await ff.browser.pages()).find((p) => p.url().startsWith('about:addons')));
  await until('the shortcuts view', () => addons.evaluate(() => document.body?.innerText.includes('Readwell')).catch(() => false));
  await ffScreenshot(addons, 'firefox-manage-shortcuts');
  await addons.close();
  await popup.close();
  await page.close();
});
