// A script-built page's <noscript> fallback read as the page when it is the page (noscript-shell.ts):
// in a browser, where <noscript> holds its markup as text, and without layering it over posts the
// page's scripts already rendered.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/index';
import { openNoscriptShell } from '../../src/core/noscript-shell';
import { disarmSubtree } from '../../src/core/inert-copy';
import { page, prose } from './page';

const SHELL = '<header><a href="/">Forum</a> <a href="/login">Log in</a></header><div id="app"></div>';

/** The page as a browser with scripting on parses it: the fallback is one text node of markup. */
function asBrowserParsed(doc: Document): Document {
  for (const noscript of Array.from(doc.querySelectorAll('noscript'))) noscript.textContent = noscript.innerHTML;
  return doc;
}

describe('noscript shell', () => {
  it('reads a fallback parsed as markup (jsdom, the CLI) as the page', () => {
    const doc = page(`${SHELL}<noscript><h1>Thread</h1>${prose(4, 'chain wear')}</noscript>`);
    const result = extractArticle(doc, doc.URL);
    if (!result.ok) throw new Error(result.message);
    expect(result.article.text).toContain('Paragraph 4 about chain wear');
  });

  it('reads a fallback held as text (a browser with scripting on) as the page', () => {
    const doc = asBrowserParsed(page(`${SHELL}<noscript><h1>Thread</h1>${prose(4, 'chain wear')}</noscript>`));
    expect(doc.querySelector('noscript')!.children).toHaveLength(0);
    const result = extractArticle(doc, doc.URL);
    if (!result.ok) throw new Error(result.message);
    expect(result.article.text).toContain('Paragraph 1 about chain wear');
    expect(result.article.text).toContain('Paragraph 4 about chain wear');
  });

  it('is off without the step: Readability drops <noscript>, and the shell has no article', () => {
    const doc = asBrowserParsed(page(`${SHELL}<noscript>${prose(4, 'chain wear')}</noscript>`));
    expect(extractArticle(doc, doc.URL, { disabledRules: ['noscript-shell'] }).ok).toBe(false);
  });

  it('leaves the fallback closed when the page already shows the same posts', () => {
    const doc = asBrowserParsed(page(`${SHELL}<main>${prose(4, 'chain wear')}</main><noscript>${prose(4, 'chain wear')}</noscript>`));
    const result = extractArticle(doc, doc.URL);
    if (!result.ok) throw new Error(result.message);
    expect(result.article.text.match(/Paragraph 1 about chain wear/g)).toHaveLength(1);
  });

  it('disarms what the fallback brings before it joins the copy: no handler, no script URL', () => {
    const payload = `<p><img src="x.png" onerror="window.__pwned=1"><a href="javascript:window.__pwned=2">link</a></p>`;
    const doc = asBrowserParsed(page(`${SHELL}<noscript>${payload}${prose(4, 'chain wear')}</noscript>`));
    expect(openNoscriptShell(doc, disarmSubtree)).toBe(1);
    expect(doc.querySelector('noscript')).toBeNull();
    const img = doc.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('x.png');
    expect(img.hasAttribute('onerror')).toBe(false);
    const link = Array.from(doc.querySelectorAll('a')).find((a) => a.textContent === 'link')!;
    expect(link.hasAttribute('href')).toBe(false);
  });

  it('ignores short fallbacks ("enable JavaScript") beside a real article', () => {
    const doc = page(`<noscript><p>Please enable JavaScript to comment.</p></noscript><article>${prose(6)}</article>`);
    const result = extractArticle(doc, doc.URL);
    if (!result.ok) throw new Error(result.message);
    expect(result.article.text).not.toContain('enable JavaScript');
  });
});
