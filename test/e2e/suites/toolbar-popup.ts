// The shipped build (activeTab only, no host permissions) reached as a user reaches it: the real
// toolbar button and its real popup, written once and run in both browsers (reader.chromium.e2e.ts,
// shipped.firefox.e2e.ts; how each browser's button is clicked: helpers/chromium.ts triggerAction,
// helpers/firefox-chrome.ts). The button grants activeTab, so reader view, copy and save work with
// no other permission; the popup names the shortcut the browser bound; a browser page gets a plain
// message. The harness must give pages the clipboard.
import { describe, expect, test } from 'vitest';
import type { BrowserHarness, RealPopup } from '../helpers/browser-harness.js';
import { elementAtCentre, pageState, prepareState } from '../helpers/page-state.js';
import { expectSeedOverlay, markdownToCheckableText, seedTextProblems, seedTitle } from '../helpers/seed.js';
import { clipboardChangedFrom, inPage, type AnyPage } from '../helpers/tab.js';
import { until } from '../helpers/wait.js';

export function toolbarPopupTests<P extends AnyPage>(h: BrowserHarness<P>): void {
  /** Toolbar button for `page`, then `act` in its real popup; the popup is let go of after. */
  async function inRealPopup<T>(page: P, act: (popup: RealPopup) => Promise<T>): Promise<T> {
    const popup = await h.toolbar.open(page);
    try {
      return await act(popup);
    } finally {
      await popup.release();
    }
  }
  const says = (popup: RealPopup, testid: string, want: RegExp | string) =>
    until(`the popup to say ${want}`, async () => {
      const t = await popup.text(testid);
      return (typeof want === 'string' ? t.includes(want) : want.test(t)) ? t : undefined;
    }, 10_000);

  describe('the toolbar button and its real popup', () => {
    test('toolbar button → popup → "Open reader view" covers the page with the clean article; Esc restores the page', async () => {
      const page = await h.openSeed();
      const before = await prepareState(page, 600);
      await h.screenshot(page, 'seed-before');
      await inRealPopup(page, async (popup) => {
        await popup.text('popup-status');
        await popup.screenshot('action-popup');
        expect(await popup.click('popup-toggle')).toMatch(/closed/i);
      });
      const view = await h.overlay.waitFor(page);
      expectSeedOverlay(view);
      // The page sees only the host element: the root is closed and covers the viewport.
      expect(await inPage(page, (name) => document.querySelector(name)?.shadowRoot ?? null, view.hostName)).toBeNull();
      expect(await elementAtCentre(page)).toBe(view.hostName);
      await page.bringToFront();
      await h.screenshot(page, 'seed-reader');
      await page.keyboard.press('Escape');
      await h.overlay.waitForNone(page);
      expect(await pageState(page)).toEqual(before);
    });

    test('the popup names the shortcut the browser really bound, and "Change" opens the browser\'s page for extension shortcuts', async () => {
      const bound = await h.toolbar.boundShortcut();
      expect(bound).not.toBe('');
      const page = await h.openSeed();
      await inRealPopup(page, async (popup) => {
        // The popup fills its shortcut line once commands.getAll() answers: wait for the line, then judge it.
        expect(await popup.text('popup-shortcut-text')).toBe(`Shortcut: ${bound}`);
        await popup.screenshot('action-popup-shortcut');
        await popup.click('popup-shortcut-change');
      });
      const settings = await h.toolbar.shortcutSettingsOpened();
      await h.screenshot(settings, 'manage-shortcuts');
    });

    test('toolbar button → "Copy Markdown" and → "Save" work with activeTab alone', async () => {
      const page = await h.openSeed();
      await inPage(page, () => navigator.clipboard.writeText('clipboard before copy'));
      await inRealPopup(page, async (popup) => {
        await popup.click('popup-copy-markdown');
        await says(popup, 'popup-message', /Copied \d+ words as Markdown/);
      });
      const md = (await clipboardChangedFrom(page, 'clipboard before copy'))['text/plain'];
      expect(md).toMatch(/^# WMD may be key/m);
      expect(seedTextProblems(markdownToCheckableText(md ?? ''))).toEqual([]);

      await inRealPopup(page, async (popup) => {
        await popup.click('popup-save');
        await says(popup, 'popup-message', `Saved “${seedTitle}”`);
        await popup.screenshot('action-popup-saved');
      });
      expect(await h.overlay.read(page)).toBeNull(); // saving does not open the reader
    });

    test('on a browser page (chrome://version, about:robots) the popup says plainly that Readwell cannot run there', async () => {
      const page = await h.toolbar.openBrowserPage();
      await inRealPopup(page, async (popup) => {
        const text = await until('the popup to know the tab', async () => {
          const t = await popup.text('popup-status');
          return /Checking/.test(t) ? undefined : t;
        });
        expect(text).toMatch(/can(no|'|’)t|not allowed|browser page|protected/i);
        expect(text).not.toMatch(/error:|undefined|\[object|cannot access contents|missing host permission/i);
        expect(await popup.isDisabled('popup-toggle')).toBe(true);
        await popup.screenshot('action-popup-restricted');
      });
    });
  });
}
