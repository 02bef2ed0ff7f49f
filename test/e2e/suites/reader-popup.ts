// The popup opened as a tab aimed at a page (test build), written once and run in both browsers
// (reader.chromium.e2e.ts, reader.firefox.e2e.ts): its toggle opens and closes reader view and
// says so, its settings restyle the open reader at once, its three copy buttons put the clean
// article on the clipboard, and a page with no article gets a plain message. The harness must
// give pages the clipboard.
import { describe, expect, test } from 'vitest';
import type { BrowserHarness } from '../helpers/browser-harness.js';
import { elementAtCentre, pageState, prepareState } from '../helpers/page-state.js';
import { byTestId, clickPopup, popupText, setPopupControl } from '../helpers/popup.js';
import { expectSeedOverlay, markdownToCheckableText, seedTextProblems, seedTitle } from '../helpers/seed.js';
import { clipboardChangedFrom, inPage, type AnyPage } from '../helpers/tab.js';
import { until } from '../helpers/wait.js';
import { htmlToCheckableText } from '../../helpers/icon-text.js';

export function readerPopupTests<P extends AnyPage>(h: BrowserHarness<P>): void {
  describe('the popup as a tab', () => {
    test('popup toggle opens reader view over the page in a closed root and reports it; the same toggle closes it and the page is as before', async () => {
      const page = await h.openSeed();
      const before = await prepareState(page, 400);
      const popup = await h.openPopup(page);
      await clickPopup(popup, 'popup-toggle');
      const view = await h.overlay.waitFor(page);
      expectSeedOverlay(view);
      // The page sees only the host, now covering the viewport; it cannot open the root.
      expect(await elementAtCentre(page)).toBe(view.hostName);
      expect(await inPage(page, (name) => [...document.querySelectorAll(name)].every((e) => e.shadowRoot === null), view.hostName)).toBe(true);
      await page.bringToFront();
      await h.screenshot(page, 'popup-reader-open');
      await until('the popup to say it is open', async () => /open/i.test(await popupText(popup, ['popup-status'])));
      await clickPopup(popup, 'popup-toggle');
      await h.overlay.waitForNone(page);
      expect(await pageState(page)).toEqual(before);
    });

    test('changing settings in the popup restyles the open reader at once: text size, font, dark theme', async () => {
      const page = await h.openSeed();
      const popup = await h.openPopup(page);
      await clickPopup(popup, 'popup-toggle');
      await h.overlay.waitFor(page);
      const style = () => h.overlay.style(page, byTestId('reader-content'), ['font-size', 'font-family', 'line-height']);
      const colours = async () => [
        (await h.overlay.style(page, byTestId('reader-dialog'), ['background-color']))['background-color']!,
        (await h.overlay.style(page, byTestId('reader-content'), ['color'])).color!,
      ];
      const was = await style();
      const wasColours = await colours();
      await clickPopup(popup, 'setting-font-size-up');
      await until('the text to grow', async () => parseFloat((await style())['font-size']!) === parseFloat(was['font-size']!) + 1);
      await setPopupControl(popup, 'setting-font', 'mono');
      await until('a monospace font', async () => /mono/i.test((await style())['font-family']!));
      await setPopupControl(popup, 'setting-theme', 'dark');
      // Dark: light text on a dark background.
      const luminance = (rgb: string) => rgb.match(/\d+/g)!.slice(0, 3).map(Number).reduce((a, b) => a + b, 0) / 3;
      await until('the dark theme', async () => {
        const [bg, fg] = await colours();
        return luminance(bg!) < 60 && luminance(fg!) > 160;
      });
      await page.bringToFront();
      await h.screenshot(page, 'reader-popup-settings');
      // Back to where they were, for the other tests (settings persist).
      await setPopupControl(popup, 'setting-theme', 'system');
      await setPopupControl(popup, 'setting-font', 'serif');
      await clickPopup(popup, 'setting-font-size-down');
      await until('the settings as before', async () => JSON.stringify([await style(), await colours()]) === JSON.stringify([was, wasColours]));
    });

    test.each([
      ['text', 'popup-copy-text'],
      ['markdown', 'popup-copy-markdown'],
      ['html', 'popup-copy-html'],
    ] as const)('"Copy %s" puts the clean article on the clipboard', async (format, button) => {
      const page = await h.openSeed();
      await inPage(page, () => navigator.clipboard.writeText('clipboard before copy'));
      const popup = await h.openPopup(page);
      await clickPopup(popup, button, /Copied \d+ words/);
      const clip = await clipboardChangedFrom(page, 'clipboard before copy');
      const plain = clip['text/plain'] ?? '';
      expect(seedTextProblems(format === 'markdown' ? markdownToCheckableText(plain) : plain)).toEqual([]);
      expect(plain).toContain(seedTitle);
      if (format === 'text') {
        expect(plain).not.toMatch(/<\/?[a-z][^>]*>|^#+ /m);
        expect(plain).toMatch(/\n\n/); // paragraphs separated by a blank line
      }
      if (format === 'markdown') expect(plain).toMatch(/^# .*WMD may be key/m);
      if (format === 'html') {
        const html = clip['text/html'] ?? '';
        expect(html).toMatch(/<p[\s>]/);
        expect(seedTextProblems(htmlToCheckableText(html))).toEqual([]);
        expect(html).not.toMatch(/<script|<svg|\son[a-z]+=/i);
        expect(plain).not.toMatch(/<p[\s>]/);
      } else {
        expect(clip['text/html']).toBeUndefined();
      }
    });

    test('a no-article page says "No article found"; the page stays as it was', async () => {
      const page = await h.openPage(h.server.e2e('no-article.html'));
      const before = await pageState(page);
      const popup = await h.openPopup(page);
      await clickPopup(popup, 'popup-toggle', /No article found/);
      await h.screenshot(popup, 'popup-no-article');
      // If the overlay opened to say so, it says the same, and Esc leaves the page as it was.
      const view = await h.overlay.read(page);
      if (view) {
        expect(view.text['reader-message']).toMatch(/No article found/);
        expect(view.text['reader-content']).toBeUndefined();
        await page.bringToFront();
        await h.screenshot(page, 'overlay-no-article');
        await page.keyboard.press('Escape');
        await h.overlay.waitForNone(page);
      }
      expect((await pageState(page)).html).toBe(before.html);
    });
  });
}
