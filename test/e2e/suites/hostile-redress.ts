// UI redress (issue 5), written once and run in both browsers (hostile-redress.chromium.e2e.ts,
// hostile-redress.firefox.e2e.ts): pages that restyle, cover, clobber or re-prototype what an
// overlay would use, and pages that swallow keys and clicks. The overlay must still open, show the
// article where the user looks (pixels of a screenshot, not just the DOM) and close. Pages:
// test/e2e/pages/hostile-*.html and the corpus's clobber pages.
import { beforeAll, describe, expect, test } from 'vitest';
import type { BrowserHarness } from '../helpers/browser-harness.js';
import { FLAG_WATCH_SCRIPT, hostileEntries, readwellWrites, serveHostile, settleAndArm } from '../helpers/hostile.js';
import type { OverlayView } from '../helpers/overlay.js';
import { elementAtCentre, pageState } from '../helpers/page-state.js';
import { coveredByReader } from '../helpers/pixels.js';
import { byTestId } from '../helpers/popup.js';
import { inPage, type AnyPage } from '../helpers/tab.js';
import { pause, until } from '../helpers/wait.js';

export interface RedressOptions<P> {
  /**
   * What the page's own world and Readwell's content-script world see of the page's clobbering
   * names, where the browsers differ: Chromium hands the page's named elements to the isolated
   * world (and keeps its own `chrome` in the page's), Firefox shows the content script the page
   * through Xray wrappers, which hide them.
   */
  expectClobbering(page: P): Promise<void>;
}

const FERRY = 'For forty years the little ferry crossed the estuary every half hour';
const norm = (s: string) => s.replace(/\s+/g, ' ');
const swallowed = (page: AnyPage) => inPage(page, () => (window as unknown as { __swallowed: string[] }).__swallowed);

export function hostileRedressTests<P extends AnyPage>(h: BrowserHarness<P>, { expectClobbering }: RedressOptions<P>): void {
  beforeAll(() => h.addInitScript(FLAG_WATCH_SCRIPT));

  async function open(url: string): Promise<P> {
    const page = await h.openPage(url);
    await settleAndArm(page);
    return page;
  }

  async function openReader(page: P): Promise<OverlayView> {
    const view = await h.openReader(page);
    await page.bringToFront();
    return view;
  }

  async function expectReaderLooksRight(page: P, view: OverlayView, name: string) {
    expect(view.shadowRootType).toBe('closed');
    expect(norm(view.text['reader-content'] ?? '')).toContain(FERRY);
    expect(view.text['reader-title']).toBe('The ferry that kept running');
    expect(await elementAtCentre(page)).toBe(view.hostName);
    const text = await h.overlay.style(page, byTestId('reader-content'), ['font-size', 'color', 'visibility', 'opacity', 'display']);
    expect(parseFloat(text['font-size']!)).toBeGreaterThanOrEqual(14);
    expect(text).toMatchObject({ visibility: 'visible', opacity: '1', display: 'block' });
    expect(text.color).not.toMatch(/rgba\(\d+, \d+, \d+, 0\)|transparent/);
    expect(await coveredByReader(h, page, name)).toEqual([]);
  }

  async function closeWithButton(page: P) {
    await h.overlay.click(page, byTestId('reader-close'));
    await h.overlay.waitForNone(page);
  }

  async function closeWithEsc(page: P) {
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await h.overlay.waitForNone(page);
  }

  describe('redress: the overlay opens, looks right and closes', () => {
    test('page CSS and SVG that cover the viewport, blur the root and restyle anything added to <html>', async () => {
      const page = await open(h.server.e2e('hostile-cover.html'));
      const before = await pageState(page);
      const view = await openReader(page);
      await expectReaderLooksRight(page, view, 'hostile-cover');
      await closeWithButton(page);
      expect(await pageState(page)).toEqual(before);
      expect(await readwellWrites(page)).toEqual([]);
    });

    test('page scripts replaced attachShadow, appendChild, addEventListener, JSON.parse, Promise.then… before the content script ran', async () => {
      const page = await open(h.server.e2e('hostile-prototypes.html'));
      const view = await openReader(page);
      await expectReaderLooksRight(page, view, 'hostile-prototypes');
      await closeWithEsc(page);
      // None of the page's replacements was ever called by Readwell (each would set the flag).
      expect(await inPage(page, () => (window as unknown as { __rwWatch: { writes: unknown[] } }).__rwWatch.writes)).toEqual([]);
    });

    test('elements and forms named like Readwell’s globals and parts, and custom elements under overlay-like names', async () => {
      const page = await open(h.server.e2e('hostile-clobber.html'));
      await expectClobbering(page);
      const before = await pageState(page);
      const view = await openReader(page);
      await expectReaderLooksRight(page, view, 'hostile-clobber');
      // The same toggle closes it, and a second round works too.
      expect(await h.toggleReader(page)).toMatchObject({ ok: true, value: { open: false } });
      await h.overlay.waitForNone(page);
      await openReader(page);
      await closeWithEsc(page);
      expect(await pageState(page)).toEqual(before);
      expect(await readwellWrites(page)).toEqual([]);
    });

    test.each(hostileEntries.filter((e) => e.category === 'ui-redress').map((e) => [e.file, e] as const))('corpus page %s', async (_f, e) => {
      const page = await open(serveHostile(h.server, e));
      const view = await openReader(page);
      for (const s of e.present ?? []) expect(norm(view.text['reader-content'] ?? '')).toContain(norm(s));
      expect(await elementAtCentre(page)).toBe(view.hostName);
      await closeWithButton(page);
      expect(await readwellWrites(page)).toEqual([]);
    });
  });

  describe('redress: pages that swallow keys and clicks in the capture phase', () => {
    const fontSize = async (page: P) => parseFloat((await h.overlay.style(page, byTestId('reader-content'), ['font-size']))['font-size']!);

    test('a page that stops keydown on document (capture) does not stop Esc or the reader keys', async () => {
      const page = await open(h.server.e2e('hostile-keys.html'));
      await inPage(page, () => ((window as unknown as Record<string, boolean>).__swallowKeysOnDocument = true));
      await openReader(page);
      const was = await fontSize(page);
      await page.keyboard.press('+');
      await until('the text to grow', async () => (await fontSize(page)) === was + 1);
      await page.keyboard.press('-');
      await until('the text back', async () => (await fontSize(page)) === was);
      await closeWithEsc(page);
      // The page's listener never saw the reader's keys.
      expect(await swallowed(page)).toEqual([]);
    });

    test('a window capture-phase listener the page added before Readwell swallows the Esc keydown; Esc still closes, and so does the close button', async () => {
      const page = await open(h.server.e2e('hostile-keys.html'));
      await inPage(page, () => ((window as unknown as Record<string, boolean>).__swallowKeysOnWindow = true));
      await openReader(page);
      // Listeners on one target run in the order they were added, and the page's came first, so
      // the reader's keydown listener never sees this Esc. But Esc is also the browser's close
      // request for the reader's modal dialog, which reaches it as `cancel` all the same.
      await closeWithEsc(page);
      expect(await swallowed(page)).toContain('keydown:Escape');
      await openReader(page);
      await closeWithButton(page);
    });

    test('a page that swallows and cancels clicks and keys (window, capture) cannot keep the reader open: the toolbar toggle closes it', async () => {
      const page = await open(h.server.e2e('hostile-keys.html'));
      // Cancelling the Esc keydown cancels the close request too: nothing in the page reaches the reader.
      await inPage(page, () => Object.assign(window, { __swallowKeysOnWindow: true, __swallowClicks: true, __preventKeys: true }));
      await openReader(page);
      await h.overlay.click(page, byTestId('reader-close'));
      await page.keyboard.press('Escape');
      await until('the page to swallow the click and Esc', async () => {
        const s = await swallowed(page);
        return s.includes('click:') && s.includes('keydown:Escape');
      });
      await pause(300); // time for the reader to close, had either reached it
      expect(await h.overlay.read(page)).not.toBeNull();
      expect(await h.toggleReader(page)).toMatchObject({ ok: true, value: { open: false } });
      await h.overlay.waitForNone(page);
    });
  });
}
