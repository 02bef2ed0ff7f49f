// Firefox ESR driven by puppeteer-core over WebDriver BiDi (no geckodriver needed; see
// /work/shared/docs/browser-testing.md). The extension is installed as a temporary add-on from a
// test copy of dist/firefox whose manifest adds host permissions for http://127.0.0.1/* (the
// same thing dist/chrome-test does for Chromium): Firefox has no headless way to click the
// toolbar button, so without them nothing could grant access to the page.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './server.js';
import { screenshotsDir } from './chromium.js';

export const firefoxPath = process.env.READWELL_FIREFOX ?? '/usr/bin/firefox-esr';
/** Fixed moz-extension:// host for the add-on, set through the extensions.webextensions.uuids pref. */
export const FIREFOX_UUID = '5d0c2a4e-8f3b-4c1d-9e7a-2b6f1a0c3d4e';

export interface LaunchedFirefox {
  browser: Browser;
  geckoId: string;
  base: string; // moz-extension://<uuid>
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<LaunchedFirefox> {
  const src = join(repoRoot, 'dist/firefox');
  const manifest = JSON.parse(readFileSync(join(src, 'manifest.json'), 'utf8'));
  const geckoId: string = manifest.browser_specific_settings.gecko.id;
  const extDir = mkdtempSync(join(tmpdir(), 'readwell-firefox-ext-'));
  cpSync(src, extDir, { recursive: true });
  writeFileSync(join(extDir, 'manifest.json'), JSON.stringify({ ...manifest, host_permissions: ['http://127.0.0.1/*'] }, null, 2));
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath,
      headless: true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_UUID }),
        // Firefox's testing switch for the async clipboard: pages may read it without the
        // paste prompt, so a test can read back what "Copy" wrote.
        'dom.events.testing.asyncClipboard': true,
      },
    });
    const id = await browser.installExtension(extDir);
    if (id !== geckoId) throw new Error(`installed ${id}, expected ${geckoId}`);
    const b = browser;
    return {
      browser: b,
      geckoId,
      base: `moz-extension://${FIREFOX_UUID}`,
      async close() {
        await b.close().catch(() => {});
        rmSync(extDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await browser?.close().catch(() => {});
    rmSync(extDir, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Opens an extension page in a new tab. Navigating to moz-extension:// over BiDi loads the page
 * but never reports the load event, so this waits for the document instead.
 */
export async function openExtensionPage(ff: LaunchedFirefox, path: string): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.goto(`${ff.base}/${path}`, { timeout: 1_500 }).catch(() => {});
  await page.waitForFunction(() => document.readyState === 'complete' && typeof (globalThis as { browser?: unknown }).browser === 'object', { timeout: 10_000 });
  return page;
}

export async function ffScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotsDir, { recursive: true });
  const path = join(screenshotsDir, `${name}.png`);
  await page.screenshot({ path: path as `${string}.png` });
  return path;
}
