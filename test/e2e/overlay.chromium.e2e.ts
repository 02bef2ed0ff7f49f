// The reader overlay itself in real headless Chromium (content script injected the way the
// background injects it), on the seed reconstruction: what it shows, how it closes, its toolbar.
// The toolbar-button and popup paths that open it are in reader.chromium.e2e.ts.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './helpers/chromium.js';
import { toggleDirect } from './helpers/direct.js';
import { overlayCall, overlayFocus, overlayPoint, overlayStyle, readOverlay, waitForNoOverlay } from './helpers/overlay.js';
import { elementAtCentre, pageState, prepareState } from './helpers/page-state.js';
import { seedByline, seedTextProblems, seedTitle } from './helpers/seed.js';
import { useChromium } from './helpers/use-chromium.js';
import { KEY_LIST } from '../../src/content/keys.js';
import { t } from '../../src/shared/strings/t.js';

// The reader resumes where an article was left (per address): each test opens it from the top.
const chromium = useChromium('chrome-test', { forget: { local: ['positions'] } });
const { openSeed, openReader } = chromium;

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
    expect(await toggleDirect(chromium.l, page)).toMatchObject({ ok: true, value: { open: false } });
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
    const page = await chromium.openPage(chromium.server.fixture('keep--rtl-arabic'));
    const view = await openReader(page);
    expect(view.text['reader-title']).toMatch(/[\u0600-\u06ff]/);
    expect((await contentStyle(page, ['direction']))['direction']).toBe('rtl');
    await screenshot(page, 'chrome-overlay-rtl');
  });

  test("the page's own hostile CSS cannot hide, shrink or blank the overlay", async () => {
    const page = await chromium.openPage(chromium.server.e2e('hostile-css.html'));
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
    await chromium.l.ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: chromium.server.base });
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


describe('moving through the article from the keyboard (real key presses)', () => {
  const scroller = byTestId('reader-scroller');
  const scrollTop = (page: Page) => overlayCall<number>(page, scroller, 'function(){return Math.round(this.scrollTop)}');
  const geometry = (page: Page) => overlayCall<{ view: number; max: number }>(page, scroller, 'function(){return {view: this.clientHeight, max: this.scrollHeight - this.clientHeight}}');
  /** Waits for a (possibly smooth) scroll to arrive at `top`. */
  const arrivesAt = (page: Page, top: number) => expect.poll(() => scrollTop(page), { timeout: 5_000 }).toBe(top);

  test('as it opens, Space, PageDown and ↓ scroll the article down; Shift+Space, PageUp and ↑ back up; End and Home go to either end', async () => {
    const page = await openSeed();
    await openReader(page);
    await page.bringToFront();
    const { view, max } = await geometry(page);
    expect(max).toBeGreaterThan(2 * view); // long enough for two screens and more
    expect(await scrollTop(page)).toBe(0);
    const screen = 0.875 * view; // a screenful, less an overlap to read on from
    let top = 0;
    for (const [key, by] of [['Space', screen], ['PageDown', screen], ['ArrowDown', 40], ['ArrowUp', -40], ['Shift+Space', -screen], ['PageUp', -screen]] as const) {
      top = Math.max(0, Math.round(top + by));
      await page.keyboard.press(key);
      await arrivesAt(page, top);
    }
    expect(top).toBe(0);
    await page.keyboard.press('End');
    await arrivesAt(page, max);
    await screenshot(page, 'chrome-overlay-keys-end');
    await page.keyboard.press('Home');
    await arrivesAt(page, 0);
    await page.close();
  });

  test('after clicking the article text, PageDown still scrolls the article', async () => {
    const page = await openSeed();
    await openReader(page);
    await page.bringToFront();
    const { x, y } = await overlayPoint(page, `${byTestId('reader-content')} p`);
    await page.mouse.click(x, y);
    const from = await scrollTop(page);
    await page.keyboard.press('PageDown');
    await arrivesAt(page, Math.round(from + 0.875 * (await geometry(page)).view));
    await page.close();
  });

  test('j brings the next paragraph to the top of the reader, k the previous one', async () => {
    const page = await openSeed();
    // Instant scrolling (as under prefers-reduced-motion), so each press lands before the next.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openReader(page);
    await page.bringToFront();
    /** Which block of the article starts 16 px below the reader's top edge (-1: none). */
    const atTop = () =>
      overlayCall<string>(page, byTestId('reader-content'), `function(){
        const top = this.closest('[data-testid=reader-scroller]').getBoundingClientRect().top;
        const blocks = [...this.querySelectorAll('figure, p')];
        const i = blocks.findIndex((b) => Math.round(b.getBoundingClientRect().top - top) === 16);
        return i < 0 ? 'none' : blocks[i].localName + ':' + (blocks[i].textContent || '').trim().slice(0, 40);
      }`);
    const paragraphs = await overlayCall<string[]>(page, byTestId('reader-content'), "function(){return [...this.querySelectorAll('p')].map((p) => 'p:' + p.textContent.trim().slice(0, 40))}");
    expect(await atTop()).toBe('none');
    await page.keyboard.press('j');
    await expect.poll(atTop).toMatch(/^figure:/); // the lead photo comes first
    for (const want of [paragraphs[0], paragraphs[1], paragraphs[2]]) {
      await page.keyboard.press('j');
      await expect.poll(atTop).toBe(want);
    }
    await page.keyboard.press('k');
    await expect.poll(atTop).toBe(paragraphs[1]);
    await page.keyboard.press('K'); // Caps Lock on
    await expect.poll(atTop).toBe(paragraphs[0]);
    await page.close();
  });

  test('scrolls smoothly, and instantly under prefers-reduced-motion', async () => {
    const page = await openSeed();
    await openReader(page);
    expect((await overlayStyle(page, scroller, ['scroll-behavior']))['scroll-behavior']).toBe('smooth');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect((await overlayStyle(page, scroller, ['scroll-behavior']))['scroll-behavior']).toBe('auto');
    await page.close();
  });

  test('a focused slider keeps its keys, and Ctrl+End stays the browser’s', async () => {
    const page = await openSeed();
    await openReader(page);
    await page.bringToFront();
    const width = byTestId('setting-width');
    const value = () => overlayCall<string>(page, width, 'function(){return this.value}');
    const [was, min, max, step] = await overlayCall<[number, number, number, number]>(page, width, 'function(){return [this.value, this.min, this.max, this.step].map(Number)}');
    expect(was).toBeLessThan(max); // so End has somewhere to move it
    await overlayFocus(page, width);
    await page.keyboard.press('End');
    await expect.poll(value).toBe(String(max));
    await page.keyboard.press('PageDown'); // a slider's own big step
    await expect.poll(async () => Number(await value())).toBeLessThan(max);
    await page.keyboard.press('Space');
    expect(await scrollTop(page)).toBe(0);
    // Back to where it was, for the other tests.
    await page.keyboard.press('Home');
    for (let v = min; v < was; v += step) await page.keyboard.press('ArrowRight');
    await expect.poll(value).toBe(String(was));

    await overlayFocus(page, byTestId('reader-dialog'));
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Alt+PageDown');
    expect(await scrollTop(page)).toBe(0);
    await page.keyboard.press('End'); // and the reader still answers its own keys
    await arrivesAt(page, (await geometry(page)).max);
    await page.close();
  });
});

describe('the key list', () => {
  const help = byTestId('reader-help');
  const helpOpen = (page: Page) => overlayCall<boolean>(page, help, 'function(){return this.checkVisibility()}');
  const focusedInHelp = (page: Page) => overlayCall<boolean>(page, help, 'function(){return this.contains(this.getRootNode().activeElement)}');

  test('"?" opens a dialog listing every key over the reader; Esc closes the list, not the reader', async () => {
    const page = await openSeed();
    await openReader(page);
    await page.bringToFront();
    expect(await helpOpen(page)).toBe(false);
    await page.keyboard.press('?');
    await expect.poll(() => helpOpen(page)).toBe(true);
    const text = (await readOverlay(page))!.text['reader-help']!;
    expect(text).toContain('Keyboard shortcuts');
    for (const [labels, what] of KEY_LIST) {
      expect(text).toContain(t(what)); // what each key does, in the catalogue's English
      for (const label of labels) expect(text).toContain(label);
    }
    expect(await overlayCall<string>(page, help, 'function(){return this.getAttribute("role") + " " + this.getAttribute("aria-modal")}')).toBe('dialog true');
    expect(await focusedInHelp(page)).toBe(true);
    await screenshot(page, 'chrome-overlay-keys-help');

    // Focus stays in the list, and the article behind it does not move.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    expect(await focusedInHelp(page)).toBe(true);
    await page.keyboard.press('End');
    expect(await overlayCall<number>(page, byTestId('reader-scroller'), 'function(){return this.scrollTop}')).toBe(0);

    await page.keyboard.press('Escape');
    await expect.poll(() => helpOpen(page)).toBe(false);
    expect(await readOverlay(page)).not.toBeNull(); // the reader is still open
    await page.keyboard.press('?');
    await expect.poll(() => helpOpen(page)).toBe(true);
    await page.keyboard.press('?');
    await expect.poll(() => helpOpen(page)).toBe(false);
    await page.keyboard.press('Escape'); // now Esc closes the reader
    await waitForNoOverlay(page);
    await page.close();
  });

  test('the toolbar\'s "?" button opens the list and its Close button closes it (real clicks)', async () => {
    const page = await openSeed();
    await openReader(page);
    await page.bringToFront();
    const click = async (id: string) => {
      const { x, y } = await overlayPoint(page, byTestId(id));
      await page.mouse.click(x, y);
    };
    await click('reader-keys');
    await expect.poll(() => helpOpen(page)).toBe(true);
    await click('reader-help-close');
    await expect.poll(() => helpOpen(page)).toBe(false);
    await page.keyboard.press('PageDown'); // focus is back in the reader
    await expect.poll(() => overlayCall<number>(page, byTestId('reader-scroller'), 'function(){return this.scrollTop}'), { timeout: 5_000 }).toBeGreaterThan(0);
    await page.close();
  });
});
