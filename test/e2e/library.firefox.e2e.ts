// The saved-articles library in Firefox ESR (test build), where it lives in IndexedDB in the
// extension's moz-extension:// origin: save from the popup, find the seed article by a word of
// its paragraph 12 (and by the word with a typo, its snippet marked), read it in the offline
// reader, delete and undo, export both as one EPUB and all as JSON (real downloads), wipe, and
// import the file back. The same steps as library.chromium.e2e.ts.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { readZip } from '../../scripts/zip.mjs';
import { clickPopup, ffScreenshot, launchFirefox, newTabFrom, openPage, waitForLocation, type LaunchedFirefox } from './helpers/firefox.js';
import { SEED, seedParagraphs, seedTextProblems, seedTitle } from './helpers/seed.js';
import { startServer, type StaticServer } from './helpers/server.js';
import { until } from './helpers/wait.js';

const OTHER = 'icon-fonts--font-awesome-blog';
const OTHER_TITLE = 'What three winters of composting taught me about soil';

let server: StaticServer;
let ff: LaunchedFirefox;
beforeAll(async () => {
  server = await startServer();
  ff = await launchFirefox();
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

const byTestId = (id: string) => `[data-testid="${id}"]`;

async function saveFromPopup(slug: string, title: string): Promise<void> {
  const page = await openPage(ff, server.fixture(slug));
  const popup = await ff.popupFor(page);
  await clickPopup(popup, 'popup-save', new RegExp(`Saved “${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”`));
  await popup.close();
  await page.close();
}

const titles = (library: Page) => library.$$eval(byTestId('library-item-title'), (els) => els.map((e) => (e as HTMLElement).innerText));
const showsTitles = (library: Page, want: string[]) => until(`the library to list ${JSON.stringify(want)}`, async () => JSON.stringify(await titles(library)) === JSON.stringify(want), 10_000);
const visible = (page: Page, testid: string) => page.$eval(byTestId(testid), (e) => (e as HTMLElement).checkVisibility()).catch(() => false);

/** Types into the search box as a user does (select all, then type; empty clears it). */
async function search(library: Page, text: string): Promise<void> {
  await library.locator(byTestId('library-search')).fill(text);
}

/**
 * Clicks `testid` inside the list item titled `title`. The item is found by its article id and
 * clicked through a locator, which finds the element again at the moment of the click: holding an
 * element handle across a re-render (indexing finished, another tab saved) would click a detached
 * node. The page also keeps unchanged items across renders (src/library/keyed-list.ts).
 */
async function inItem(library: Page, title: string, testid: string): Promise<void> {
  const id = await library.$$eval(byTestId('library-item'), (items, want) => items.find((item) => (item.querySelector('[data-testid="library-item-title"]') as HTMLElement | null)?.innerText === want)?.getAttribute('data-id') ?? null, title);
  if (!id || !/^[\w-]+$/.test(id)) throw new Error(`no library item titled ${title} (or an id a selector cannot hold: ${id})`);
  await library.locator(`[data-id="${id}"] ${byTestId(testid)}`).click();
}

async function readsOffline(library: Page): Promise<string> {
  await waitForLocation(library, '/reader.html?id=');
  return until('the saved article', () => library.$eval(byTestId('reader-page-content'), (e) => (e as HTMLElement).innerText).catch(() => undefined));
}

test('save from the popup, search, read offline, delete and undo, export, wipe and re-import', async () => {
  await saveFromPopup(OTHER, OTHER_TITLE);
  await saveFromPopup(SEED, seedTitle);

  // Open the library from the popup, as a user does: the background opens it in a new tab.
  const seedTab = await openPage(ff, `${server.fixture(SEED)}?library`);
  const popup = await ff.popupFor(seedTab);
  const library = await newTabFrom(ff, () => clickPopup(popup, 'popup-open-library'), '/library.html');
  await showsTitles(library, [seedTitle, OTHER_TITLE]); // newest first
  await ffScreenshot(library, 'firefox-library-list');

  // Full-text search: a word that only paragraph 12 of the seed article has.
  expect(seedParagraphs[11]).toContain('triggered');
  await search(library, 'triggered');
  await showsTitles(library, [seedTitle]);
  // One letter missing still finds it, and its snippet marks the word that matched.
  await search(library, 'triggerd');
  await showsTitles(library, [seedTitle]);
  await until('the snippet to mark "triggered"', async () => (await library.$$eval(`${byTestId('library-snippet')} mark`, (marks) => marks.map((m) => (m as HTMLElement).innerText))).includes('triggered'));
  await search(library, 'zzqxnotaword');
  await until('"nothing found"', () => visible(library, 'library-empty'));
  await search(library, 'triggered');
  await showsTitles(library, [seedTitle]);

  // Read it in the offline reader.
  await library.click(byTestId('library-open'));
  expect(seedTextProblems(await readsOffline(library))).toEqual([]);
  expect(await library.$eval(byTestId('reader-page-title'), (e) => (e as HTMLElement).innerText)).toBe(seedTitle);
  await ffScreenshot(library, 'firefox-offline-reader');
  await library.evaluate(() => history.back());
  await waitForLocation(library, '/library.html');
  await search(library, '');
  await showsTitles(library, [seedTitle, OTHER_TITLE]);

  // Delete, then undo.
  await inItem(library, seedTitle, 'library-delete');
  await showsTitles(library, [OTHER_TITLE]);
  await library.click(byTestId('library-undo'));
  await showsTitles(library, [seedTitle, OTHER_TITLE]);

  // Tick both articles and export them as one EPUB: a real download that starts as an EPUB must.
  for (const title of [seedTitle, OTHER_TITLE]) await inItem(library, title, 'library-select');
  await until('the export button to count two', async () => (await library.$eval(byTestId('library-export-epub'), (e) => (e as HTMLElement).innerText)) === 'Export 2 selected (EPUB)');
  await library.click(byTestId('library-export-epub'));
  const epubFile = await until('the exported EPUB', () => {
    const done = readdirSync(ff.downloadsDir).filter((f) => f.endsWith('.epub'));
    return done.length === 1 && !existsSync(join(ff.downloadsDir, `${done[0]}.part`)) ? join(ff.downloadsDir, done[0]!) : undefined;
  }, 10_000);
  const book = await until('the EPUB written', () => (readFileSync(epubFile).length ? readZip(epubFile) : undefined));
  expect(readFileSync(epubFile).subarray(30, 58).toString('latin1')).toBe('mimetypeapplication/epub+zip');
  const chapters = [...book.keys()].filter((k) => /article-\d+\.xhtml$/.test(k)).map((k) => book.get(k)!.toString('utf8'));
  expect(chapters).toHaveLength(2);
  expect(chapters.join('\n')).toContain('triggered a sharp reaction');

  // Export everything as JSON: Firefox saves the download (prefs in helpers/firefox.ts).
  await library.click(byTestId('library-export-json'));
  const file = await until('the exported file', () => {
    const done = readdirSync(ff.downloadsDir).filter((f) => f.endsWith('.json'));
    return done.length === 1 && !existsSync(join(ff.downloadsDir, `${done[0]}.part`)) ? join(ff.downloadsDir, done[0]!) : undefined;
  }, 10_000);
  const exported = await until('the file written', () => readFileSync(file, 'utf8') || undefined);
  expect(exported).toContain('triggered a sharp reaction');
  expect(exported).toContain(OTHER_TITLE);

  // Wipe the library, then import the file back.
  for (const title of [seedTitle, OTHER_TITLE]) await inItem(library, title, 'library-delete');
  await showsTitles(library, []);
  await library.evaluate(() => location.reload());
  await waitForLocation(library, '/library.html');
  await until('the empty library', () => visible(library, 'library-empty'));
  const input = (await library.$(byTestId('library-import-input'))) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
  await until('the import report', async () => /Imported: 2 new\b/.test(await library.$eval(byTestId('library-import-report'), (e) => (e as HTMLElement).innerText)));
  await showsTitles(library, [seedTitle, OTHER_TITLE]);
  await ffScreenshot(library, 'firefox-library-imported');

  // The re-imported article reads the same offline.
  await inItem(library, seedTitle, 'library-open');
  expect(seedTextProblems(await readsOffline(library))).toEqual([]);
});
