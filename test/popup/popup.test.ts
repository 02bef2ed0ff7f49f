import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { startPopup, type PopupDeps } from '../../src/popup/popup';
import { mountSettingsForm } from '../../src/popup/settings-form';
import { mountShortcut } from '../../src/popup/shortcut';
import { fail, ok } from '../../src/platform/messages';
import type { SettingsStore } from '../../src/platform/settings-store';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';

const HTML = readFileSync(join(__dirname, '../../src/popup/popup.html'), 'utf8').replace(/<script[^>]*><\/script>/, '');

function setup(replies: Record<string, unknown>, writeClipboard = vi.fn(async () => true)) {
  const doc = new JSDOM(HTML).window.document;
  const send = vi.fn(async (m: { type: string }) => replies[m.type] ?? fail('error', 'unexpected'));
  startPopup(doc, { tabId: 12, send: send as unknown as PopupDeps['send'], writeClipboard });
  const $ = (id: string) => doc.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`)!;
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { doc, send, $, settle, writeClipboard };
}

describe('popup', () => {
  it('shows whether reader view is open and enables the actions', async () => {
    const { $, send, settle } = setup({ 'tab-status': ok({ accessible: true, readerOpen: true }) });
    await settle();
    expect(send).toHaveBeenCalledWith({ type: 'tab-status', tabId: 12 });
    expect($('popup-status').textContent).toBe('Reader view is open on this tab.');
    expect($('popup-toggle').textContent).toBe('Close reader view');
    expect($('popup-copy-markdown').disabled).toBe(false);
  });

  it('says plainly when a page is off limits, and disables the page actions', async () => {
    const { $, settle } = setup({ 'tab-status': fail('restricted', 'Readwell can’t run on browser pages like this one.') });
    await settle();
    expect($('popup-status').textContent).toBe('Readwell can’t run on browser pages like this one.');
    expect($('popup-message').textContent, 'said once, not twice').toBe('');
    expect($('popup-toggle').disabled).toBe(true);
    expect($('popup-open-library').disabled).toBe(false);
  });

  it('opens reader view allowing the selection in one step, and says "No article found" when there is neither', async () => {
    const { $, send, settle } = setup({
      'tab-status': ok({ accessible: true, readerOpen: false }),
      'toggle-reader': fail('no-article', 'No article found on this page.', { hasSelection: false }),
    });
    await settle();
    $('popup-toggle').click();
    await settle();
    expect(send).toHaveBeenLastCalledWith({ type: 'toggle-reader', tabId: 12, allowSelection: true });
    expect($('popup-message').textContent).toBe('No article found on this page.');
    expect($('popup-read-selection').hidden).toBe(true);
  });

  it('says it is preparing reader view when the opening takes over 150 ms, and not when it is quick', async () => {
    vi.useFakeTimers();
    try {
      let answer: (reply: unknown) => void = () => undefined;
      const replies: Record<string, unknown> = {
        'tab-status': ok({ accessible: true, readerOpen: false }),
        'toggle-reader': new Promise((resolve) => (answer = resolve)),
      };
      const { $ } = setup(replies);
      await vi.advanceTimersByTimeAsync(0);
      $('popup-toggle').click();
      await vi.advanceTimersByTimeAsync(140);
      expect($('popup-message').textContent).toBe('');
      await vi.advanceTimersByTimeAsync(20);
      expect($('popup-message').textContent).toBe('Preparing reader view…');
      answer(ok({ open: true, source: 'article', title: 'Story' }));
      await vi.advanceTimersByTimeAsync(0);
      expect($('popup-message').textContent).toBe('');
      expect($('popup-status').textContent).toBe('Reader view is open on this tab.');

      // Quick, and a failure: its message, never the working line over it.
      replies['toggle-reader'] = fail('too-large', 'This page is too large or complex for reader view.', { hasSelection: false });
      $('popup-toggle').click();
      await vi.advanceTimersByTimeAsync(1000);
      expect($('popup-message').textContent).toBe('This page is too large or complex for reader view.');
    } finally {
      vi.useRealTimers();
    }
  });

  it('with an article and a selection, opens the article and offers the selection instead', async () => {
    const replies: Record<string, unknown> = {
      'tab-status': ok({ accessible: true, readerOpen: false }),
      'toggle-reader': ok({ open: true, source: 'article', title: 'Story', hasSelection: true }),
    };
    const { $, send, settle } = setup(replies);
    await settle();
    $('popup-toggle').click();
    await settle();
    expect($('popup-status').textContent).toBe('Reader view is open on this tab.');
    expect($('popup-read-selection').hidden).toBe(false);
    replies['toggle-reader'] = ok({ open: true, source: 'selection', title: 'Story' });
    $('popup-read-selection').click();
    await settle();
    expect(send).toHaveBeenLastCalledWith({ type: 'toggle-reader', tabId: 12, allowSelection: true, preferSelection: true });
    expect($('popup-read-selection').hidden).toBe(true);
    expect($('popup-status').textContent).toBe('Reader view is open on this tab.');
  });

  it('confirms a copy, and writes the clipboard itself when the page could not', async () => {
    const { $, settle, writeClipboard } = setup({
      'tab-status': ok({ accessible: true, readerOpen: false }),
      'copy-article': ok({ format: 'html', words: 1204, fromSelection: false, copied: false, text: 'T', html: '<p>T</p>' }),
    });
    await settle();
    $('popup-copy-html').click();
    await settle();
    await settle();
    expect(writeClipboard).toHaveBeenCalledWith('T', '<p>T</p>');
    expect($('popup-message').textContent).toBe('Copied 1,204 words as HTML');
  });

  it('settings form shows stored values and saves changes', async () => {
    const doc = new JSDOM(HTML).window.document;
    const save = vi.fn(async (s) => s);
    const store: SettingsStore = { load: async () => ({ ...DEFAULT_SETTINGS, theme: 'sepia' }), save, subscribe: () => () => {} };
    await mountSettingsForm(doc.querySelector('[data-testid="popup-settings"]')!, store);
    const theme = doc.querySelector<HTMLSelectElement>('[data-testid="setting-theme"]')!;
    expect(theme.value).toBe('sepia');
    doc.querySelector<HTMLButtonElement>('[data-testid="setting-font-size-up"]')!.click();
    expect(save).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, theme: 'sepia', fontSize: DEFAULT_SETTINGS.fontSize + 1 });
    expect(doc.querySelector('[data-testid="setting-font-size"]')!.textContent).toBe(`${DEFAULT_SETTINGS.fontSize + 1}px`);
  });
});

describe('popup shortcut line', () => {
  function mount(bound: () => Promise<string>, opened = true) {
    const doc = new JSDOM(HTML).window.document;
    const openSettings = vi.fn(async () => opened);
    const done = mountShortcut(doc, { bound, openSettings });
    const $ = (id: string) => doc.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;
    return { $, done, openSettings, settle: () => new Promise((r) => setTimeout(r, 0)) };
  }

  it('shows the key the browser bound, and opens the browser’s shortcut page', async () => {
    const { $, done, openSettings } = mount(async () => 'Alt+Shift+V');
    await done;
    expect($('popup-shortcut').hidden).toBe(false);
    expect($('popup-shortcut-text').textContent).toBe('Shortcut: Alt+Shift+V');
    expect($('popup-shortcut-text').querySelector('kbd')?.textContent).toBe('Alt+Shift+V');
    $('popup-shortcut-change').click();
    expect(openSettings).toHaveBeenCalledOnce();
  });

  it('says so when no shortcut is bound', async () => {
    const { $, done } = mount(async () => '');
    await done;
    expect($('popup-shortcut-text').textContent).toBe('No keyboard shortcut is set for reader view.');
    expect($('popup-shortcut-change').textContent).toBe('Set one');
  });

  it('explains where to set it when the browser cannot open that page, once', async () => {
    const { $, done, settle } = mount(async () => '', false);
    await done;
    $('popup-shortcut-change').click();
    await settle();
    $('popup-shortcut-change').click();
    await settle();
    const text = $('popup-shortcut-text').textContent!;
    expect(text).toMatch(/^No keyboard shortcut is set for reader view\. Set shortcuts at chrome:\/\/extensions\/shortcuts in Chrome, or in Firefox at about:addons → ⚙ → Manage Extension Shortcuts\.$/);
  });

  it('stays hidden when the shortcut cannot be read', async () => {
    const { $, done } = mount(async () => Promise.reject(new Error('no commands API')));
    await done;
    expect($('popup-shortcut').hidden).toBe(true);
  });
});
