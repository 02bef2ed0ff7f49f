// Issue 9, item 2, in real headless Chromium: the page's own top-layer content. Cookie walls call
// showModal(), and while a modal <dialog> is open everything outside it is inert: the reader,
// drawn above the wall as a popover, ignored Close, Esc, its buttons and scrolling (only the
// popup's toggle closed it). The reader must stay usable above a page's modal dialog (open
// before reader view, or opened while it shows), a page popover and a fullscreen element: what
// the user sees is the reader (screenshot pixels), its buttons and scrolling answer real input,
// Esc and Close close it, and the page's own wall is left as it was.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { overlayCall, overlayPoint, overlayStyle, waitForNoOverlay } from './helpers/overlay.js';
import { coveredByReader } from './helpers/pixels.js';
import { byTestId } from './helpers/popup.js';
import { useChromium } from './helpers/use-chromium.js';

// The reader resumes where an article was left (per address): each test opens it from the top.
const chromium = useChromium('chrome-test', { forget: { local: ['positions'] } });

const FERRY = 'For forty years the little ferry crossed the estuary every half hour';

async function open(wall: string): Promise<Page> {
  const page = await chromium.openPage(`${chromium.server.e2e('hostile-toplayer.html')}?wall=${wall}`);
  await page.waitForFunction(() => typeof (window as unknown as { __openWall?: unknown }).__openWall === 'function');
  return page;
}

async function openReader(page: Page) {
  const view = await chromium.openReader(page);
  expect(view.text['reader-content']?.replace(/\s+/g, ' ')).toContain(FERRY);
  return view;
}

const pageWall = (page: Page) => page.evaluate(() => ({
  wallOpen: (document.getElementById('wall') as HTMLDialogElement).open,
  wallModal: document.getElementById('wall')!.matches(':modal'),
  promoOpen: document.getElementById('promo')!.matches(':popover-open'),
  fullscreen: document.fullscreenElement?.id ?? null,
}));

async function click(page: Page, testid: string) {
  const { x, y } = await overlayPoint(page, byTestId(testid));
  await page.mouse.click(x, y);
}

/** The reader answers real input: the A+ button, the mouse wheel over the article, then Esc. */
async function expectUsableThenEsc(page: Page, name: string) {
  await page.bringToFront();
  expect(await coveredByReader(chromium, page, name)).toEqual([]);
  const size = async () => parseFloat((await overlayStyle(page, byTestId('reader-content'), ['font-size']))['font-size']!);
  const was = await size();
  await click(page, 'setting-font-size-up');
  await expect.poll(size).toBe(was + 1);
  await click(page, 'setting-font-size-down');
  await expect.poll(size).toBe(was);
  const { x, y } = await overlayPoint(page, byTestId('reader-content'));
  await page.mouse.move(x, Math.min(y, page.viewportSize()!.height - 100));
  await page.mouse.wheel(0, 600);
  await expect.poll(() => overlayCall<number>(page, '.scroller', 'function(){return this.scrollTop}')).toBeGreaterThan(0);
  await page.keyboard.press('Escape');
  await waitForNoOverlay(page);
}

describe('the reader above the page’s top layer', () => {
  test('a cookie wall opened with showModal() before reader view: buttons, scrolling, Esc and Close work; the wall stays', async () => {
    const page = await open('modal');
    const before = await pageWall(page);
    expect(before).toMatchObject({ wallOpen: true, wallModal: true });
    await openReader(page);
    await expectUsableThenEsc(page, 'toplayer-modal');
    expect(await pageWall(page)).toEqual(before);
    await openReader(page);
    await click(page, 'reader-close');
    await waitForNoOverlay(page);
    expect(await pageWall(page)).toEqual(before);
    // The wall is the page's again: its own button still closes it.
    await page.click('#accept');
    expect(await pageWall(page)).toMatchObject({ wallOpen: false });
  });

  test('a cookie wall the page opens while the reader shows does not take it over', async () => {
    const page = await open('none');
    await openReader(page);
    await page.evaluate(() => (window as unknown as { __openWall(): void }).__openWall());
    expect(await pageWall(page)).toMatchObject({ wallOpen: true, wallModal: true });
    await expectUsableThenEsc(page, 'toplayer-late-modal');
    expect(await pageWall(page)).toMatchObject({ wallOpen: true, wallModal: true });
  });

  test('a full-viewport popover, before and during reader view', async () => {
    const page = await open('popover');
    await openReader(page);
    await expectUsableThenEsc(page, 'toplayer-popover');
    expect(await pageWall(page)).toMatchObject({ promoOpen: true });
    await page.evaluate(() => document.getElementById('promo')!.hidePopover());
    await openReader(page);
    await page.evaluate(() => (window as unknown as { __openPromo(): void }).__openPromo());
    await expectUsableThenEsc(page, 'toplayer-late-popover');
  });

  test('an element of the page in fullscreen', async () => {
    const page = await open('none');
    await page.click('#fs'); // a real click: fullscreen needs a user gesture
    await page.waitForFunction(() => document.fullscreenElement?.id === 'story');
    await openReader(page);
    await expectUsableThenEsc(page, 'toplayer-fullscreen');
  });
});
