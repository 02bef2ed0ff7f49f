// The shipped builds ask for no host permissions and inject nothing by default; only the test
// build (dist/chrome-test) may reach 127.0.0.1, and only that. And the toggle's default shortcut
// is one Chromium actually binds (Firefox's side is in shipped.firefox.e2e.ts).
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './helpers/server.js';
import { useChromium } from './helpers/use-chromium.js';

const manifest = (build: string) => JSON.parse(readFileSync(join(repoRoot, 'dist', build, 'manifest.json'), 'utf8'));

describe('built manifests', () => {
  test.each(['chrome', 'firefox'])('dist/%s has no host permissions and no always-on content script', (build) => {
    const m = manifest(build);
    expect(m.host_permissions).toBeUndefined();
    expect(m.optional_host_permissions ?? []).toEqual([]);
    expect(m.content_scripts).toBeUndefined();
    expect(m.permissions).toContain('activeTab');
    for (const p of m.permissions as string[]) expect(p).not.toMatch(/[:/*]|^<all_urls>$|^tabs$/);
  });

  test('dist/chrome-test adds only http://127.0.0.1/*', () => {
    const shipped = manifest('chrome');
    const testBuild = manifest('chrome-test');
    expect(testBuild.host_permissions).toEqual(['http://127.0.0.1/*']);
    expect(testBuild.permissions).toEqual(shipped.permissions);
  });
});

describe('dist/chrome loaded in Chromium', () => {
  const chromium = useChromium('chrome');

  test('holds no host permissions once installed', async () => {
    const perms = await chromium.l.sw.evaluate(() => (globalThis as unknown as { chrome: { permissions: { getAll(): Promise<{ origins?: string[]; permissions?: string[] }> } } }).chrome.permissions.getAll());
    expect(perms.origins ?? []).toEqual([]);
    expect(perms.permissions).toContain('activeTab');
  });

  // The strings' format (_locales with $1 … $9 in the message, no named placeholders) as the
  // browser reads it: t() in every context asks getMessage first (shared/strings/t.ts).
  test('answers i18n.getMessage from _locales/en, substitutions in place, and localizes the manifest', async () => {
    const got = await chromium.l.sw.evaluate(() => {
      const c = (globalThis as unknown as { chrome: { i18n: { getMessage(k: string, s?: string[]): string }; runtime: { getManifest(): { name: string; commands: Record<string, { description: string }> } } } }).chrome;
      return {
        lang: c.i18n.getMessage('ui_lang'),
        saved: c.i18n.getMessage('saved', ['The $2 story']),
        two: c.i18n.getMessage('library_matching', ['3', '10 articles']),
        media: c.i18n.getMessage('epub_media_described', ['Image', 'A crane']),
        name: c.runtime.getManifest().name,
      };
    });
    expect(got).toEqual({ lang: 'en', saved: 'Saved “The $2 story” to your library.', two: '3 of 10 articles match', media: '[Image: A crane]', name: 'Readwell' });
  });

  // Chromium silently leaves a suggested key unbound when it is one of the browser's own
  // shortcuts: Chromium 156 gave Alt+Shift+R (and A, B, C, N, P, T, W, X, Z) an empty shortcut.
  test("binds the manifest's default shortcut for toggle-reader", async () => {
    const suggested = manifest('chrome').commands['toggle-reader'].suggested_key.default as string;
    const commands = await chromium.l.sw.evaluate(() => (globalThis as unknown as { chrome: { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } } }).chrome.commands.getAll());
    const toggle = commands.find((c) => c.name === 'toggle-reader');
    expect(toggle?.shortcut).toBe(suggested);
    expect(suggested).toMatch(/^Alt\+Shift\+[A-Z]$/);
  });
});
