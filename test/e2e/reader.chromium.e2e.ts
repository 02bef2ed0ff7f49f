// Readwell's reader overlay in real headless Chromium, on the seed reconstruction.
// Two builds: dist/chrome (what users install: activeTab only, so only a real toolbar click can
// open it, simulated with Extensions.triggerAction) and dist/chrome-test (adds host permissions
// for 127.0.0.1 so the popup-as-a-tab and message paths can be driven without a gesture).
// The checks Firefox shares are written once: suites/toolbar-popup.ts (the real toolbar popup)
// and suites/reader-popup.ts (the popup as a tab); the rest are Chromium's own (a stopped MV3
// worker, selection mode, a page too large, browser pages in the popup as a tab).
import { describe, expect, test } from 'vitest';
import { screenshot, stopServiceWorker, tabIdOf } from './helpers/chromium.js';
import { overlayPoint, readOverlay, waitForNoOverlay, waitForOverlay } from './helpers/overlay.js';
import { pageState, prepareState } from './helpers/page-state.js';
import { byTestId, popupText } from './helpers/popup.js';
import { expectSeedOverlay, seedTitle } from './helpers/seed.js';
import { useChromium } from './helpers/use-chromium.js';
import { readerPopupTests } from './suites/reader-popup.js';
import { toolbarPopupTests } from './suites/toolbar-popup.js';

describe('shipped build (dist/chrome, activeTab only): the real toolbar button', () => {
  toolbarPopupTests(useChromium('chrome', { clipboard: true }));
});

describe('test build (dist/chrome-test): popup, messages, settings, copy, messages for hard pages', () => {
  const chromium = useChromium('chrome-test', { clipboard: true });
  readerPopupTests(chromium);

  test('the close button (a real mouse click) closes the overlay and restores the page', async () => {
    const page = await chromium.openSeed();
    const before = await prepareState(page, 300);
    const popup = await chromium.openPopup(page);
    await popup.locator(byTestId('popup-toggle')).click();
    await waitForOverlay(page);
    await page.bringToFront();
    const { x, y } = await overlayPoint(page, byTestId('reader-close'));
    await page.mouse.click(x, y);
    await waitForNoOverlay(page);
    expect(await pageState(page)).toEqual(before);
    await popup.close();
    await page.close();
  });

  test('a runtime message from an extension page toggles reader view', async () => {
    const page = await chromium.openSeed();
    const tabId = await tabIdOf(chromium.l, page);
    const ext = await chromium.openPage(`chrome-extension://${chromium.l.extId}/popup.html?tabId=${tabId}`);
    const reply = await ext.evaluate((id) => chrome.runtime.sendMessage({ type: 'toggle-reader', tabId: id }), tabId);
    expect(reply).toMatchObject({ ok: true, value: { open: true } });
    expectSeedOverlay(await waitForOverlay(page));
    const again = await ext.evaluate((id) => chrome.runtime.sendMessage({ type: 'toggle-reader', tabId: id }), tabId);
    expect(again).toMatchObject({ ok: true, value: { open: false } });
    await waitForNoOverlay(page);
    await ext.close();
    await page.close();
  });

  test('after Chrome stops the idle service worker, the popup still opens and closes reader view', async () => {
    const page = await chromium.openSeed();
    const tabId = await tabIdOf(chromium.l, page);
    await stopServiceWorker(chromium.l, page);
    const popup = await chromium.openPage(`chrome-extension://${chromium.l.extId}/popup.html?tabId=${tabId}`);
    await expect.poll(() => popupText(popup, ['popup-status'])).toMatch(/closed/i);
    await popup.locator(byTestId('popup-toggle')).click();
    expectSeedOverlay(await waitForOverlay(page));
    await stopServiceWorker(chromium.l, page);
    await popup.reload();
    await expect.poll(() => popupText(popup, ['popup-status'])).toMatch(/open/i);
    await popup.locator(byTestId('popup-toggle')).click();
    await waitForNoOverlay(page);
  });

  test('a synthetic Escape from the page does not close the overlay; a real one does', async () => {
    const page = await chromium.openSeed();
    const popup = await chromium.openPopup(page);
    await popup.locator(byTestId('popup-toggle')).click();
    await waitForOverlay(page);
    await page.bringToFront();
    await page.evaluate(() => {
      for (const t of [document, document.documentElement, window]) t.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    await page.waitForTimeout(300);
    expect(await readOverlay(page)).not.toBeNull();
    await page.keyboard.press('Escape');
    await waitForNoOverlay(page);
    await popup.close();
    await page.close();
  });

  test('on a no-article page with a selection, "Open reader view" opens the selection as the reader in one step', async () => {
    const page = await chromium.openPage(chromium.server.e2e('no-article.html'));
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('main')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const popup = await chromium.openPopup(page);
    await popup.locator(byTestId('popup-toggle')).click();
    const view = await waitForOverlay(page);
    expect(view.text['reader-content']).toMatch(/Forgot password\?/);
    expect(view.text['reader-content']).not.toMatch(/Privacy|© Example Mail/); // outside the selection
    expect(view.text['reader-meta']).toMatch(/^Selection/);
    await expect.poll(() => popupText(popup, ['popup-status'])).toBe('Reader view is open on this tab.');
    expect(await popup.locator(byTestId('popup-message')).textContent()).toBe(''); // no "No article found" on the way
    expect(await popup.locator(byTestId('popup-read-selection')).isHidden()).toBe(true);
    await screenshot(popup, 'chrome-popup-selection-opened');
    await page.bringToFront();
    await screenshot(page, 'chrome-reader-selection');
    await page.keyboard.press('Escape');
    await waitForNoOverlay(page);
  });

  test('on an article page with a selection, the article opens and the popup offers the selection, which then replaces it', async () => {
    const page = await chromium.openSeed();
    const chosen = await page.evaluate(() => {
      const p = [...document.querySelectorAll('p')].find((el) => (el.textContent ?? '').length > 120)!;
      const range = document.createRange();
      range.selectNodeContents(p);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return p.textContent!.replace(/\s+/g, ' ').trim();
    });
    const popup = await chromium.openPopup(page);
    await popup.locator(byTestId('popup-toggle')).click();
    const article = await waitForOverlay(page);
    expect(article.text['reader-title']?.trim()).toBe(seedTitle);
    await expect.poll(() => popup.locator(byTestId('popup-read-selection')).isVisible()).toBe(true);
    expect(await popup.locator(byTestId('popup-read-selection')).textContent()).toBe('Read the selection instead');
    await screenshot(popup, 'chrome-popup-selection-offered');
    await popup.locator(byTestId('popup-read-selection')).click();
    await expect.poll(async () => (await readOverlay(page))?.text['reader-meta'] ?? '').toMatch(/^Selection/);
    const view = (await readOverlay(page))!;
    expect(view.text['reader-content']!.replace(/\s+/g, ' ').trim()).toBe(chosen);
    await expect.poll(() => popup.locator(byTestId('popup-read-selection')).isHidden()).toBe(true);
    expect(await popupText(popup, ['popup-status'])).toBe('Reader view is open on this tab.');
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await waitForNoOverlay(page);
  });

  test('a page too large for reader view says so plainly, in the popup and the overlay', async () => {
    const cells = Array.from({ length: 80_000 }, (_, i) => `<span>${i}</span>`).join('');
    const url = chromium.server.addPage('/e2e-generated/too-large.html', `<!doctype html><html><head><title>Huge</title></head><body><article><h1>Huge</h1><p>${cells}</p></article></body></html>`);
    const page = await chromium.openPage(url);
    const before = await pageState(page);
    const popup = await chromium.openPopup(page);
    await popup.locator(byTestId('popup-toggle')).click();
    await expect.poll(() => popupText(popup), { timeout: 20_000 }).toMatch(/too large/i);
    const view = await readOverlay(page);
    if (view) {
      expect(view.text['reader-message']).toMatch(/too large/i);
      await page.bringToFront();
      await page.keyboard.press('Escape');
      await waitForNoOverlay(page);
    }
    expect((await pageState(page)).html).toBe(before.html);
  });

  test('a large page: the popup says reader view is being prepared, the page shows its notice during the work, then the reader opens', async () => {
    // About 30,000 elements: under the budget's 60,000, and long enough to extract (seconds) that both show.
    const paragraphs = Array.from({ length: 10_000 }, (_, i) => `<p>Paragraph ${i} of the council's report on the <a href="/b${i}">bridge</a>, with <em>costs</em> and delays.</p>`).join('');
    const url = chromium.server.addPage('/e2e-generated/large-article.html', `<!doctype html><html><head><title>Bridge report</title></head><body><article><h1>Bridge report</h1>${paragraphs}</article></body></html>`);
    const page = await chromium.openPage(url);
    // What Readwell adds to and removes from <html>, in order, seen from the page.
    await page.evaluate(() => {
      const log: string[] = [];
      (window as unknown as { __rwHosts: string[] }).__rwHosts = log;
      new MutationObserver((records) => {
        for (const r of records) {
          r.addedNodes.forEach(() => log.push('added'));
          r.removedNodes.forEach(() => log.push('removed'));
        }
      }).observe(document.documentElement, { childList: true });
    });
    const popup = await chromium.openPopup(page);
    await popup.locator(byTestId('popup-toggle')).click();
    await expect.poll(() => popup.locator(byTestId('popup-message')).textContent(), { timeout: 20_000, interval: 20 }).toBe('Preparing reader view…');
    await expect.poll(() => popupText(popup, ['popup-status']), { timeout: 60_000 }).toBe('Reader view is open on this tab.');
    expect(await popup.locator(byTestId('popup-message')).textContent()).toBe('');
    const view = await waitForOverlay(page);
    expect(view.text['reader-title']).toBe('Bridge report');
    // The notice went up before the work and came down before the overlay's host was added.
    expect(await page.evaluate(() => (window as unknown as { __rwHosts: string[] }).__rwHosts.slice(0, 3))).toEqual(['added', 'removed', 'added']);
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await waitForNoOverlay(page);
    await popup.close();
    await page.close();
  });

  test.each([
    ['chrome://version', 'chrome-version'],
    ['chrome://extensions', 'chrome-extensions'],
  ])('a browser page (%s) gets a plain message in the popup', async (url, name) => {
    const page = await chromium.openPage(url);
    const popup = await chromium.openPopup(page);
    const text = await popupText(popup);
    expect(text).toMatch(/can(no|'|’)t|not allowed|browser page|protected/i);
    expect(text).not.toMatch(/error:|undefined|\[object|cannot access contents/i);
    // The toggle is not offered as if it would work: it is there, and disabled.
    expect(await popup.locator(byTestId('popup-toggle')).isDisabled()).toBe(true);
    await screenshot(popup, `chrome-popup-${name}`);
    await popup.close();
    await page.close();
  });
});

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
