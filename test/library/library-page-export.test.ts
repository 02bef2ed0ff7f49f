// @vitest-environment jsdom
// The library page's exports against a real store over fake-indexeddb, started from its DOM: all
// as JSON, one article as Markdown or HTML from its item's buttons (list-actions.ts), one or the
// ticked articles as EPUB. The harness is page-harness.ts.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readZip } from '../../scripts/zip.mjs';
import { record } from './fixtures';
import { $, $$, catchDownloads, until, usePage } from './page-harness';

const lib = usePage();
const mount = () => lib.mount();

describe('library page exports', () => {
  it('exports all as a JSON download', async () => {
    await lib.store.importRecords([record(1)]);
    const page = await mount();
    const { blobs, clicks } = catchDownloads();
    await page.exportAll();
    expect(clicks).toEqual([expect.stringMatching(/^readwell-library-\d{4}-\d\d-\d\d\.json$/)]);
    const data = JSON.parse(await blobs[0]!.text());
    expect(data).toMatchObject({ format: 'readwell-library', version: 2, articles: [record(1)] });
  });

  it("downloads one article as Markdown or HTML from its item's buttons", async () => {
    await lib.store.importRecords([record(1)]);
    await mount();
    const { blobs, clicks } = catchDownloads();
    $$('library-item')[0]!.querySelector<HTMLButtonElement>('[data-action=export-md]')!.click();
    await until(() => expect(clicks).toHaveLength(1));
    $$('library-item')[0]!.querySelector<HTMLButtonElement>('[data-action=export-html]')!.click();
    await until(() => expect(clicks).toHaveLength(2));
    expect(clicks).toEqual([expect.stringMatching(/^Story number 1.*\.md$/), expect.stringMatching(/^Story number 1.*\.html$/)]);
    expect(await blobs[0]!.text()).toContain('The harbour crane lifted container number 1.');
    expect(await blobs[1]!.text()).toContain('<p>Paragraph about topic 1.');
  });

  it('exports one article, or the ticked ones, as an EPUB download; the selection outlives a search', async () => {
    await lib.store.importRecords([record(1), record(2, { text: 'A story about lighthouses.' }), record(3)]);
    const page = await mount();
    const { blobs, clicks } = catchDownloads();
    const chapters = async (blob: Blob) => {
      const file = join(mkdtempSync(join(tmpdir(), 'readwell-page-')), 'book.epub');
      writeFileSync(file, new Uint8Array(await blob.arrayBuffer()));
      const nav = readZip(file).get('OEBPS/nav.xhtml')!.toString('utf8');
      return [...nav.matchAll(/<li><a href="[^"]+">([^<]*)<\/a><\/li>/g)].map((m) => m[1]);
    };
    const button = $('library-export-epub') as HTMLButtonElement;
    expect(button.disabled).toBe(true);

    $$('library-export-epub-one')[2]!.click();
    await until(() => expect(clicks).toHaveLength(1));
    expect(clicks[0]).toBe('Story number 1.epub');
    expect(blobs[0]!.type).toBe('application/epub+zip');
    expect(await chapters(blobs[0]!)).toEqual(['Story number 1']);

    const tick = (i: number) => {
      const box = $$('library-select')[i] as HTMLInputElement;
      box.click(); // toggles and fires change, as a user's click does
    };
    tick(0);
    tick(2);
    expect(button.textContent).toBe('Export 2 selected (EPUB)');
    // A search that hides one of them, then clearing it: both are still ticked.
    const search = $('library-search') as HTMLInputElement;
    search.value = 'lighthouses';
    search.dispatchEvent(new Event('input'));
    search.value = '';
    search.dispatchEvent(new Event('input'));
    expect($$('library-select').map((b) => (b as HTMLInputElement).checked)).toEqual([true, false, true]);
    button.click();
    await until(() => expect(clicks).toHaveLength(2));
    expect(clicks[1]).toMatch(/^readwell-articles-\d{4}-\d\d-\d\d\.epub$/);
    expect(await chapters(blobs[1]!)).toEqual(['Story number 3', 'Story number 1']);
    // These articles show no pictures, so nothing is said about pictures left out.
    expect($('library-undo').closest<HTMLElement>('.toast')!.textContent).toMatch(/Exported 2 articles as EPUB\.(?! One| \d)/);

    // A deleted article leaves the selection.
    await page.delete('id-00003');
    expect(button.textContent).toBe('Export 1 selected (EPUB)');
  });
});
