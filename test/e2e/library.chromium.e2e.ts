// The saved-articles library in real headless Chromium (test build): save from the popup, find
// the seed article by a word of its paragraph 12 (and by the word with a typo, its snippet marked),
// read it offline, delete and undo, export both as one EPUB and all as JSON, wipe, and import the
// file back.
import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { readZip } from '../../scripts/zip.mjs';
import { screenshot } from './helpers/chromium.js';
import { byTestId, popupText } from './helpers/popup.js';
import { SEED, seedParagraphs, seedTextProblems, seedTitle } from './helpers/seed.js';
import { useChromium } from './helpers/use-chromium.js';

const OTHER = 'icon-fonts--font-awesome-blog';
const OTHER_TITLE = 'What three winters of composting taught me about soil';

const chromium = useChromium('chrome-test');

async function saveFromPopup(slug: string, title: string): Promise<void> {
  const page = await chromium.openPage(chromium.server.fixture(slug));
  const popup = await chromium.openPopup(page);
  await popup.locator(byTestId('popup-save')).click();
  await expect.poll(() => popupText(popup, ['popup-message'])).toContain(`Saved “${title}”`);
  await popup.close();
  await page.close();
}

const titles = (library: Page) => library.locator(byTestId('library-item-title')).allInnerTexts();

test('save from the popup, search, read offline, delete and undo, export and re-import', async () => {
  await saveFromPopup(OTHER, OTHER_TITLE);
  await saveFromPopup(SEED, seedTitle);

  // Open the library from the popup, as a user does.
  const seedTab = await chromium.openSeed();
  const popup = await chromium.openPopup(seedTab);
  const [library] = await Promise.all([chromium.l.ctx.waitForEvent('page'), popup.locator(byTestId('popup-open-library')).click()]);
  await library.waitForURL(/\/library\.html/);
  await expect.poll(() => titles(library)).toEqual([seedTitle, OTHER_TITLE]); // newest first
  await screenshot(library, 'chrome-library-list');

  // Full-text search: a word that only paragraph 12 of the seed article has.
  expect(seedParagraphs[11]).toContain('triggered');
  await library.locator(byTestId('library-search')).fill('triggered');
  await expect.poll(() => titles(library)).toEqual([seedTitle]);
  await screenshot(library, 'chrome-library-search');
  // One letter missing still finds it, and its snippet marks the word that matched.
  await library.locator(byTestId('library-search')).fill('triggerd');
  await expect.poll(() => titles(library)).toEqual([seedTitle]);
  await expect.poll(() => library.locator(`${byTestId('library-snippet')} mark`).allInnerTexts()).toContain('triggered');
  await screenshot(library, 'chrome-library-typo-search');
  await library.locator(byTestId('library-search')).fill('zzqxnotaword');
  await expect(library.locator(byTestId('library-empty')).isVisible()).resolves.toBe(true);
  await library.locator(byTestId('library-search')).fill('triggered');
  await expect.poll(() => titles(library)).toEqual([seedTitle]);

  // Read it in the offline reader.
  await library.locator(byTestId('library-open')).first().click();
  await library.waitForURL(/\/reader\.html\?id=/);
  await expect(library.locator(byTestId('reader-page-title')).innerText()).resolves.toBe(seedTitle);
  expect(seedTextProblems(await library.locator(byTestId('reader-page-content')).innerText())).toEqual([]);
  await screenshot(library, 'chrome-offline-reader');
  await library.goBack();
  await library.waitForURL(/\/library\.html/);
  await library.locator(byTestId('library-search')).fill('');
  await expect.poll(() => titles(library)).toEqual([seedTitle, OTHER_TITLE]);

  // Delete, then undo.
  await library.locator(byTestId('library-item')).filter({ hasText: seedTitle }).locator(byTestId('library-delete')).click();
  await expect.poll(() => titles(library)).toEqual([OTHER_TITLE]);
  await library.locator(byTestId('library-undo')).click();
  await expect.poll(() => titles(library)).toEqual([seedTitle, OTHER_TITLE]);

  // Tick both articles and export them as one EPUB: a real download, a zip that starts as EPUB must.
  for (const title of [seedTitle, OTHER_TITLE]) await library.locator(byTestId('library-item')).filter({ hasText: title }).locator(byTestId('library-select')).check();
  await expect(library.locator(byTestId('library-export-epub')).innerText()).resolves.toBe('Export 2 selected (EPUB)');
  const [epubDownload] = await Promise.all([library.waitForEvent('download'), library.locator(byTestId('library-export-epub')).click()]);
  expect(epubDownload.suggestedFilename()).toMatch(/^readwell-articles-\d{4}-\d\d-\d\d\.epub$/);
  const epubPath = await epubDownload.path();
  expect(readFileSync(epubPath).subarray(30, 58).toString('latin1')).toBe('mimetypeapplication/epub+zip');
  const book = readZip(epubPath);
  expect(book.get('OEBPS/nav.xhtml')!.toString('utf8')).toContain(OTHER_TITLE);
  const chapters = [...book.keys()].filter((k) => /article-\d+\.xhtml$/.test(k)).map((k) => book.get(k)!.toString('utf8'));
  expect(chapters).toHaveLength(2);
  expect(chapters.join('\n')).toContain('triggered a sharp reaction');

  // Export everything as JSON.
  const [download] = await Promise.all([library.waitForEvent('download'), library.locator(byTestId('library-export-json')).click()]);
  const file = await download.path();
  const exported = readFileSync(file, 'utf8');
  expect(exported).toContain('triggered a sharp reaction');
  expect(exported).toContain(OTHER_TITLE);

  // Wipe the library, then import the file back.
  for (const title of [seedTitle, OTHER_TITLE]) {
    await library.locator(byTestId('library-item')).filter({ hasText: title }).locator(byTestId('library-delete')).click();
  }
  await expect.poll(() => titles(library)).toEqual([]);
  await library.reload();
  await expect.poll(() => library.locator(byTestId('library-empty')).isVisible()).toBe(true);
  await library.locator(byTestId('library-import-input')).setInputFiles(file);
  await expect.poll(() => library.locator(byTestId('library-import-report')).innerText()).toMatch(/Imported: 2 new\b/);
  await expect.poll(() => titles(library)).toEqual([seedTitle, OTHER_TITLE]);
  await screenshot(library, 'chrome-library-imported');

  // The re-imported article reads the same offline.
  await library.locator(byTestId('library-item')).filter({ hasText: seedTitle }).locator(byTestId('library-open')).click();
  await library.waitForURL(/\/reader\.html\?id=/);
  expect(seedTextProblems(await library.locator(byTestId('reader-page-content')).innerText())).toEqual([]);
  await popup.close();
  await seedTab.close();
});
