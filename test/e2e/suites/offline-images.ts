// Saved articles keep their pictures (issue 11, item 1), written once and run in both browsers
// (offline-images.chromium.e2e.ts, offline-images.firefox.e2e.ts): save a page with a srcset
// picture, a lazy one, a lead image and one its site no longer has, take the site down, and read
// it in the offline reader: every kept picture shows from the library's copy, the missing one is
// named, and not one request reaches the site or even tries to (no CSP report). Then export
// everything and as an EPUB (the pictures inside both), delete it, import the file back: the
// pictures come back with the article.
import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { readZip } from '../../../scripts/zip.mjs';
import type { BrowserHarness } from '../helpers/browser-harness.js';
import { solidPng } from '../helpers/png.js';
import { byTestId, clickPopup } from '../helpers/popup.js';
import { clickLocated, inPage, isShown, navigate, waitForLocation, type AnyPage } from '../helpers/tab.js';
import { until } from '../helpers/wait.js';
import { inItem, showsTitles } from './library.js';

const TITLE = 'The ferry that kept running';
/** Each picture its own size and colour: the size tells which one a page shows. */
const PICTURES = {
  'lead.png': solidPng(1200, 630, [196, 92, 48]),
  'ferry-small.png': solidPng(480, 270, [40, 96, 160]),
  'ferry-large.png': solidPng(1280, 720, [30, 72, 140]),
  'notebook.png': solidPng(640, 360, [64, 140, 88]),
};

/** The offline reader's pictures once all have loaded: [address scheme, width, height] each. */
function picturesShown(page: AnyPage): Promise<[string, number, number][]> {
  return until('the saved pictures to load', () => inPage(page, () => {
    const imgs = [...document.querySelectorAll('main img')] as HTMLImageElement[];
    if (imgs.length === 0 || !imgs.every((i) => i.complete)) return undefined;
    return imgs.map((i) => [new URL(i.src).protocol, i.naturalWidth, i.naturalHeight] as [string, number, number]);
  }), 15_000);
}

/** Back from the offline reader; the navigation starts after the call returns, so no evaluation is cut off by it. */
async function backToLibrary(page: AnyPage): Promise<void> {
  await inPage(page, () => void setTimeout(() => history.back(), 0));
  await waitForLocation(page, '/library.html');
  await showsTitles(page, [TITLE]);
}

export function offlineImageTests<P extends AnyPage>(h: BrowserHarness<P>): void {
  test('a saved article shows every picture with its site down, asking the network for nothing; export, wipe and import keep them', async () => {
    for (const [name, png] of Object.entries(PICTURES)) h.server.addPage(`/pictures/${name}`, png, 'image/png');
    const page = await h.openPage(h.server.e2e('photo-story.html'));
    const popup = await h.openPopup(page);
    // gone.png is not on the site: the one picture that cannot be kept, and the notice says so.
    const said = await clickPopup(popup, 'popup-save', `Saved “${TITLE}”`);
    expect(said).toContain('1 image could not be kept for reading offline.');
    await popup.close();
    await page.close();

    // The site is gone from here on.
    h.server.setReachable(false);
    const asked = h.server.requests.length;
    await h.watchCsp();
    const library = await h.openLibrary();
    await showsTitles(library, [TITLE]);
    await inItem(library, TITLE, 'library-open');
    await waitForLocation(library, '/reader.html?id=');
    // The lead image (not in the article), the srcset's 1280w candidate, the lazy picture's real file.
    expect(await picturesShown(library)).toEqual([['blob:', 1200, 630], ['blob:', 1280, 720], ['blob:', 640, 360]]);
    expect(await inPage(library, () => document.querySelector('[data-testid="reader-page-content"]')!.textContent)).toContain('eight volumes long');
    // In its place a line with its description; nothing asked for it (no CSP report below either).
    expect(await inPage(library, () => document.querySelector('[data-testid="missing-image"]')?.textContent)).toBe('Image not saved: The old slipway');
    await h.screenshot(library, 'offline-pictures');
    expect(h.server.requests.slice(asked)).toEqual([]);
    expect(await h.cspReports()).toEqual([]);

    // Export all, delete, import: the same article with the same pictures, still without the site.
    await backToLibrary(library);
    const json = await h.download(library, () => library.click(byTestId('library-export-json')));
    const exported = JSON.parse(readFileSync(json.path, 'utf8'));
    expect(Object.keys(exported.images)).toHaveLength(3);
    const text = exported.articles[0].text;
    // The EPUB of it holds the same three pictures, byte for byte, and links only the one not kept.
    const epub = readZip((await h.download(library, () => clickLocated(library, byTestId('library-export-epub-one')))).path);
    const inBook = [...epub.keys()].filter((k) => k.startsWith('OEBPS/images/')).map((k) => epub.get(k)!.toString('base64')).sort();
    expect(inBook).toEqual(Object.values(exported.images as Record<string, { data: string }>).map((i) => i.data).sort());
    const chapter = epub.get('OEBPS/article-1.xhtml')!.toString('utf8');
    expect(chapter.match(/class="media-left-out"[^>]*>[^<]*/g)).toEqual([expect.stringContaining('The old slipway')]);
    await inItem(library, TITLE, 'library-delete');
    await showsTitles(library, []);
    await navigate(library);
    await until('the empty library', () => isShown(library, byTestId('library-empty')));
    await h.setInputFile(library, byTestId('library-import-input'), json.path);
    await until('the import report', async () => /Imported: 1 new\b/.test(await inPage(library, () => document.querySelector('[data-testid="library-import-report"]')?.textContent ?? '')));
    await inItem(library, TITLE, 'library-open');
    await waitForLocation(library, '/reader.html?id=');
    expect(await picturesShown(library)).toEqual([['blob:', 1200, 630], ['blob:', 1280, 720], ['blob:', 640, 360]]);
    await backToLibrary(library);
    const again = JSON.parse(readFileSync((await h.download(library, () => library.click(byTestId('library-export-json')))).path, 'utf8'));
    expect(again.articles[0].text).toBe(text);
    expect(again.images).toEqual(exported.images);
    expect(h.server.requests.slice(asked)).toEqual([]);
    h.server.setReachable(true);
  });
}
