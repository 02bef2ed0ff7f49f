// UI redress (issue 5) in Firefox ESR: pages that restyle, cover, clobber or re-prototype what an
// overlay would use, and pages that swallow keys and clicks. Firefox differs from Chromium here in
// the top layer and popover, and in what a content script sees of the page (Xray wrappers hide
// the page's named elements and replaced prototypes). The same checks as
// hostile-redress.chromium.e2e.ts: the overlay opens, shows the article where the user looks
// (pixels of a screenshot), and closes.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { bidiSend, ffScreenshot, inExtension, launchFirefox, sendFromExtension, VIEWPORT, type LaunchedFirefox } from './helpers/firefox.js';
import { overlayClick, overlayStyle, readOverlay, waitForNoOverlay, waitForOverlay, type OverlayView } from './helpers/firefox-overlay.js';
import { FLAG_WATCH_SCRIPT, hostileEntries, readwellWrites, serveHostile, settleAndArm } from './helpers/hostile.js';
import { elementAtCentre, pageState } from './helpers/page-state.js';
import { startServer, type StaticServer } from './helpers/server.js';
import { until } from './helpers/wait.js';
import { notBackground, pixelsAt, probePoints } from './helpers/pixel-probe.js';

let server: StaticServer;
let ff: LaunchedFirefox;
beforeAll(async () => {
  server = await startServer();
  ff = await launchFirefox();
  await bidiSend(ff.browser, 'script.addPreloadScript', { functionDeclaration: `() => { ${FLAG_WATCH_SCRIPT} }` });
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});
afterEach(async () => {
  await ff?.closeOtherTabs();
});

const FERRY = 'For forty years the little ferry crossed the estuary every half hour';
const norm = (s: string) => s.replace(/\s+/g, ' ');
const byTestId = (id: string) => `[data-testid="${id}"]`;
let opened = 0;

async function open(url: string): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.goto(`${url}${url.includes('?') ? '&' : '?'}tab=${++opened}`);
  await settleAndArm(page);
  return page;
}

/** The popup's toggle, as a message from an extension page (what the popup sends). */
const toggle = async (page: Page) => sendFromExtension<{ ok: boolean; value?: { open: boolean } }>(ff, { type: 'toggle-reader', tabId: await ff.tabIdOf(page), allowSelection: true });

async function openReader(page: Page): Promise<OverlayView> {
  const reply = await toggle(page);
  expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true, value: { open: true } });
  const view = await waitForOverlay(ff, page);
  await page.bringToFront();
  return view;
}

/**
 * What the user sees: pixels of a screenshot at points spread over the viewport (margins beside
 * the text column, near the corners), compared with the reader's own background colour. The PNG
 * is decoded on a canvas in the driver page.
 */
async function coveredByReader(page: Page, name: string): Promise<string[]> {
  await page.bringToFront();
  const file = await ffScreenshot(page, name);
  const bg = (await overlayStyle(ff, page, byTestId('reader-dialog'), ['background-color']))['background-color']!;
  const points = probePoints(VIEWPORT.width, VIEWPORT.height);
  const data = (await import('node:fs')).readFileSync(file).toString('base64');
  const got = await inExtension(ff, pixelsAt, data, points);
  return notBackground(got, points, bg);
}

async function expectReaderLooksRight(page: Page, view: OverlayView, name: string) {
  expect(view.shadowRootType).toBe('closed');
  expect(norm(view.text['reader-content'] ?? '')).toContain(FERRY);
  expect(view.text['reader-title']).toBe('The ferry that kept running');
  expect(await elementAtCentre(page)).toBe(view.hostName);
  const text = await overlayStyle(ff, page, byTestId('reader-content'), ['font-size', 'color', 'visibility', 'opacity', 'display']);
  expect(parseFloat(text['font-size']!)).toBeGreaterThanOrEqual(14);
  expect(text).toMatchObject({ visibility: 'visible', opacity: '1', display: 'block' });
  expect(text.color).not.toMatch(/rgba\(\d+, \d+, \d+, 0\)|transparent/);
  expect(await coveredByReader(page, name)).toEqual([]);
}

async function closeWithButton(page: Page) {
  await overlayClick(ff, page, byTestId('reader-close'));
  await waitForNoOverlay(ff, page);
}

const swallowed = (page: Page) => page.evaluate(() => (window as unknown as { __swallowed: string[] }).__swallowed);

describe('redress: the overlay opens, looks right and closes', () => {
  test('page CSS and SVG that cover the viewport, blur the root and restyle anything added to <html>', async () => {
    const page = await open(server.e2e('hostile-cover.html'));
    const before = await pageState(page);
    const view = await openReader(page);
    await expectReaderLooksRight(page, view, 'firefox-hostile-cover');
    await closeWithButton(page);
    expect(await pageState(page)).toEqual(before);
    expect(await readwellWrites(page)).toEqual([]);
  });

  test('page scripts replaced attachShadow, appendChild, addEventListener, JSON.parse, Promise.then… before the content script ran', async () => {
    const page = await open(server.e2e('hostile-prototypes.html'));
    const view = await openReader(page);
    await expectReaderLooksRight(page, view, 'firefox-hostile-prototypes');
    await page.keyboard.press('Escape');
    await waitForNoOverlay(ff, page);
    // None of the page's replacements was ever called by Readwell (each would set the flag).
    expect(await page.evaluate(() => (window as unknown as { __rwWatch: { writes: unknown[] } }).__rwWatch.writes)).toEqual([]);
  });

  test('elements and forms named like Readwell’s globals: the page sees them, Readwell’s content script does not (Xrays)', async () => {
    const page = await open(server.e2e('hostile-clobber.html'));
    // The page really clobbers: in its own world those names are its elements...
    // (Firefox names the first of several same-named elements where Chromium gives a collection.)
    expect(await page.evaluate(() => {
      const g = window as unknown as Record<string, unknown>;
      return [String(g.__readwellContent), String(g.chrome), String((g.chrome as { runtime?: unknown }).runtime)];
    })).toEqual([expect.stringMatching(/^\[object HTML\w*(Element|Collection)\]$/), '[object HTMLFormElement]', '[object HTMLInputElement]']);
    // ...but Firefox shows a content script the page through Xray wrappers: no named elements,
    // and `chrome` is the extension API (in Chromium the same names reach the isolated world).
    const seen = await inExtension(ff, async (tabId: number) => {
      const b = (globalThis as unknown as { browser: { scripting: { executeScript(o: object): Promise<{ result?: unknown }[]> } } }).browser;
      const [r] = await b.scripting.executeScript({ target: { tabId }, func: () => {
        const g = globalThis as unknown as Record<string, unknown>;
        return [typeof g.__readwellContent, typeof (g.chrome as { runtime?: { sendMessage?: unknown } }).runtime?.sendMessage];
      } });
      return r?.result;
    }, await ff.tabIdOf(page));
    expect(seen).toEqual(['undefined', 'function']);
    const before = await pageState(page);
    const view = await openReader(page);
    await expectReaderLooksRight(page, view, 'firefox-hostile-clobber');
    // The same toggle closes it, and a second round works too.
    expect(await toggle(page)).toMatchObject({ ok: true, value: { open: false } });
    await waitForNoOverlay(ff, page);
    await openReader(page);
    await page.keyboard.press('Escape');
    await waitForNoOverlay(ff, page);
    expect(await pageState(page)).toEqual(before);
    expect(await readwellWrites(page)).toEqual([]);
  });

  test.each(hostileEntries.filter((e) => e.category === 'ui-redress').map((e) => [e.file, e] as const))('corpus page %s', async (_f, e) => {
    const page = await open(serveHostile(server, e));
    const view = await openReader(page);
    for (const s of e.present ?? []) expect(norm(view.text['reader-content'] ?? '')).toContain(norm(s));
    expect(await elementAtCentre(page)).toBe(view.hostName);
    await closeWithButton(page);
    expect(await readwellWrites(page)).toEqual([]);
  });
});

describe('redress: pages that swallow keys and clicks in the capture phase', () => {
  const fontSize = async (page: Page) => parseFloat((await overlayStyle(ff, page, byTestId('reader-content'), ['font-size']))['font-size']!);

  test('a page that stops keydown on document (capture) does not stop Esc or the reader keys', async () => {
    const page = await open(server.e2e('hostile-keys.html'));
    await page.evaluate(() => ((window as unknown as Record<string, boolean>).__swallowKeysOnDocument = true));
    await openReader(page);
    const was = await fontSize(page);
    await page.keyboard.press('+');
    await until('the text to grow', async () => (await fontSize(page)) === was + 1);
    await page.keyboard.press('-');
    await until('the text back', async () => (await fontSize(page)) === was);
    await page.keyboard.press('Escape');
    await waitForNoOverlay(ff, page);
    // The page's listener never saw the reader's keys.
    expect(await swallowed(page)).toEqual([]);
  });

  test('a window capture-phase listener the page added before Readwell swallows the Esc keydown; Esc still closes, and so does the close button', async () => {
    const page = await open(server.e2e('hostile-keys.html'));
    await page.evaluate(() => ((window as unknown as Record<string, boolean>).__swallowKeysOnWindow = true));
    await openReader(page);
    // Listeners on one target run in the order they were added, and the page's came first, so
    // the reader's keydown listener never sees this Esc. But Esc is also the browser's close
    // request for the reader's modal dialog, which reaches it as `cancel` all the same.
    await page.keyboard.press('Escape');
    await waitForNoOverlay(ff, page);
    expect(await swallowed(page)).toContain('keydown:Escape');
    await openReader(page);
    await closeWithButton(page);
  });

  test('a page that swallows and cancels clicks and keys (window, capture) cannot keep the reader open: the toolbar toggle closes it', async () => {
    const page = await open(server.e2e('hostile-keys.html'));
    // Cancelling the Esc keydown cancels the close request too: nothing in the page reaches the reader.
    await page.evaluate(() => Object.assign(window, { __swallowKeysOnWindow: true, __swallowClicks: true, __preventKeys: true }));
    await openReader(page);
    await overlayClick(ff, page, byTestId('reader-close'));
    await page.keyboard.press('Escape');
    await until('the page to swallow the click and Esc', async () => {
      const s = await swallowed(page);
      return s.includes('click:') && s.includes('keydown:Escape');
    });
    expect(await readOverlay(ff, page)).not.toBeNull();
    expect(await toggle(page)).toMatchObject({ ok: true, value: { open: false } });
    await waitForNoOverlay(ff, page);
  });
});
