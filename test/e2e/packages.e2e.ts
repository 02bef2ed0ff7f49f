// The store packages (`npm run package`: dist/packages/readwell-{chrome,firefox}-VERSION.zip) as
// a user gets them from a store: each holds exactly what dist/ loads unpacked, with
// package.json's version, and each installs in its own browser, where the toolbar button and
// its popup open reader view with activeTab alone. Chromium loads the unzipped package (a
// store's install is an unpacked copy too); Firefox installs the zip file itself.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { launchChromium, realPopup, screenshot, triggerAction } from './helpers/chromium.js';
import { waitForOverlay } from './helpers/overlay.js';
import { byTestId } from './helpers/popup.js';
import { ffScreenshot, launchFirefox } from './helpers/firefox.js';
import { clickInRealPopup, clickToolbarButton } from './helpers/firefox-chrome.js';
import { waitForOverlay as waitForFirefoxOverlay } from './helpers/firefox-overlay.js';
import { SEED, seedTextProblems, seedTitle } from './helpers/seed.js';
import { repoRoot, startServer, type StaticServer } from './helpers/server.js';
import { extractZip, readZip } from '../../scripts/zip.mjs';

const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
const zipOf = (browser: string) => join(repoRoot, 'dist/packages', `readwell-${browser}-${version}.zip`);

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name), base) : [relative(base, join(dir, e.name))]));
}

let server: StaticServer;
const work = mkdtempSync(join(tmpdir(), 'readwell-packages-'));
beforeAll(async () => {
  for (const b of ['chrome', 'firefox']) if (!existsSync(zipOf(b))) throw new Error(`${zipOf(b)} is missing: run npm run package`);
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

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

describe('each package in its browser', () => {
  test('Chrome package: unzipped and loaded in Chromium, the toolbar button and its popup open reader view', async () => {
    const dir = extractZip(zipOf('chrome'), join(work, 'chrome'));
    const l = await launchChromium('chrome', { dir });
    try {
      const page = await l.ctx.newPage();
      await page.goto(server.fixture(SEED));
      await triggerAction(l, page);
      const popup = await realPopup(l);
      try {
        await popup.page.locator(byTestId('popup-toggle')).click();
      } finally {
        await popup.browser.close();
      }
      const view = await waitForOverlay(page);
      expect(view.text['reader-title']?.trim()).toBe(seedTitle);
      expect(seedTextProblems(view.text['reader-content'] ?? '')).toEqual([]);
      await screenshot(page, 'chrome-package-reader');
    } finally {
      await l.close();
    }
  });

  test('Firefox package: installed from the zip in Firefox, the toolbar button and its popup open reader view', async () => {
    const ff = await launchFirefox({ archive: zipOf('firefox') });
    try {
      const page = await ff.browser.newPage();
      await page.goto(server.fixture(SEED));
      await clickToolbarButton(ff, page);
      await clickInRealPopup(ff, 'popup-toggle');
      const view = await waitForFirefoxOverlay(ff, page);
      expect(view.text['reader-title']?.trim()).toBe(seedTitle);
      expect(seedTextProblems(view.text['reader-content'] ?? '')).toEqual([]);
      await ffScreenshot(page, 'firefox-package-reader');
    } finally {
      await ff.close();
    }
  });
});
