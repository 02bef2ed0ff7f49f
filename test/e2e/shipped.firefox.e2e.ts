// The shipped build (dist/firefox: activeTab only, no host permissions) in Firefox ESR, reached
// the ways a user reaches it: the keyboard shortcut Firefox bound, pressed in Firefox's own window
// (helpers/firefox-chrome.ts; Chromium cannot press one headless), and the toolbar button with its
// real popup, whose checks Chromium runs too (suites/toolbar-popup.ts). Each grants activeTab, so
// reader view, copy and save work with no other permission.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inExtension } from './helpers/firefox.js';
import { pressShortcut } from './helpers/firefox-chrome.js';
import { elementAtCentre, pageState, prepareState } from './helpers/page-state.js';
import { seedTextProblems, seedTitle } from './helpers/seed.js';
import { repoRoot } from './helpers/server.js';
import { useFirefox } from './helpers/use-firefox.js';
import { toolbarPopupTests } from './suites/toolbar-popup.js';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'dist/firefox/manifest.json'), 'utf8'));
const SUGGESTED: string = manifest.commands['toggle-reader'].suggested_key.default;

const firefox = useFirefox('shipped');

describe('the keyboard shortcut', () => {
  test("Firefox binds the manifest's toggle shortcut (commands.getAll() in the background page)", async () => {
    expect(await firefox.toolbar.boundShortcut()).toBe(SUGGESTED);
    expect(SUGGESTED).toMatch(/^Alt\+Shift\+[A-Z]$/);
  });

  test('pressing it opens reader view with activeTab alone, and pressing it again closes it, leaving the page as it was', async () => {
    const perms = await inExtension(firefox.ff, () => (globalThis as unknown as { browser: { permissions: { getAll(): Promise<{ origins?: string[] }> } } }).browser.permissions.getAll());
    expect(perms.origins ?? []).toEqual([]);
    const page = await firefox.openSeed();
    const before = await prepareState(page, 300);
    await pressShortcut(firefox.ff, page, SUGGESTED);
    const view = await firefox.overlay.waitFor(page);
    expect(view.text['reader-title']?.trim()).toBe(seedTitle);
    expect(seedTextProblems(view.text['reader-content'] ?? '')).toEqual([]);
    expect(await elementAtCentre(page)).toBe(view.hostName);
    await firefox.screenshot(page, 'shipped-shortcut-reader');
    await pressShortcut(firefox.ff, page, SUGGESTED);
    await firefox.overlay.waitForNone(page);
    expect(await pageState(page)).toEqual(before);
  });
});

toolbarPopupTests(firefox);
