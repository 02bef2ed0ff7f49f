// UI redress (issue 5) in real headless Chromium: pages that restyle, cover, clobber or
// re-prototype what an overlay would use, and pages that swallow keys and clicks. The overlay
// must still open, show the article where the user looks (pixels of a screenshot, not just the
// DOM) and close. Pages: test/e2e/pages/hostile-*.html and the corpus's clobber pages.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { tabIdOf } from './helpers/chromium.js';
import { coveredByReader } from './helpers/pixels.js';
import { toggleDirect } from './helpers/direct.js';
import { FLAG_WATCH_SCRIPT, hostileEntries, readwellWrites, serveHostile, settleAndArm } from './helpers/hostile.js';
import { overlayPoint, overlayStyle, readOverlay, waitForNoOverlay, type OverlayView } from './helpers/overlay.js';
import { elementAtCentre, pageState } from './helpers/page-state.js';
import { byTestId } from './helpers/popup.js';
import { useChromium } from './helpers/use-chromium.js';

const chromium = useChromium('chrome-test', { setup: ({ l }) => l.ctx.addInitScript(FLAG_WATCH_SCRIPT) });
const { openReader } = chromium;

const FERRY = 'For forty years the little ferry crossed the estuary every half hour';
const norm = (s: string) => s.replace(/\s+/g, ' ');

async function open(url: string): Promise<Page> {
  const page = await chromium.openPage(url);
  await settleAndArm(page);
  return page;
}

async function expectReaderLooksRight(page: Page, view: OverlayView, name: string) {
  expect(view.shadowRootType).toBe('closed');
  expect(norm(view.text['reader-content'] ?? '')).toContain(FERRY);
  expect(view.text['reader-title']).toBe('The ferry that kept running');
  expect(await elementAtCentre(page)).toBe(view.hostName);
  const text = await overlayStyle(page, byTestId('reader-content'), ['font-size', 'color', 'visibility', 'opacity', 'display']);
  expect(parseFloat(text['font-size']!)).toBeGreaterThanOrEqual(14);
  expect(text).toMatchObject({ visibility: 'visible', opacity: '1', display: 'block' });
  expect(text.color).not.toMatch(/rgba\(\d+, \d+, \d+, 0\)|transparent/);
  expect(await coveredByReader(chromium.l, page, name)).toEqual([]);
}

async function closeWithButton(page: Page) {
  await page.bringToFront();
  const { x, y } = await overlayPoint(page, byTestId('reader-close'));
  await page.mouse.click(x, y);
  await waitForNoOverlay(page);
}

describe('redress: the overlay opens, looks right and closes', () => {
  test('page CSS and SVG that cover the viewport, blur the root and restyle anything added to <html>', async () => {
    const page = await open(chromium.server.e2e('hostile-cover.html'));
    const before = await pageState(page);
    const view = await openReader(page);
    await expectReaderLooksRight(page, view, 'chrome-hostile-cover');
    await closeWithButton(page);
    expect(await pageState(page)).toEqual(before);
    expect(await readwellWrites(page)).toEqual([]);
  });

  test('page scripts replaced attachShadow, appendChild, addEventListener, JSON.parse, Promise.then… before the content script ran', async () => {
    const page = await open(chromium.server.e2e('hostile-prototypes.html'));
    const view = await openReader(page);
    await expectReaderLooksRight(page, view, 'chrome-hostile-prototypes');
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await waitForNoOverlay(page);
    // None of the page's replacements was ever called by Readwell (each would set the flag).
    expect(await page.evaluate(() => (window as unknown as { __rwWatch: { writes: unknown[] } }).__rwWatch.writes)).toEqual([]);
  });

  test('elements and forms named like Readwell’s globals and parts, and custom elements under overlay-like names', async () => {
    const page = await open(chromium.server.e2e('hostile-clobber.html'));
    // Named access reaches the content script's world: there the page's elements answer to
    // `chrome` and to the string name Readwell used to mark itself (both broke injection).
    const tabId = await tabIdOf(chromium.l, page);
    const seen = await chromium.l.sw.evaluate(async (id) => {
      const [r] = await chrome.scripting.executeScript({ target: { tabId: id }, world: 'ISOLATED', func: () => {
        const g = globalThis as unknown as Record<string, unknown>;
        return [String(g.__readwellContent), String(g.chrome), String((g.chrome as { runtime?: unknown }).runtime)];
      } });
      return r?.result;
    }, tabId);
    expect(seen).toEqual(['[object HTMLCollection]', '[object HTMLFormElement]', '[object HTMLInputElement]']);
    const before = await pageState(page);
    const view = await openReader(page);
    await expectReaderLooksRight(page, view, 'chrome-hostile-clobber');
    // The same toggle closes it, and a second round works too.
    expect(await toggleDirect(chromium.l, page)).toMatchObject({ ok: true, value: { open: false } });
    await waitForNoOverlay(page);
    await openReader(page);
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await waitForNoOverlay(page);
    expect(await pageState(page)).toEqual(before);
    expect(await readwellWrites(page)).toEqual([]);
  });

  test.each(hostileEntries.filter((e) => e.category === 'ui-redress').map((e) => [e.file, e] as const))('corpus page %s', async (_f, e) => {
    const page = await open(serveHostile(chromium.server, e));
    const view = await openReader(page);
    for (const s of e.present ?? []) expect(norm(view.text['reader-content'] ?? '')).toContain(norm(s));
    expect(await elementAtCentre(page)).toBe(view.hostName);
    await closeWithButton(page);
    expect(await readwellWrites(page)).toEqual([]);
  });
});

describe('redress: pages that swallow keys and clicks in the capture phase', () => {
  test('a page that stops keydown on document (capture) does not stop Esc or the reader keys', async () => {
    const page = await open(chromium.server.e2e('hostile-keys.html'));
    await page.evaluate(() => ((window as unknown as Record<string, boolean>).__swallowKeysOnDocument = true));
    await openReader(page);
    await page.bringToFront();
    const size = async () => parseFloat((await overlayStyle(page, byTestId('reader-content'), ['font-size']))['font-size']!);
    const was = await size();
    await page.keyboard.press('+');
    await expect.poll(size).toBe(was + 1);
    await page.keyboard.press('-');
    await expect.poll(size).toBe(was);
    await page.keyboard.press('Escape');
    await waitForNoOverlay(page);
    // The page's listener never saw the reader's keys.
    expect(await page.evaluate(() => (window as unknown as { __swallowed: string[] }).__swallowed)).toEqual([]);
  });

  test('a window capture-phase listener the page added before Readwell swallows the Esc keydown; Esc still closes, and so does the close button', async () => {
    const page = await open(chromium.server.e2e('hostile-keys.html'));
    await page.evaluate(() => ((window as unknown as Record<string, boolean>).__swallowKeysOnWindow = true));
    await openReader(page);
    await page.bringToFront();
    // Listeners on one target run in the order they were added, and the page's came first, so
    // the reader's keydown listener never sees this Esc. But Esc is also the browser's close
    // request for the reader's modal dialog, which reaches it as `cancel` all the same.
    await page.keyboard.press('Escape');
    await waitForNoOverlay(page);
    expect(await page.evaluate(() => (window as unknown as { __swallowed: string[] }).__swallowed)).toContain('keydown:Escape');
    await openReader(page);
    await closeWithButton(page);
  });

  test('a page that swallows and cancels clicks and keys (window, capture) cannot keep the reader open: the toolbar toggle closes it', async () => {
    const page = await open(chromium.server.e2e('hostile-keys.html'));
    // Cancelling the Esc keydown cancels the close request too: nothing in the page reaches the reader.
    await page.evaluate(() => Object.assign(window, { __swallowKeysOnWindow: true, __swallowClicks: true, __preventKeys: true }));
    await openReader(page);
    await page.bringToFront();
    const { x, y } = await overlayPoint(page, byTestId('reader-close'));
    await page.mouse.click(x, y);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    expect(await readOverlay(page)).not.toBeNull();
    expect(await toggleDirect(chromium.l, page)).toMatchObject({ ok: true, value: { open: false } });
    await waitForNoOverlay(page);
  });
});

declare const chrome: { scripting: { executeScript(o: object): Promise<{ result?: unknown }[]> } };
