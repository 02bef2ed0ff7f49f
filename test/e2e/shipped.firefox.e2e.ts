// The shipped build (dist/firefox: activeTab only, no host permissions) in Firefox ESR, reached
// the ways a user reaches it: the keyboard shortcut Firefox bound and the toolbar button with its
// real popup (both through Firefox's own window, helpers/firefox-chrome.ts). Each grants
// activeTab, so reader view, copy and save work with no other permission.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { ffScreenshot, inExtension, launchFirefox, openPage, readClipboard, type LaunchedFirefox } from './helpers/firefox.js';
import { clickInRealPopup, clickToolbarButton, pressShortcut, realPopupText } from './helpers/firefox-chrome.js';
import { readOverlay, waitForNoOverlay, waitForOverlay } from './helpers/firefox-overlay.js';
import { elementAtCentre, pageState, prepareState } from './helpers/page-state.js';
import { markdownToCheckableText, SEED, seedTextProblems, seedTitle } from './helpers/seed.js';
import { repoRoot, startServer, type StaticServer } from './helpers/server.js';
import { until } from './helpers/wait.js';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'dist/firefox/manifest.json'), 'utf8'));
const SUGGESTED: string = manifest.commands['toggle-reader'].suggested_key.default;

let server: StaticServer;
let ff: LaunchedFirefox;
beforeAll(async () => {
  server = await startServer();
  ff = await launchFirefox({ build: 'shipped' });
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});
afterEach(async () => {
  await ff?.closeOtherTabs();
});

let opened = 0;
const openSeed = () => openPage(ff, `${server.fixture(SEED)}?tab=${++opened}`);

type CommandsApi = { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } };

describe('the keyboard shortcut', () => {
  test("Firefox binds the manifest's toggle shortcut (commands.getAll() in the background page)", async () => {
    const bound = await inExtension(ff, async () => {
      // The background is an event page in Firefox; an extension page can reach its window.
      const bg = (await (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window & { browser: CommandsApi }> } } }).browser.runtime.getBackgroundPage());
      return (await bg.browser.commands.getAll()).map((c) => ({ name: c.name, shortcut: c.shortcut }));
    });
    expect(bound.find((c) => c.name === 'toggle-reader')?.shortcut).toBe(SUGGESTED);
    expect(SUGGESTED).toMatch(/^Alt\+Shift\+[A-Z]$/);
  });

  test('pressing it opens reader view with activeTab alone, and pressing it again closes it, leaving the page as it was', async () => {
    const perms = await inExtension(ff, () => (globalThis as unknown as { browser: { permissions: { getAll(): Promise<{ origins?: string[] }> } } }).browser.permissions.getAll());
    expect(perms.origins ?? []).toEqual([]);
    const page = await openSeed();
    const before = await prepareState(page, 300);
    await pressShortcut(ff, page, SUGGESTED);
    const view = await waitForOverlay(ff, page);
    expect(view.text['reader-title']?.trim()).toBe(seedTitle);
    expect(seedTextProblems(view.text['reader-content'] ?? '')).toEqual([]);
    expect(await elementAtCentre(page)).toBe(view.hostName);
    await ffScreenshot(page, 'firefox-shipped-shortcut-reader');
    await pressShortcut(ff, page, SUGGESTED);
    await waitForNoOverlay(ff, page);
    expect(await pageState(page)).toEqual(before);
  });

  test('the popup names the bound shortcut, and "Change" opens Manage Extension Shortcuts', async () => {
    const page = await openSeed();
    await clickToolbarButton(ff, page);
    // The popup fills its shortcut line once commands.getAll() answers: wait for the line, then judge it.
    const shortcut = await until('the popup\'s shortcut line', async () => (await realPopupText(ff, 'popup-shortcut-text')) || undefined, 10_000);
    expect(shortcut).toBe(`Shortcut: ${SUGGESTED}`);
    // "Change" opens Firefox's own page for it (commands.openShortcutSettings): about:addons.
    await clickInRealPopup(ff, 'popup-shortcut-change');
    const addons = await until('an about:addons tab', async () => {
      for (const p of await ff.browser.pages()) {
        if (await p.evaluate(() => location.href.startsWith('about:addons')).catch(() => false)) return p;
      }
      return undefined;
    });
    await until('the shortcuts view', () => addons.evaluate(() => document.body?.innerText.includes('Readwell')).catch(() => false));
    await ffScreenshot(addons, 'firefox-manage-shortcuts');
  });
});

describe('the toolbar button and its real popup', () => {
  /** Toolbar button → real popup → `testid`; returns the popup's status line when it was clicked. */
  async function fromToolbar(page: Page, testid: string): Promise<string> {
    await clickToolbarButton(ff, page);
    return clickInRealPopup(ff, testid);
  }

  test('"Open reader view" covers the page with the clean article; Esc restores it', async () => {
    const page = await openSeed();
    const before = await prepareState(page, 600);
    expect(await fromToolbar(page, 'popup-toggle')).toMatch(/closed/i);
    const view = await waitForOverlay(ff, page);
    expect(view.shadowRootType).toBe('closed');
    expect(view.text['reader-title']?.trim()).toBe(seedTitle);
    expect(seedTextProblems(view.text['reader-content'] ?? '')).toEqual([]);
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await waitForNoOverlay(ff, page);
    expect(await pageState(page)).toEqual(before);
  });

  test('"Copy Markdown" and "Save" work with activeTab alone', async () => {
    const page = await openSeed();
    await page.evaluate(() => navigator.clipboard.writeText('clipboard before copy'));
    await fromToolbar(page, 'popup-copy-markdown');
    await until('"Copied … as Markdown"', async () => /Copied \d+ words as Markdown/.test(await realPopupText(ff, 'popup-message')));
    const md = await until('the clipboard to change', async () => {
      const c = await readClipboard(page);
      return c['text/plain'] !== 'clipboard before copy' ? c['text/plain'] : undefined;
    });
    expect(md).toMatch(/^# WMD may be key/m);
    expect(seedTextProblems(markdownToCheckableText(md ?? ''))).toEqual([]);

    await fromToolbar(page, 'popup-save');
    await until('"Saved …"', async () => (await realPopupText(ff, 'popup-message')).includes(`Saved “${seedTitle}”`));
    expect(await readOverlay(ff, page)).toBeNull(); // saving does not open the reader
  });

  test('on a Firefox page (about:robots) the popup says plainly that Readwell cannot run there', async () => {
    const page = await ff.browser.newPage();
    // Puppeteer never sees about: pages finish loading; the document says when it has.
    await page.goto('about:robots', { timeout: 2_000 }).catch(() => {});
    await until('about:robots', () => page.evaluate(() => location.href === 'about:robots' && document.readyState === 'complete'));
    await clickToolbarButton(ff, page);
    const text = await until('the popup to know the tab', async () => {
      const t = await realPopupText(ff, 'popup-status');
      return /Checking/.test(t) ? undefined : t;
    });
    expect(text).toMatch(/can(no|'|’)t|not allowed|browser page|protected/i);
    expect(text).not.toMatch(/error:|undefined|\[object|missing host permission/i);
    expect(await realPopupText(ff, 'popup-toggle', 'disabled')).toBe('true');
  });
});
