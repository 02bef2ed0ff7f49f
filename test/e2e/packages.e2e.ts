// The store packages (`npm run package`: dist/packages/readwell-{chrome,firefox}-VERSION.zip) as
// a user gets them from a store: each holds exactly what dist/ loads unpacked, with
// package.json's version, and each installs in its own browser, where the toolbar button and
// its popup open reader view with activeTab alone. Chromium loads the unzipped package (a
// store's install is an unpacked copy too); Firefox installs the zip file itself.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { BrowserHarness } from './helpers/browser-harness.js';
import { seedTextProblems, seedTitle } from './helpers/seed.js';
import { repoRoot } from './helpers/server.js';
import type { AnyPage } from './helpers/tab.js';
import { useChromium } from './helpers/use-chromium.js';
import { useFirefox } from './helpers/use-firefox.js';
import { extractZip, readZip } from '../../scripts/zip.mjs';

const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
const zipOf = (browser: string) => join(repoRoot, 'dist/packages', `readwell-${browser}-${version}.zip`);

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name), base) : [relative(base, join(dir, e.name))]));
}

const work = mkdtempSync(join(tmpdir(), 'readwell-packages-'));
beforeAll(() => {
  for (const b of ['chrome', 'firefox']) if (!existsSync(zipOf(b))) throw new Error(`${zipOf(b)} is missing: run npm run package`);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('what the packages hold', () => {
  test.each(['chrome', 'firefox'])('readwell-%s-VERSION.zip is dist/%s byte for byte, at package.json\'s version', (browser) => {
    const files = readZip(zipOf(browser));
    const dir = join(repoRoot, 'dist', browser);
    expect([...files.keys()].sort()).toEqual(filesUnder(dir).sort());
    for (const [name, data] of files) expect(data.equals(readFileSync(join(dir, name))), name).toBe(true);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest.version).toBe(version);
    expect(manifest.host_permissions).toBeUndefined();
    // The name is the locale's (__MSG_ext_name__), which the package carries.
    const messages = JSON.parse(files.get(`_locales/${manifest.default_locale}/messages.json`)!.toString('utf8'));
    expect(manifest.name).toBe('__MSG_ext_name__');
    expect(messages.ext_name.message).toBe('Readwell');
  });
});

/**
 * The package's whole promise in its browser: the toolbar button (activeTab alone), its popup's
 * toggle, and the clean seed article in the overlay.
 */
function opensReaderFromToolbar<P extends AnyPage>(h: BrowserHarness<P>) {
  return async () => {
    const page = await h.openSeed();
    const popup = await h.toolbar.open(page);
    try {
      await popup.click('popup-toggle');
    } finally {
      await popup.release();
    }
    const view = await h.overlay.waitFor(page);
    expect(view.text['reader-title']?.trim()).toBe(seedTitle);
    expect(seedTextProblems(view.text['reader-content'] ?? '')).toEqual([]);
    await h.screenshot(page, 'package-reader');
  };
}

describe('each package in its browser', () => {
  describe('Chrome package, unzipped and loaded in Chromium', () => {
    const chromium = useChromium('chrome', { unpacked: () => extractZip(zipOf('chrome'), join(work, 'chrome')) });
    test('the toolbar button and its popup open reader view', opensReaderFromToolbar(chromium));
  });

  describe('Firefox package, installed from the zip in Firefox', () => {
    const firefox = useFirefox('shipped', { archive: () => zipOf('firefox') });
    test('the toolbar button and its popup open reader view', opensReaderFromToolbar(firefox));
  });
});
