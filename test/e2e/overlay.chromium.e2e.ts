// The reader overlay itself in real headless Chromium (content script injected the way the
// background injects it), on the seed reconstruction: what it shows, how it closes, its toolbar.
// The toolbar-button and popup paths that open it are in reader.chromium.e2e.ts.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, screenshot, type Launched } from './helpers/chromium.js';
import { toggleDirect } from './helpers/direct.js';
import { overlayFocus, overlayPoint, overlayStyle, readOverlay, waitForNoOverlay, waitForOverlay, type OverlayView } from './helpers/overlay.js';
import { elementAtCentre, pageState, prepareState } from './helpers/page-state.js';
import { SEED, seedByline, seedTextProblems, seedTitle } from './helpers/seed.js';
import { startServer, type StaticServer } from './helpers/server.js';

let server: StaticServer;
let l: Launched;
beforeAll(async () => {
  server = await startServer();
  l = await launchChromium('chrome-test');
});
afterAll(async () => {
  await l?.close();
  await server?.close();
});
// A failed test leaves its tab open; close it so the next test finds one tab per URL.
afterEach(async () => {
  for (const p of l?.ctx.pages().slice(1) ?? []) await p.close().catch(() => {});
});

async function openSeed(): Promise<Page> {
  const page = await l.ctx.newPage();
  await page.goto(server.fixture(SEED));
  return page;
}

async function openReader(page: Page): Promise<OverlayView> {
  const reply = await toggleDirect(l, page);
  expect(reply).toMatchObject({ ok: true, value: { open: true } });
  return waitForOverlay(page);
}

const byTestId = (id: string) => `[data-testid="${id}"]`;
const contentStyle = (page: Page, props: string[]) => overlayStyle(page, byTestId('reader-content'), props);

describe('reader overlay on the seed page', () => {
  test('shows the title, byline and all 17 paragraphs in order, with no icon text, in a closed root covering the page', async () => {
    const page = await openSeed();
    const view = await openReader(page);
    expect(view.shadowRootType).toBe('closed');
    expect(view.text['reader-title']?.trim()).toBe(seedTitle);
    if (seedByline) expect(view.text['reader-byline']).toContain(seedByline);
    expect(seedTextProblems(view.text['reader-content'] ?? '')).toEqual([]);
    // No icon text anywhere in the overlay (header, meta, toolbar included).
    expect(seedTextProblems(Object.values(view.text).join('\n')).filter((p) => p.startsWith('icon text'))).toEqual([]);
    // The page sees only a host element, which now covers the viewport; it cannot open the root.
    expect(await elementAtCentre(page)).toBe(view.hostName);
    const hostRoots = await page.evaluate((name) => [...document.querySelectorAll(name)].map((e) => e.shadowRoot), view.hostName);
    expect(hostRoots.every((r) => r === null)).toBe(true);
    await screenshot(page, 'chrome-overlay-seed');
    await page.close();
  });

  test('Esc (a real key press) closes it: same DOM, scroll position and focus as before', async () => {
    const page = await openSeed();
    const before = await prepareState(page, 500);
    expect(before.scrollY).toBe(500);
    expect(before.focus).not.toBe('body');
    await openReader(page);
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await waitForNoOverlay(page);
    expect(await pageState(page)).toEqual(before);
    await page.close();
  });

  test('the close button (a real mouse click) closes it and restores the page', async () => {
    const page = await openSeed();
    const before = await prepareState(page, 250);
    await openReader(page);
    await page.bringToFront();
    const { x, y } = await overlayPoint(page, byTestId('reader-close'));
    await page.mouse.click(x, y);
    await waitForNoOverlay(page);
    expect(await pageState(page)).toEqual(before);
    await page.close();
  });

  test('the same toggle closes it and restores the page', async () => {
    const page = await openSeed();
    const before = await prepareState(page, 700);
    await openReader(page);
    expect(await toggleDirect(l, page)).toMatchObject({ ok: true, value: { open: false } });
    await waitForNoOverlay(page);
    expect(await pageState(page)).toEqual(before);
    await page.close();
  });

  test('keyboard focus stays inside the open reader (Tab and Shift+Tab never reach the page)', async () => {
    const page = await openSeed();
    const view = await openReader(page);
    await page.bringToFront();
    const focused = () => page.evaluate(() => document.activeElement?.localName ?? 'none');
    expect(await focused()).toBe(view.hostName);
    for (const key of [...Array(25).fill('Tab'), ...Array(25).fill('Shift+Tab')] as string[]) {
      await page.keyboard.press(key);
      expect(await focused()).toBe(view.hostName);
    }
  });

  test('the page cannot close it with synthetic events', async () => {
    const page = await openSeed();
    const view = await openReader(page);
    await page.evaluate((hostName) => {
      for (const t of [document, document.documentElement, document.body]) t.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true, composed: true }));
      document.querySelector(hostName)?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    }, view.hostName);
    await page.waitForTimeout(300);
    expect(await readOverlay(page)).not.toBeNull();
    await page.close();
  });
});

describe('other pages', () => {
  test('a right-to-left article is laid out right to left', async () => {
    const page = await l.ctx.newPage();
    await page.goto(server.fixture('keep--rtl-arabic'));
    const view = await openReader(page);
    expect(view.text['reader-title']).toMatch(/[\u0600-\u06ff]/);
    expect((await contentStyle(page, ['direction']))['direction']).toBe('rtl');
    await screenshot(page, 'chrome-overlay-rtl');
  });

  test("the page's own hostile CSS cannot hide, shrink or blank the overlay", async () => {
    const page = await l.ctx.newPage();
    await page.goto(server.e2e('hostile-css.html'));
    const view = await openReader(page);
    expect(view.text['reader-content']).toContain('For three centuries the river ran');
    expect(await elementAtCentre(page)).toBe(view.hostName);
    const style = await contentStyle(page, ['font-size', 'color', 'visibility', 'opacity']);
    expect(parseFloat(style['font-size']!)).toBeGreaterThanOrEqual(12);
    expect(style.visibility).toBe('visible');
    expect(style.opacity).toBe('1');
    expect(style.color).not.toMatch(/rgba\(\d+, \d+, \d+, 0\)|transparent/);
    const box = await overlayStyle(page, byTestId('reader-dialog'), ['width', 'height', 'display']);
    expect(parseFloat(box.width!)).toBeGreaterThan(1000);
    expect(parseFloat(box.height!)).toBeGreaterThan(700);
    await screenshot(page, 'chrome-overlay-hostile-css');
  });
});

describe('reader toolbar', () => {
  test('"A+" (a real click) enlarges the text at once, and the size is kept for the next reader', async () => {
    const page = await openSeed();
    await openReader(page);
    await page.bringToFront();
    const size = async () => parseFloat((await contentStyle(page, ['font-size']))['font-size']!);
    const was = await size();
    const { x, y } = await overlayPoint(page, byTestId('setting-font-size-up'));
    await page.mouse.click(x, y);
    await expect.poll(size).toBe(was + 1);
    await screenshot(page, 'chrome-overlay-font-larger');
    await page.keyboard.press('Escape');
    await waitForNoOverlay(page);
    await openReader(page);
    expect(await size()).toBe(was + 1);
    // Back to where it was, for the other tests.
    await page.bringToFront();
    const down = await overlayPoint(page, byTestId('setting-font-size-down'));
    await page.mouse.click(down.x, down.y);
    await expect.poll(size).toBe(was);
    await page.close();
  });

  test('choosing another theme with the keyboard recolours the reader', async () => {
    const page = await openSeed();
    await openReader(page);
    await page.bringToFront();
    const colours = async () => {
      const dialog = await overlayStyle(page, byTestId('reader-dialog'), ['background-color']);
      const text = await contentStyle(page, ['color']);
      return `${dialog['background-color']} / ${text.color}`;
    };
    const was = await colours();
    await overlayFocus(page, byTestId('setting-theme'));
    await page.keyboard.press('ArrowDown');
    await expect.poll(colours).not.toBe(was);
    await screenshot(page, 'chrome-overlay-theme');
    await page.keyboard.press('ArrowUp');
    await expect.poll(colours).toBe(was);
    await page.close();
  });
});

describe('reader keys (real key presses)', () => {
  test('"+" and "-" change the text size, "t" the theme, "c" copies the article', async () => {
    await l.ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base });
    const page = await openSeed();
    await openReader(page);
    await page.bringToFront();
    const size = async () => parseFloat((await contentStyle(page, ['font-size']))['font-size']!);
    const bg = async () => (await overlayStyle(page, byTestId('reader-dialog'), ['background-color']))['background-color'];
    const was = await size();
    await page.keyboard.press('+');
    await expect.poll(size).toBe(was + 1);
    await page.keyboard.press('-');
    await expect.poll(size).toBe(was);
    const theme = await bg();
    await page.keyboard.press('t');
    await expect.poll(bg).not.toBe(theme);
    for (let i = 0; i < 4; i++) await page.keyboard.press('t'); // five themes: back to the first
    await expect.poll(bg).toBe(theme);

    await page.evaluate(() => navigator.clipboard.writeText('clipboard before copy'));
    await page.keyboard.press('c');
    await expect.poll(async () => (await readOverlay(page))?.text['reader-toast'] ?? '').toMatch(/Copied \d+ words/);
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).not.toBe('clipboard before copy');
    expect(seedTextProblems(text)).toEqual([]);
  });
});

