// The saved-articles library (IndexedDB in the extension's origin), written once and run in both
// browsers (library.chromium.e2e.ts, library.firefox.e2e.ts): save from the popup, find the seed
// article by a word of its paragraph 12 (and by the word with a typo, its snippet marked), read it
// offline, delete and undo, export both as one EPUB and all as JSON (real downloads), wipe, and
// import the file back.
import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { readZip } from '../../../scripts/zip.mjs';
import type { BrowserHarness } from '../helpers/browser-harness.js';
import { byTestId, clickPopup } from '../helpers/popup.js';
import { SEED, seedParagraphs, seedTextProblems, seedTitle } from '../helpers/seed.js';
import { clickLocated, fill, inPage, isShown, navigate, textOf, textsOf, waitForLocation, type AnyPage } from '../helpers/tab.js';
import { until } from '../helpers/wait.js';

const OTHER = 'icon-fonts--font-awesome-blog';
const OTHER_TITLE = 'What three winters of composting taught me about soil';

const titles = (library: AnyPage) => textsOf(library, byTestId('library-item-title'));
export const showsTitles = (library: AnyPage, want: string[]) =>
  until(`the library to list ${JSON.stringify(want)}`, async () => JSON.stringify(await titles(library)) === JSON.stringify(want), 10_000);

/**
 * Clicks `testid` inside the list item titled `title`. The item is found by its article id and
 * clicked through a locator, which finds the element again at the moment of the click: holding an
 * element across a re-render (indexing finished, another tab saved) would click a detached node.
 * The page also keeps unchanged items across renders (src/library/keyed-list.ts).
 */
export async function inItem(library: AnyPage, title: string, testid: string): Promise<void> {
  const id = await inPage(library, (want) => [...document.querySelectorAll('[data-testid="library-item"]')]
    .find((item) => item.querySelector<HTMLElement>('[data-testid="library-item-title"]')?.innerText === want)?.getAttribute('data-id') ?? null, title);
  if (!id || !/^[\w-]+$/.test(id)) throw new Error(`no library item titled ${title} (or an id a selector cannot hold: ${id})`);
  await clickLocated(library, `[data-id="${id}"] ${byTestId(testid)}`);
}

/** The offline reader's article text, once its page has it. */
async function readsOffline(library: AnyPage): Promise<string> {
  await waitForLocation(library, '/reader.html?id=');
  return until('the saved article', async () => (await textOf(library, byTestId('reader-page-content'))) ?? undefined);
}

export function libraryTests<P extends AnyPage>(h: BrowserHarness<P>): void {
  async function saveFromPopup(slug: string, title: string): Promise<void> {
    const page = await h.openPage(h.server.fixture(slug));
    const popup = await h.openPopup(page);
    await clickPopup(popup, 'popup-save', `Saved “${title}”`);
    await popup.close();
    await page.close();
  }

  test('save from the popup, search, read offline, delete and undo, export and re-import', async () => {
    await saveFromPopup(OTHER, OTHER_TITLE);
    await saveFromPopup(SEED, seedTitle);

    // Open the library from the popup, as a user does: the background opens it in a new tab.
    const seedTab = await h.openSeed();
    const popup = await h.openPopup(seedTab);
    const library = await h.newTabFrom(() => clickPopup(popup, 'popup-open-library'), '/library.html');
    await showsTitles(library, [seedTitle, OTHER_TITLE]); // newest first
    await h.screenshot(library, 'library-list');

    // Full-text search: a word that only paragraph 12 of the seed article has.
    expect(seedParagraphs[11]).toContain('triggered');
    await fill(library, byTestId('library-search'), 'triggered');
    await showsTitles(library, [seedTitle]);
    await h.screenshot(library, 'library-search');
    // One letter missing still finds it, and its snippet marks the word that matched.
    await fill(library, byTestId('library-search'), 'triggerd');
    await showsTitles(library, [seedTitle]);
    await until('the snippet to mark "triggered"', async () => (await textsOf(library, `${byTestId('library-snippet')} mark`)).includes('triggered'));
    await h.screenshot(library, 'library-typo-search');
    await fill(library, byTestId('library-search'), 'zzqxnotaword');
    await until('"nothing found"', () => isShown(library, byTestId('library-empty')));
    await fill(library, byTestId('library-search'), 'triggered');
    await showsTitles(library, [seedTitle]);

    // Read it in the offline reader.
    await library.click(byTestId('library-open'));
    expect(seedTextProblems(await readsOffline(library))).toEqual([]);
    expect(await textOf(library, byTestId('reader-page-title'))).toBe(seedTitle);
    await h.screenshot(library, 'offline-reader');
    await inPage(library, () => history.back());
    await waitForLocation(library, '/library.html');
    await fill(library, byTestId('library-search'), '');
    await showsTitles(library, [seedTitle, OTHER_TITLE]);

    // Delete, then undo.
    await inItem(library, seedTitle, 'library-delete');
    await showsTitles(library, [OTHER_TITLE]);
    await library.click(byTestId('library-undo'));
    await showsTitles(library, [seedTitle, OTHER_TITLE]);

    // Tick both articles and export them as one EPUB: a real download that starts as an EPUB must.
    for (const title of [seedTitle, OTHER_TITLE]) await inItem(library, title, 'library-select');
    await until('the export button to count two', async () => (await textOf(library, byTestId('library-export-epub'))) === 'Export 2 selected (EPUB)');
    const epub = await h.download(library, () => library.click(byTestId('library-export-epub')));
    expect(epub.name).toMatch(/^readwell-articles-\d{4}-\d\d-\d\d\.epub$/);
    expect(readFileSync(epub.path).subarray(30, 58).toString('latin1')).toBe('mimetypeapplication/epub+zip');
    const book = readZip(epub.path);
    expect(book.get('OEBPS/nav.xhtml')!.toString('utf8')).toContain(OTHER_TITLE);
    const chapters = [...book.keys()].filter((k) => /article-\d+\.xhtml$/.test(k)).map((k) => book.get(k)!.toString('utf8'));
    expect(chapters).toHaveLength(2);
    expect(chapters.join('\n')).toContain('triggered a sharp reaction');

    // Export everything as JSON.
    const json = await h.download(library, () => library.click(byTestId('library-export-json')));
    const exported = readFileSync(json.path, 'utf8');
    expect(exported).toContain('triggered a sharp reaction');
    expect(exported).toContain(OTHER_TITLE);

    // Wipe the library, then import the file back.
    for (const title of [seedTitle, OTHER_TITLE]) await inItem(library, title, 'library-delete');
    await showsTitles(library, []);
    await navigate(library);
    await until('the empty library', () => isShown(library, byTestId('library-empty')));
    await h.setInputFile(library, byTestId('library-import-input'), json.path);
    await until('the import report', async () => /Imported: 2 new\b/.test((await textOf(library, byTestId('library-import-report'))) ?? ''));
    await showsTitles(library, [seedTitle, OTHER_TITLE]);
    await h.screenshot(library, 'library-imported');

    // The re-imported article reads the same offline.
    await inItem(library, seedTitle, 'library-open');
    expect(seedTextProblems(await readsOffline(library))).toEqual([]);
  });
}
