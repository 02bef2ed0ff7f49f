// The reader overlay itself, written once and run in both browsers (overlay.chromium.e2e.ts,
// reader.firefox.e2e.ts), opened the way the background opens it: what it shows on the seed
// reconstruction and other pages, how it closes and gives the page back (DOM, scroll, focus),
// what a page cannot do to it, and its toolbar. The harness must forget reading positions before
// each test (every test reads an article from its top).
import { describe, expect, test } from 'vitest';
import type { BrowserHarness } from '../helpers/browser-harness.js';
import { elementAtCentre, pageState, prepareState } from '../helpers/page-state.js';
import { byTestId } from '../helpers/popup.js';
import { readerProbes } from '../helpers/reader-probes.js';
import { expectSeedOverlay } from '../helpers/seed.js';
import { inPage, type AnyPage } from '../helpers/tab.js';
import { pause, until } from '../helpers/wait.js';

export function readerOverlayTests<P extends AnyPage>(h: BrowserHarness<P>): void {
  const { contentStyle, fontSize, colours, openSeedReader } = readerProbes(h);

  describe('reader overlay on the seed page', () => {
    test('shows the title, byline and all 17 paragraphs in order, with no icon text, in a closed root covering the page', async () => {
      const page = await h.openSeed();
      const view = await h.openReader(page);
      expectSeedOverlay(view);
      // The page sees only a host element, which now covers the viewport; it cannot open the root.
      expect(await elementAtCentre(page)).toBe(view.hostName);
      const hostRoots = await inPage(page, (name) => [...document.querySelectorAll(name)].map((e) => e.shadowRoot), view.hostName);
      expect(hostRoots.every((r) => r === null)).toBe(true);
      await page.bringToFront();
      await h.screenshot(page, 'overlay-seed');
    });

    test('its serif is the shipped Literata, in the page\'s font set only while the reader is open', async () => {
      const page = await h.openSeed();
      await h.openReader(page);
      const faces = () => inPage(page, () => [...document.fonts].filter((f) => f.family.includes('Readwell')).map((f) => `${f.family.replace(/"/g, '')} ${f.style} ${f.status}`).sort());
      expect(await until('the serif loaded', async () => {
        const now = await faces();
        return now.length === 2 && now.every((f) => f.endsWith('loaded')) && now;
      })).toEqual(['Readwell Literata italic loaded', 'Readwell Literata normal loaded']);
      await page.bringToFront();
      await page.keyboard.press('Escape');
      await h.overlay.waitForNone(page);
      expect(await faces()).toEqual([]);
    });

    test('Esc (a real key press) closes it: same DOM, scroll position and focus as before', async () => {
      const page = await h.openSeed();
      const before = await prepareState(page, 500);
      expect(before.scrollY).toBe(500);
      expect(before.focus).not.toBe('body');
      await h.openReader(page);
      await page.bringToFront();
      await page.keyboard.press('Escape');
      await h.overlay.waitForNone(page);
      expect(await pageState(page)).toEqual(before);
    });

    test('the close button (a real mouse click) closes it and restores the page, also once it is opened again', async () => {
      const page = await h.openSeed();
      const before = await prepareState(page, 250);
      for (let round = 0; round < 2; round++) {
        await h.openReader(page);
        await h.overlay.click(page, byTestId('reader-close'));
        await h.overlay.waitForNone(page);
        expect(await pageState(page)).toEqual(before);
      }
    });

    test('the same toggle closes it and restores the page', async () => {
      const page = await h.openSeed();
      const before = await prepareState(page, 700);
      await h.openReader(page);
      expect(await h.toggleReader(page)).toMatchObject({ ok: true, value: { open: false } });
      await h.overlay.waitForNone(page);
      expect(await pageState(page)).toEqual(before);
    });

    test('keyboard focus stays inside the open reader (Tab and Shift+Tab never reach the page)', async () => {
      const page = await h.openSeed();
      const view = await h.openReader(page);
      await page.bringToFront();
      const focused = () => inPage(page, () => document.activeElement?.localName ?? 'none');
      expect(await focused()).toBe(view.hostName);
      for (const shift of [false, true]) {
        if (shift) await page.keyboard.down('Shift');
        for (let i = 0; i < 25; i++) {
          await page.keyboard.press('Tab');
          expect(await focused()).toBe(view.hostName);
        }
        if (shift) await page.keyboard.up('Shift');
      }
    });

    test('the page cannot close it with synthetic events', async () => {
      const page = await h.openSeed();
      const view = await h.openReader(page);
      await inPage(page, (hostName) => {
        for (const t of [window, document, document.documentElement, document.body]) t.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true, composed: true }));
        document.querySelector(hostName)?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      }, view.hostName);
      await pause(300); // dispatchEvent runs the listeners before it returns; time for anything they started
      expect(await h.overlay.read(page)).not.toBeNull();
    });
  });

  describe('other pages', () => {
    test('a right-to-left article is laid out right to left', async () => {
      const page = await h.openPage(h.server.fixture('keep--rtl-arabic'));
      const view = await h.openReader(page);
      expect(view.text['reader-title']).toMatch(/[\u0600-\u06ff]/);
      expect((await contentStyle(page, ['direction']))['direction']).toBe('rtl');
      await page.bringToFront();
      await h.screenshot(page, 'overlay-rtl');
    });

    test('a board thread with no markup reads as its posts, each under its author and date, without user cards, signatures or buttons', async () => {
      const page = await h.openPage(h.server.fixture('thread--board-without-markup'));
      const view = await h.openReader(page);
      const content = view.text['reader-content'] ?? '';
      expect(view.text['reader-thread-note']).toBe('A discussion: 4 posts.');
      expect(content).toMatch(/^tinkerpaul · Sat Mar 08, 2025 7:42 pm\s+My 1970s valve radio hums/);
      expect(content).toMatch(/valvegran · Sun Mar 09, 2025 2:27 pm\s+Good result\./);
      expect(content).not.toMatch(/Joined|Posts:|Moderator|Restoring one radio|Quote|Post Reply|Who is online/);
      await page.bringToFront();
      await h.screenshot(page, 'overlay-board-thread');
    });

    test("the page's own hostile CSS cannot hide, shrink or blank the overlay", async () => {
      const page = await h.openPage(h.server.e2e('hostile-css.html'));
      const view = await h.openReader(page);
      expect(view.text['reader-content']).toContain('For three centuries the river ran');
      expect(await elementAtCentre(page)).toBe(view.hostName);
      const style = await contentStyle(page, ['font-size', 'color', 'visibility', 'opacity']);
      expect(parseFloat(style['font-size']!)).toBeGreaterThanOrEqual(12);
      expect(style.visibility).toBe('visible');
      expect(style.opacity).toBe('1');
      expect(style.color).not.toMatch(/rgba\(\d+, \d+, \d+, 0\)|transparent/);
      const box = await h.overlay.style(page, byTestId('reader-dialog'), ['width', 'height', 'display']);
      expect(parseFloat(box.width!)).toBeGreaterThan(1000);
      expect(parseFloat(box.height!)).toBeGreaterThan(700);
      await page.bringToFront();
      await h.screenshot(page, 'overlay-hostile-css');
    });
  });

  describe('reader toolbar', () => {
    test('"A+" (a real click) enlarges the text at once, and the size is kept for the next reader', async () => {
      const page = await openSeedReader();
      const was = await fontSize(page);
      await h.overlay.click(page, byTestId('setting-font-size-up'));
      await until('the text to grow', async () => (await fontSize(page)) === was + 1);
      await h.screenshot(page, 'overlay-font-larger');
      await page.keyboard.press('Escape');
      await h.overlay.waitForNone(page);
      await h.openReader(page);
      expect(await fontSize(page)).toBe(was + 1);
      // Back to where it was, for the other tests.
      await h.overlay.click(page, byTestId('setting-font-size-down'));
      await until('the text back', async () => (await fontSize(page)) === was);
    });

    test('choosing another theme with the keyboard recolours the reader', async () => {
      const page = await openSeedReader();
      const was = await colours(page);
      await h.overlay.focus(page, byTestId('setting-theme'));
      await page.keyboard.press('ArrowDown');
      await until('new colours', async () => (await colours(page)) !== was);
      await h.screenshot(page, 'overlay-theme');
      await page.keyboard.press('ArrowUp');
      await until('the colours back', async () => (await colours(page)) === was);
    });
  });
}
