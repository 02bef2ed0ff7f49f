// Issue 12 item 2 in real headless Chromium: the outline (Contents), the reading-progress bar
// and "N min left", and the place remembered per address, on a long article with seven headings
// (pages/outline.html). Every key and click is a real one. The test of `o`, the keys and a click
// to a heading runs in Firefox too (suites/outline.ts); the rest needs Chromium's emulations
// (reduced motion, a window resized) or is Chromium's alone so far.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './helpers/chromium.js';
import { toggleDirect } from './helpers/direct.js';
import { overlayCall, overlayFocus, readOverlay, waitForNoOverlay, waitForOverlay } from './helpers/overlay.js';
import { useChromium } from './helpers/use-chromium.js';
import { HEADINGS, openOutlineArticle, outline, outlineProbes, outlineTests, scroller, TITLE } from './suites/outline.js';

// Each test starts with no remembered place and the default settings.
const chromium = useChromium('chrome-test', { forget: { local: ['positions'], sync: ['settings'] } });
declare const chrome: { storage: { sync: { set(items: object): Promise<void> } } };

const byTestId = (id: string) => `[data-testid="${id}"]`;
const openArticle = () => openOutlineArticle(chromium);
const click = (page: Page, selector: string) => chromium.overlay.click(page, selector);
const { scrollTop, maxScroll, outlineOpen, entries, current, focusedText, headingOffset } = outlineProbes(chromium);

describe('the outline', () => {
  test('the Contents button (a real click) lists the title and every heading as text; Esc closes it first, then the reader', async () => {
    const page = await openArticle();
    const toggle = byTestId('reader-outline-toggle');
    expect(await overlayCall<string>(page, toggle, 'function(){return this.getAttribute("aria-label") + " / " + this.title}')).toBe('Contents / Contents (o)');
    expect(await outlineOpen(page)).toBe(false);
    await click(page, byTestId('reader-outline-toggle'));
    await expect.poll(() => outlineOpen(page)).toBe(true);
    expect(await entries(page)).toEqual([TITLE, ...HEADINGS]);
    expect(await overlayCall<string>(page, byTestId('reader-outline-toggle'), 'function(){return this.getAttribute("aria-expanded")}')).toBe('true');
    // The page's "<wall>" is shown as text: no element was made from it.
    expect(await overlayCall<number>(page, outline, "function(){return this.querySelectorAll('wall').length}")).toBe(0);
    // At the top the title is the current section, and focus is on it.
    expect(await current(page)).toBe(TITLE);
    expect(await focusedText(page)).toBe(`button:${TITLE}`);
    await screenshot(page, 'chrome-outline-light');

    await page.keyboard.press('Escape');
    await expect.poll(() => outlineOpen(page)).toBe(false);
    expect(await readOverlay(page)).not.toBeNull(); // the reader is still open
    expect(await focusedText(page)).toBe('button:☰'); // back on the button that opened it
    await page.keyboard.press('Escape');
    await waitForNoOverlay(page);
  });

  outlineTests(chromium);

  test('the marked section follows the scrolling', async () => {
    const page = await openArticle();
    await page.keyboard.press('o');
    await expect.poll(() => outlineOpen(page)).toBe(true);
    const seen: (string | null)[] = [];
    for (const text of HEADINGS) {
      // Bring each heading a little above the middle of the view, as reading does.
      await overlayCall(page, scroller, `function(){
        const h = [...this.querySelectorAll('h2, h3')].find((el) => el.textContent.trim() === ${JSON.stringify(text)});
        this.scrollTop += h.getBoundingClientRect().top - this.getBoundingClientRect().top - 120;
      }`);
      await expect.poll(() => current(page)).toBe(text);
      seen.push(await current(page));
    }
    expect(seen).toEqual(HEADINGS);
    await overlayFocus(page, byTestId('reader-dialog')); // from the outline's entries to the article, where Home scrolls
    await page.keyboard.press('Home');
    await expect.poll(() => current(page)).toBe(TITLE);
    await screenshot(page, 'chrome-outline-top');
  });

  test('in the dark theme it reads as well (screenshot), and narrow windows get it over the text', async () => {
    await chromium.l.sw.evaluate(() => chrome.storage.sync.set({ settings: { theme: 'dark' } }));
    const page = await openArticle();
    await page.keyboard.press('o');
    await expect.poll(() => outlineOpen(page)).toBe(true);
    await click(page, `${outline} li:nth-child(5) button`);
    await expect.poll(() => current(page)).toBe(HEADINGS[3]);
    const bg = await overlayCall<string>(page, byTestId('reader-dialog'), 'function(){return getComputedStyle(this).backgroundColor}');
    expect(bg).toBe('rgb(23, 24, 26)'); // the dark palette
    await screenshot(page, 'chrome-outline-dark');
    await page.setViewportSize({ width: 600, height: 800 });
    await click(page, `${outline} li:nth-child(3) button`);
    // Over the text on a narrow window: a pick closes it, and the heading is at the top.
    await expect.poll(() => outlineOpen(page)).toBe(false);
    await expect.poll(() => headingOffset(page, HEADINGS[1]!)).toBe(16);
    await page.keyboard.press('o');
    await expect.poll(() => outlineOpen(page)).toBe(true);
    await screenshot(page, 'chrome-outline-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe('progress and place', () => {
  const fillWidth = (page: Page) => overlayCall<number>(page, byTestId('reader-progress'), 'function(){return this.getBoundingClientRect().width / this.parentElement.getBoundingClientRect().width}');
  const place = async (page: Page) => (await readOverlay(page))!.text['reader-place'];

  test('the bar fills with the scrolling, and "N min left" counts down to the end', async () => {
    const page = await openArticle();
    const meta = (await readOverlay(page))!.text['reader-meta']!;
    const minutes = Number(/(\d+) min read/.exec(meta)![1]);
    expect(minutes).toBeGreaterThan(1);
    expect(await fillWidth(page)).toBe(0);
    expect(await place(page)).toBe(`${minutes} min left`);
    const max = await maxScroll(page);
    await overlayCall(page, scroller, `function(){this.scrollTop = ${Math.round(max / 2)}}`);
    await expect.poll(() => fillWidth(page)).toBeCloseTo(0.5, 2);
    // About half the reading time is left (whole minutes, rounded up).
    const left = Number(/^(\d+) min left$/.exec((await place(page))!)?.[1]);
    expect(left).toBeGreaterThanOrEqual(minutes / 2);
    expect(left).toBeLessThanOrEqual(minutes / 2 + 1);
    await screenshot(page, 'chrome-progress-half');
    await page.keyboard.press('End');
    await expect.poll(() => fillWidth(page)).toBe(1);
    await expect.poll(() => place(page)).toBe('End of article');
  });

  test('closing and opening the reader again resumes where it was left, and so does reloading the page', async () => {
    const page = await openArticle();
    const max = await maxScroll(page);
    for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
    const left = await scrollTop(page);
    expect(left).toBeGreaterThan(1000);
    expect(left).toBeLessThan(max);
    await page.keyboard.press('Escape');
    await waitForNoOverlay(page);
    expect(await toggleDirect(chromium.l, page)).toMatchObject({ ok: true, value: { open: true } });
    await waitForOverlay(page);
    await expect.poll(async () => Math.abs((await scrollTop(page)) - left)).toBeLessThanOrEqual(1);

    // Kept across page loads too.
    await page.bringToFront();
    await page.keyboard.press('Home');
    await page.keyboard.press('PageDown');
    const second = await scrollTop(page);
    await page.keyboard.press('Escape');
    await waitForNoOverlay(page);
    await page.reload();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await toggleDirect(chromium.l, page)).toMatchObject({ ok: true, value: { open: true } });
    await waitForOverlay(page);
    await expect.poll(async () => Math.abs((await scrollTop(page)) - second)).toBeLessThanOrEqual(1);
    // Another long article starts at the top (read two frames on: a resume lands in the first).
    const other = await chromium.openSeed();
    await chromium.openReader(other);
    expect(await maxScroll(other)).toBeGreaterThan(1000);
    await overlayCall(other, scroller, 'function(){requestAnimationFrame(() => requestAnimationFrame(() => (this.dataset.twoFramesOn = String(this.scrollTop))))}');
    await expect.poll(() => overlayCall<string | undefined>(other, scroller, 'function(){return this.dataset.twoFramesOn}')).toBe('0');
  });
});
