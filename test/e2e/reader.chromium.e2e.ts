// Readwell's reader overlay in real headless Chromium, on the seed reconstruction.
// Two builds: dist/chrome (what users install: activeTab only, so only a real toolbar click can
// open it, simulated with Extensions.triggerAction) and dist/chrome-test (adds host permissions
// for 127.0.0.1 so the popup-as-a-tab and message paths can be driven without a gesture).
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { realPopup, screenshot, stopServiceWorker, tabIdOf, triggerAction } from './helpers/chromium.js';
import { overlayPoint, overlayStyle, readOverlay, waitForNoOverlay, waitForOverlay } from './helpers/overlay.js';
import { elementAtCentre, pageState, prepareState } from './helpers/page-state.js';
import { byTestId, popupText, setPopupControl } from './helpers/popup.js';
import { markdownToCheckableText, seedTextProblems, seedTitle } from './helpers/seed.js';
import { until } from './helpers/wait.js';
import { htmlToCheckableText } from '../helpers/icon-text.js';
import { useChromium } from './helpers/use-chromium.js';

/** Every type on the clipboard and its content, read in `page` (brought to front: reading needs focus). */
async function readClipboard(page: Page): Promise<Record<string, string>> {
  await page.bringToFront();
  return page.evaluate(async () => {
    const out: Record<string, string> = {};
    for (const item of await navigator.clipboard.read()) {
      for (const type of item.types) out[type] = await (await item.getType(type)).text();
    }
    return out;
  });
}

function expectSeedOverlay(view: Awaited<ReturnType<typeof readOverlay>>) {
  expect(view).not.toBeNull();
  expect(view!.shadowRootType).toBe('closed');
  expect(view!.text['reader-title']?.trim()).toBe(seedTitle);
  expect(seedTextProblems(view!.text['reader-content'] ?? '')).toEqual([]);
  // Nothing else the overlay shows (header, toolbar) carries icon text either.
  expect(seedTextProblems(Object.values(view!.text).join('\n')).filter((p) => p.startsWith('icon text'))).toEqual([]);
}

describe('shipped build (dist/chrome, activeTab only): the real toolbar button', () => {
  const chromium = useChromium('chrome', { clipboard: true });

  test('toolbar button → popup → "Open reader view" covers the page with the clean article; Esc restores the page', async () => {
    const page = await chromium.openSeed();
    const before = await prepareState(page, 600);
    await screenshot(page, 'chrome-seed-before');

    await triggerAction(chromium.l, page);
    const popup = await realPopup(chromium.l);
    try {
      await popup.page.locator(byTestId('popup-toggle')).waitFor({ state: 'visible' });
      await screenshot(popup.page, 'chrome-action-popup');
      await popup.page.locator(byTestId('popup-toggle')).click();
    } finally {
      await popup.browser.close();
    }

    const view = await waitForOverlay(page);
    expectSeedOverlay(view);
    // The page sees only the host element: the root is closed and covers the viewport.
    expect(await page.evaluate((name) => document.querySelector(name)?.shadowRoot ?? null, view.hostName)).toBeNull();
    expect(await elementAtCentre(page)).toBe(view.hostName);
    await page.bringToFront();
    await screenshot(page, 'chrome-seed-reader');

    await page.keyboard.press('Escape');
    await waitForNoOverlay(page);
    expect(await pageState(page)).toEqual(before);
  });

  test('the popup names the shortcut Chromium really bound, and "Change" opens chrome://extensions/shortcuts', async () => {
    const bound = await chromium.l.sw.evaluate(async () => (await chrome.commands.getAll()).find((c) => c.name === 'toggle-reader')?.shortcut ?? '');
    expect(bound).not.toBe('');
    const page = await chromium.openSeed();
    await triggerAction(chromium.l, page);
    const popup = await realPopup(chromium.l);
    try {
      const line = popup.page.locator(byTestId('popup-shortcut-text'));
      await line.waitFor({ state: 'visible' });
      expect(await line.innerText()).toBe(`Shortcut: ${bound}`);
      await screenshot(popup.page, 'chrome-action-popup-shortcut');
      await popup.page.locator(byTestId('popup-shortcut-change')).click();
    } finally {
      await popup.browser.close();
    }
    await until('a chrome://extensions/shortcuts tab', () => chromium.l.ctx.pages().some((p) => p.url() === 'chrome://extensions/shortcuts'));
    await page.close();
  });
});

describe('shipped build (dist/chrome): copy and save through the real toolbar popup', () => {
  const chromium = useChromium('chrome', { clipboard: true });

  test('toolbar button → "Copy Markdown" and → "Save" work with activeTab alone', async () => {
    const page = await chromium.openSeed();
    await page.evaluate(() => navigator.clipboard.writeText('clipboard before copy'));
    await triggerAction(chromium.l, page);
    let popup = await realPopup(chromium.l);
    try {
      await popup.page.locator(byTestId('popup-copy-markdown')).click();
      // The popup shows "Copying…" first; under load the copy takes longer than poll's default second.
      await expect.poll(() => popupText(popup.page, ['popup-message']), { timeout: 10_000 }).toMatch(/Copied \d+ words as Markdown/);
    } finally {
      await popup.browser.close();
    }
    const md = await until('the clipboard to change', async () => {
      const c = await readClipboard(page);
      return c['text/plain'] !== 'clipboard before copy' ? c['text/plain'] : undefined;
    });
    expect(md).toMatch(/^# WMD may be key/m);
    expect(seedTextProblems(markdownToCheckableText(md ?? ''))).toEqual([]);

    await triggerAction(chromium.l, page);
    popup = await realPopup(chromium.l);
    try {
      await popup.page.locator(byTestId('popup-save')).click();
      await expect.poll(() => popupText(popup.page, ['popup-message']), { timeout: 10_000 }).toContain(`Saved “${seedTitle}”`);
      await screenshot(popup.page, 'chrome-action-popup-saved');
    } finally {
      await popup.browser.close();
    }
  });
});

describe('shipped build (dist/chrome): a browser page through the real toolbar button', () => {
  const chromium = useChromium('chrome');

  test('the action popup on chrome://version says plainly that Readwell cannot read it', async () => {
    const page = await chromium.openPage('chrome://version');
    await triggerAction(chromium.l, page);
    const popup = await realPopup(chromium.l);
    try {
      // popup.html opens with the build's "Checking this tab…": wait for the popup's own answer.
      await expect.poll(() => popupText(popup.page), { timeout: 10_000 }).toMatch(/can(no|'|’)t|not allowed|browser page|protected/i);
      const text = await popupText(popup.page);
      expect(text).not.toMatch(/error:|undefined|\[object|cannot access contents/i);
      await screenshot(popup.page, 'chrome-action-popup-restricted');
    } finally {
      await popup.browser.close();
    }
  });
});

describe('test build (dist/chrome-test): popup, messages, settings, copy, messages for hard pages', () => {
  const chromium = useChromium('chrome-test', { clipboard: true });

  test('popup toggle opens reader view and reports it; the same toggle closes it and the page is as before', async () => {
    const page = await chromium.openSeed();
    const before = await prepareState(page, 400);
    const popup = await chromium.openPopup(page);
    await popup.locator(byTestId('popup-toggle')).click();
    expectSeedOverlay(await waitForOverlay(page));
    await expect.poll(() => popupText(popup, ['popup-status'])).toMatch(/open/i);
    await popup.locator(byTestId('popup-toggle')).click();
    await waitForNoOverlay(page);
    expect(await pageState(page)).toEqual(before);
    await popup.close();
    await page.close();
  });

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

  test('changing settings in the popup restyles the open overlay at once', async () => {
    const page = await chromium.openSeed();
    const popup = await chromium.openPopup(page);
    await popup.locator(byTestId('popup-toggle')).click();
    await waitForOverlay(page);
    const style = () => overlayStyle(page, byTestId('reader-content'), ['font-size', 'font-family', 'line-height']);
    const was = await style();
    await popup.locator(byTestId('setting-font-size-up')).click();
    await expect.poll(async () => parseFloat((await style())['font-size']!)).toBe(parseFloat(was['font-size']!) + 1);
    await setPopupControl(popup, 'setting-font', 'mono');
    await expect.poll(async () => (await style())['font-family']).toMatch(/mono/i);
    await page.bringToFront();
    await screenshot(page, 'chrome-reader-popup-settings');
    await popup.bringToFront();
    await setPopupControl(popup, 'setting-font', 'serif');
    await popup.locator(byTestId('setting-font-size-down')).click();
    await expect.poll(style).toEqual(was);
    await popup.close();
    await page.close();
  });

  test.each([
    ['text', 'popup-copy-text'],
    ['markdown', 'popup-copy-markdown'],
    ['html', 'popup-copy-html'],
  ] as const)('"Copy %s" puts the clean article on the clipboard', async (format, button) => {
    const page = await chromium.openSeed();
    await page.evaluate(() => navigator.clipboard.writeText('clipboard before copy'));
    const popup = await chromium.openPopup(page);
    await popup.locator(byTestId(button)).click();
    await expect.poll(() => popupText(popup, ['popup-message'])).toMatch(/Copied \d+ words/);
    const clip = await until('the clipboard to change', async () => {
      const c = await readClipboard(page);
      return c['text/plain'] !== 'clipboard before copy' ? c : undefined;
    });
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
    await popup.close();
    await page.close();
  });

  test('a no-article page says "No article found"', async () => {
    const page = await chromium.openPage(chromium.server.e2e('no-article.html'));
    const before = await pageState(page);
    const popup = await chromium.openPopup(page);
    await popup.locator(byTestId('popup-toggle')).click();
    await expect.poll(() => popupText(popup)).toMatch(/No article found/);
    await screenshot(popup, 'chrome-popup-no-article');
    // If the overlay opened to say so, it says the same, and Esc leaves the page as it was.
    const view = await readOverlay(page);
    if (view) {
      expect(view.text['reader-message']).toMatch(/No article found/);
      expect(view.text['reader-content']).toBeUndefined();
      await page.bringToFront();
      await screenshot(page, 'chrome-overlay-no-article');
      await page.keyboard.press('Escape');
      await waitForNoOverlay(page);
    }
    expect((await pageState(page)).html).toBe(before.html);
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

declare const chrome: {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
};
