// The CLI decodes page bytes as a browser ends up doing: BOM, then a <meta> charset wherever it
// sits in the head, then UTF-8 when the bytes are valid UTF-8, else windows-1252.
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../src/cli/decode';

const latin1Bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('decodeHtml', () => {
  it('finds a <meta charset> declared after 6,000 bytes of head (past the 1,024-byte prescan)', () => {
    const filler = `<meta name="x" content="${'a'.repeat(6000)}">`;
    const bytes = latin1Bytes(`<html><head>${filler}<meta charset="iso-8859-1"><title>Caf\xe9</title></head><body>na\xefve</body></html>`);
    const out = decodeHtml(bytes);
    expect(out.source).toBe('meta');
    expect(out.text).toContain('<title>Café</title>');
    expect(out.text).toContain('naïve');
  });

  it('reads the charset from http-equiv Content-Type', () => {
    const bytes = latin1Bytes(`<head><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1252"></head><p>\x93quoted\x94</p>`);
    expect(decodeHtml(bytes).text).toContain('\u201cquoted\u201d');
  });

  it('lets a byte-order mark win over a wrong declaration', () => {
    const body = new TextEncoder().encode('<meta charset="windows-1252"><p>Zürich</p>');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...body]);
    const out = decodeHtml(bytes);
    expect(out.source).toBe('bom');
    expect(out.text).toBe('<meta charset="windows-1252"><p>Zürich</p>');
  });

  it('ignores a declaration that only appears in the body', () => {
    const html = '<html><head><title>t</title></head><body><p>Zürich</p><meta charset="windows-1251"></body></html>';
    const out = decodeHtml(new TextEncoder().encode(html));
    expect(out.source).toBe('utf-8');
    expect(out.text).toContain('Zürich');
  });

  it('treats a declared UTF-16 as UTF-8, as the HTML standard does for meta tags', () => {
    const out = decodeHtml(new TextEncoder().encode('<meta charset="utf-16"><p>Zürich</p>'));
    expect(out.encoding).toBe('utf-8');
    expect(out.text).toContain('Zürich');
  });

  it('falls back to windows-1252 for undeclared bytes that are not UTF-8', () => {
    const out = decodeHtml(latin1Bytes('<p>Gr\xfc\xdfe</p>'));
    expect(out.source).toBe('fallback');
    expect(out.text).toBe('<p>Grüße</p>');
  });

  it('skips an unknown label and uses the next declaration', () => {
    const out = decodeHtml(latin1Bytes('<meta charset="no-such-thing"><meta charset="latin1"><p>\xe9</p>'));
    expect(out.text).toContain('<p>é</p>');
  });
});
