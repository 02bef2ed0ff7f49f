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
  const bytes = buildEpub(records, document, { now: NOW, uuid: UUID });
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

  it('passes epubcheck: every fixture page and every hostile page, saved, in one book', { timeout: 120_000 }, () => {
    const records: ArticleRecord[] = [hostile];
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
