// @vitest-environment jsdom
// Issue 9, item 5: the library's Markdown export wrote title, byline and address raw (a title
// `# <img src=x onerror=…>`, a `<script>` byline, an address that ended the `<…>` around it and
// started a javascript: link) while the clipboard escaped them. Every output now writes its
// heading through one function per format (core/article-heading.ts); this test sends the same
// hostile metadata through the clipboard, the library export and the CLI's renderer, and compares
// what each wrote.
import { describe, expect, it } from 'vitest';
import { buildPayload } from '../../src/content/payload';
import { articleHtml, articleMarkdown } from '../../src/library/article-export';
import { render } from '../../src/cli/render';
import type { Article } from '../../src/core/index';
import { record } from '../library/fixtures';
import { activeMarkdown, activeMarkupIn } from './corpus';

const TITLE = '# <img src=x onerror=alert(1)> *now* [click](javascript:alert(2))';
const BYLINE = '<script>alert(3)</script> & friends';
const URL_BREAKOUT = 'https://evil.example/a>[click](javascript:alert(4))<b>';

const body = () => {
  const t = document.createElement('template');
  t.innerHTML = '<p>The harbour plan passed on Tuesday after a long debate in the council chamber.</p>';
  return t.content;
};

const saved = record(1, { title: TITLE, byline: BYLINE, siteName: 'Site <i>x</i>', url: URL_BREAKOUT });
const article: Article = { title: TITLE, byline: BYLINE, siteName: null, publishedTime: null, lang: 'en', dir: 'ltr', excerpt: null,
  html: '<p>The harbour plan passed on Tuesday after a long debate in the council chamber.</p>', text: 'The harbour plan passed on Tuesday after a long debate in the council chamber.',
  wordCount: 14, readingMinutes: 1, leadImage: null, canonicalUrl: null, url: 'https://news.example/a', removals: [] };

const ESCAPED_TITLE = '# \\# \\<img src=x onerror=alert(1)\\> \\*now\\* \\[click\\](javascript:alert(2))';
const ESCAPED_BYLINE = '*\\<script\\>alert(3)\\</script\\> \\& friends*';

describe('Markdown: the same heading from the clipboard, the library export and the CLI', () => {
  const outputs = {
    clipboard: buildPayload(body(), 'markdown', { title: TITLE, byline: BYLINE }).plain,
    export: articleMarkdown(saved, document),
    cli: render(article, body(), 'markdown'),
  };

  it.each(Object.entries(outputs))('%s: title and byline escaped, nothing a renderer would run', (_name, md) => {
    const lines = md.split('\n\n');
    expect(lines[0]).toBe(ESCAPED_TITLE);
    expect(lines[1]).toBe(ESCAPED_BYLINE);
    expect(activeMarkdown(md)).toEqual([]);
  });

  it('the export writes site and address inside their own lines: the address cannot end its <…>', () => {
    const lines = outputs.export.split('\n\n');
    expect(lines[2]).toBe('*Site \\<i\\>x\\</i\\> · 2024-05-01*');
    expect(lines[3]).toBe('<https://evil.example/a%3E%5Bclick%5D%28javascript:alert%284%29%29%3Cb%3E>');
    expect(lines[3]!.slice(1, -1)).not.toMatch(/[<>\s()[\]]/);
  });
});

describe('HTML: the same heading as text from the clipboard, the library export and the CLI', () => {
  const outputs = {
    clipboard: buildPayload(body(), 'html', { title: TITLE, byline: BYLINE }).html!,
    export: articleHtml(saved, document),
    cli: render(article, body(), 'html'),
  };

  it.each(Object.entries(outputs))('%s', (_name, html) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelector('h1')!.textContent).toBe(TITLE);
    expect(doc.querySelector('.byline')!.textContent).toBe(BYLINE);
    expect(doc.querySelectorAll('img, script, i')).toHaveLength(0);
    expect(activeMarkupIn(doc.body)).toEqual([]);
  });

  it('the export links its source by the parsed address', () => {
    const doc = new DOMParser().parseFromString(outputs.export, 'text/html');
    expect(doc.querySelector('.source a')!.getAttribute('href')).toBe('https://evil.example/a%3E[click](javascript:alert(4))%3Cb%3E');
  });
});
