// Issue 9, item 3: inputs that made a regular expression backtrack quadratically, through the
// code paths that met them (extraction, the CLI's nesting scan, Markdown and plain text). Each
// input is generated at two sizes; the work must grow like a linear scan of the same input
// (growth.ts), not like its square. Every pattern in src/ is also checked on its own in
// test/regex-linear.test.ts; these are the paths a page or a file actually reaches.
import { describe, expect, it } from 'vitest';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle, toMarkdown, toPlainText } from '../../src/core/index';
import { excessiveNesting } from '../../src/cli/nesting';
import { growth, MAX_GROWTH, type Sized } from '../helpers/growth';
import { fragment, prose } from '../core/page';

function pageWith(head: string, body: string): Sized<Document> {
  const html = `<!doctype html><html lang="en"><head><title>Harbour plan</title>${head}</head><body><article><h1>Harbour plan</h1>${body}${prose(4)}</article></body></html>`;
  return { input: new JSDOM(html, { url: 'https://news.example/a', virtualConsole: new VirtualConsole() }).window.document, text: html };
}

const extract = (doc: Document) => extractArticle(doc, doc.URL);

describe('extraction stays linear in attribute text (which no budget counts)', () => {
  it('<meta name=author> whose content is a long run of spaces (article-meta split)', () => {
    const g = growth((n) => pageWith(`<meta name="author" content="Ann${' '.repeat(n)}x">`, ''), extract, 3_000);
    expect(g.growth, JSON.stringify(g)).toBeLessThan(MAX_GROWTH);
  });

  it('an <svg width> that is a number and then a long run of spaces (svg-icons size)', () => {
    const g = growth((n) => pageWith('', `<p>Figure <svg width="1${' '.repeat(n)}x" height="1"><path d="M0 0"/></svg> shown.</p>`), extract, 3_000);
    expect(g.growth, JSON.stringify(g)).toBeLessThan(MAX_GROWTH);
  });

  it('an <img src> made of spacer words without an extension (lazy-images placeholder test)', () => {
    const g = growth((n) => pageWith('', `<p><img data-src="https://img.example/${'spacer-'.repeat(n / 7)}" src="https://img.example/a.jpg" alt="x"></p>`), extract, 12_000);
    expect(g.growth, JSON.stringify(g)).toBeLessThan(MAX_GROWTH);
  });
});

describe('the CLI nesting scan stays linear', () => {
  it('a page ending in a long run of "<a" with no ">"', () => {
    const make = (n: number): Sized<Buffer> => {
      const html = `<p>story</p>${'<a'.repeat(n / 2)}`;
      return { input: Buffer.from(html, 'latin1'), text: html };
    };
    const g = growth(make, (b) => excessiveNesting(b), 4_000);
    expect(g.growth, JSON.stringify(g)).toBeLessThan(MAX_GROWTH);
  });
});

describe('Markdown and plain text stay linear', () => {
  const sized = (html: (n: number) => string) => (n: number): Sized<DocumentFragment> => ({ input: fragment(html(n)), text: html(n) });

  it('a list item holding a long run of newlines before its last line (compactListItem)', () => {
    const g = growth(sized((n) => `<ul><li><pre>${'\n'.repeat(n)}x</pre></li></ul>`), toMarkdown, 3_000);
    expect(g.growth, JSON.stringify(g)).toBeLessThan(MAX_GROWTH);
  });

  it('a paragraph holding a long run of no-break spaces, and code a long run of blank lines (Turndown\'s own end trim)', () => {
    const g = growth(sized((n) => `<p>a${'\u00a0'.repeat(n)}b</p><pre>${'\n'.repeat(n)}x</pre>`), toMarkdown, 3_000);
    expect(g.growth, JSON.stringify(g)).toBeLessThan(MAX_GROWTH);
  });

  it('code holding a long run of tabs before its last character (trailing-blank trims)', () => {
    const g = growth(sized((n) => `<pre>${'\t'.repeat(n)}x\n</pre><p>${' '.repeat(n)}x</p>`), toPlainText, 3_000);
    expect(g.growth, JSON.stringify(g)).toBeLessThan(MAX_GROWTH);
  });
});
