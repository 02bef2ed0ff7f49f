// @vitest-environment jsdom
// EPUB export: the container as the format requires it, well-formed XHTML from hostile records,
// images linked and never fetched, and epubcheck (Debian's package, installed by
// scripts/setup.sh) on a book of every fixture page and every hostile page, as a saved article.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readZip } from '../../scripts/zip.mjs';
import { extractArticle } from '../../src/core/index';
import { buildEpub } from '../../src/library/epub';
import { recordFromDraft, type ArticleRecord } from '../../src/shared/article-record';
import { listFixtures, loadDocument } from '../helpers/fixtures';
import { PAGES, loadPage, urlOf } from '../hostile/corpus';
import { record } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'readwell-epub-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NOW = new Date('2025-03-04T05:06:07.890Z');
const UUID = '0f8fad5b-d9cb-469f-a165-70867728950e';

function write(name: string, records: ArticleRecord[]): { file: string; bytes: Uint8Array; files: Map<string, string> } {
  const bytes = buildEpub(records, document, { now: NOW, uuid: UUID, images: IMAGES }).bytes;
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return { file, bytes, files: new Map([...readZip(file)].map(([k, v]) => [k, v.toString('utf8')])) };
}

/** Parses as XML the way an e-reader does; throws on anything not well-formed. */
function parseXml(text: string): Document {
  const parsed = new DOMParser().parseFromString(text, 'application/xhtml+xml');
  const error = parsed.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed: ${error.textContent}`);
  return parsed;
}

/** A real PNG header's worth of bytes, and its record entry: enough for a reader to know the file, and for epubcheck. */
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde]);
const HASH = 'a'.repeat(64);
const AVIF_HASH = 'b'.repeat(64);
const IMAGES = new Map([
  [HASH, { hash: HASH, type: 'image/png' as const, data: PNG.buffer }],
  [AVIF_HASH, { hash: AVIF_HASH, type: 'image/avif' as const, data: new Uint8Array([0, 0, 0, 28, 0x66, 0x74, 0x79, 0x70, 0x61, 0x76, 0x69, 0x66]).buffer }],
]);
const pictured = record(8, {
  html: '<p>The crane at work.</p><figure><img src="https://images.example/crane-800.png" srcset="https://images.example/crane-400.png 400w, https://images.example/crane-1600.png 1600w" alt="The crane"><figcaption>The crane</figcaption></figure>'
    + '<p><img src="https://images.example/new.avif" alt="New format"></p><p><img src="https://images.example/not-kept.png" alt="Not kept"></p>',
  images: [
    { url: 'https://images.example/crane-1600.png', hash: HASH, type: 'image/png', bytes: PNG.length },
    { url: 'https://images.example/new.avif', hash: AVIF_HASH, type: 'image/avif', bytes: 12 },
  ],
});

const hostile = record(7, {
  title: '<b>Bold</b> & “title”\u0007',
  byline: 'Ada & <Co>',
  html: '<p id="x">Safe\u0001 text &amp; more <img src="https://images.example/a.png" alt="A crane" onerror="alert(1)"></p>'
    + '<script>alert(2)</script><a href="javascript:alert(3)">bad link</a> <a href="#x">to x</a> <a href="#missing">to nowhere</a>'
    + '<p id="x">duplicate id</p><svg><text>icon</text></svg><picture><source srcset="https://images.example/b.webp"><img src="https://images.example/b.png"></picture>'
    + '<a href="https://example.com/"><img src="https://images.example/c.png" alt="linked"></a><table><tr><td colspan="2" onclick="x()">cell</td></tr></table>',
});

describe('EPUB export', () => {
  it('writes mimetype first and stored, the container, and a package with a unique identifier and dcterms:modified', () => {
    const { bytes, files } = write('one.epub', [record(1)]);
    const head = new TextDecoder().decode(bytes.slice(0, 58));
    expect(head.slice(30, 38)).toBe('mimetype');
    expect(head.slice(38)).toBe('application/epub+zip');
    expect(new DataView(bytes.buffer).getUint16(8, true)).toBe(0); // stored
    expect([...files.keys()]).toEqual(['mimetype', 'META-INF/container.xml', 'OEBPS/content.opf', 'OEBPS/nav.xhtml', 'OEBPS/style.css', 'OEBPS/article-1.xhtml']);
    const container = parseXml(files.get('META-INF/container.xml')!);
    expect(container.querySelector('rootfile')!.getAttribute('full-path')).toBe('OEBPS/content.opf');
    const opf = parseXml(files.get('OEBPS/content.opf')!);
    expect(opf.documentElement.getAttribute('unique-identifier')).toBe('uid');
    expect(opf.getElementById('uid')!.textContent).toBe(`urn:uuid:${UUID}`);
    expect(opf.querySelector('meta[property="dcterms:modified"]')!.textContent).toBe('2025-03-04T05:06:07Z');
    expect(opf.getElementsByTagName('dc:title')[0]!.textContent).toBe('Story number 1');
    const chapter = parseXml(files.get('OEBPS/article-1.xhtml')!);
    expect(chapter.querySelector('h1')!.textContent).toBe('Story number 1');
    expect(chapter.body.textContent).toContain('The harbour crane lifted container number 1.');
  });

  it('a chosen set is one book, a chapter each in the order chosen, listed in the navigation document', () => {
    const { files } = write('set.epub', [record(3), record(1, { title: 'Ferry & harbour' })]);
    const nav = parseXml(files.get('OEBPS/nav.xhtml')!);
    expect([...nav.querySelectorAll('nav li a')].map((a) => [a.getAttribute('href'), a.textContent])).toEqual([
      ['article-1.xhtml', 'Story number 3'],
      ['article-2.xhtml', 'Ferry & harbour'],
    ]);
    expect(parseXml(files.get('OEBPS/content.opf')!).getElementsByTagName('dc:title')[0]!.textContent).toBe('Readwell: 2 saved articles (2025-03-04)');
  });

  it('turns hostile records into well-formed XHTML with nothing active, and links images instead of fetching them', () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    const { files } = write('hostile.epub', [hostile]);
    expect(fetch).not.toHaveBeenCalled();
    const chapter = parseXml(files.get('OEBPS/article-1.xhtml')!);
    expect(chapter.querySelector('h1')!.textContent).toBe('<b>Bold</b> & “title”');
    expect(chapter.querySelector('.byline')!.textContent).toBe('Ada & <Co>');
    expect(chapter.querySelectorAll('script, img, svg, picture, source, [onerror], [onclick]')).toHaveLength(0);
    expect([...chapter.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://example.com/story-7', 'https://images.example/a.png', null, '#user-content-x', null, 'https://images.example/b.png', 'https://example.com/',
    ]);
    expect([...chapter.querySelectorAll('.media-left-out')].map((e) => e.textContent)).toEqual(['[Image: A crane]', '[Image]', '[Image: linked]']);
    expect(chapter.querySelector('.note')!.textContent).toBe('3 images or media items are not in this book; each is linked where it was, at its original site.');
    expect(chapter.querySelectorAll('[id="user-content-x"]')).toHaveLength(1);
    expect(chapter.querySelector('td')!.getAttribute('colspan')).toBe('2');
    expect(chapter.body.textContent).toContain('Safe text & more');
  });

  it('puts the pictures the library kept in the book, once each; formats readers need not show, and pictures not kept, are linked', () => {
    const { files } = write('pictured.epub', [pictured, { ...pictured, id: 'again', url: 'https://example.com/again' }]);
    const chapter = parseXml(files.get('OEBPS/article-1.xhtml')!);
    expect([...chapter.querySelectorAll('img')].map((i) => [i.getAttribute('src'), i.getAttribute('alt')])).toEqual([[`images/${HASH}.png`, 'The crane']]);
    expect([...chapter.querySelectorAll('.media-left-out')].map((e) => e.textContent)).toEqual(['[Image: New format]', '[Image: Not kept]']);
    expect([...files.keys()].filter((k) => k.includes('images/'))).toEqual([`OEBPS/images/${HASH}.png`]);
    expect(files.get('OEBPS/content.opf')).toContain(`<item id="image-1" href="images/${HASH}.png" media-type="image/png"/>`);
  });

  it('passes epubcheck: every fixture page and every hostile page, saved, in one book', { timeout: 120_000 }, () => {
    const records: ArticleRecord[] = [hostile, pictured];
    const add = (doc: Document, url: string) => {
      const result = extractArticle(doc, url);
      if (!result.ok) return;
      const saved = recordFromDraft(result.article, url, NOW.getTime(), `id-${records.length}`);
      if (saved.ok) records.push(saved.value);
    };
    for (const fixture of listFixtures()) add(loadDocument(fixture), fixture.url);
    for (const page of PAGES) add(loadPage(page, false).window.document, urlOf(page));
    expect(records.length).toBeGreaterThan(40);
    const { file } = write('corpus.epub', records);
    let report: string;
    try {
      report = execFileSync('java', ['-jar', '/usr/share/java/epubcheck.jar', file], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      const failed = e as { stdout?: string; stderr?: string; message: string };
      throw new Error(`epubcheck failed (installed by scripts/setup.sh: apt-get install epubcheck):\n${failed.stdout ?? ''}${failed.stderr ?? failed.message}`);
    }
    expect(report).toMatch(/No errors or warnings detected/);
  });
});
