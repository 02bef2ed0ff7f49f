// @vitest-environment jsdom
// Issue 9, item 9: a relative <a href="popup.html?tabId=1"> in saved HTML survived sanitizing
// and, clicked in the offline reader (an extension page), opened the extension's own popup aimed
// at another tab. Links and media in saved HTML now resolve against the article's own address
// and stay only if they come out http(s) (mailto for links, #fragments inside the article).
import { describe, expect, it } from 'vitest';
import { renderArticle } from '../../src/library/reader-view';
import { articleHtml, articleMarkdown } from '../../src/library/article-export';
import { cleanRange } from '../../src/content/selection';
import { record } from './fixtures';

const HTML = [
  '<p>See <a href="popup.html?tabId=1">the popup</a>, <a href="/about">about</a>, <a href="//cdn.example/x">cdn</a>,',
  '<a href="chrome-extension://abcdefghijklmnop/library.html">library</a>, <a href="https://ok.example/a">ok</a>,',
  '<a href="mailto:desk@news.example">mail</a> and <a href="#fn1">note</a>.</p>',
  '<p><img src="reader.html" alt="pic" srcset="small.png 1x, library.html 2x"></p>',
].join('');

const ARTICLE_URL = 'https://news.example/world/story.html';
const hrefs = (root: ParentNode) => Array.from(root.querySelectorAll('a'), (a) => a.getAttribute('href'));

describe('links in saved HTML are absolute http(s), or dropped', () => {
  it('the offline reader resolves them against the article, never against the extension page', () => {
    const { content } = renderArticle(document, record(1, { url: ARTICLE_URL, html: HTML }));
    expect(hrefs(content)).toEqual([
      'https://news.example/world/popup.html?tabId=1',
      'https://news.example/about',
      'https://cdn.example/x',
      null,
      'https://ok.example/a',
      'mailto:desk@news.example',
      '#user-content-fn1',
    ]);
    // The picture was not kept with the article: the offline reader loads nothing and says so.
    expect(content.querySelector('img')).toBeNull();
    expect(content.querySelector('[data-testid=missing-image]')!.textContent).toBe('Image not saved: pic');
  });

  it('an article saved from a file: page keeps no relative links (they would resolve to files or to the extension)', () => {
    const { content } = renderArticle(document, record(2, { url: 'file:///home/me/story.html', html: HTML }));
    expect(hrefs(content)).toEqual([null, null, null, null, 'https://ok.example/a', 'mailto:desk@news.example', '#user-content-fn1']);
    expect(content.querySelector('img')).toBeNull();
  });

  it('the exports write the same absolute links', () => {
    const r = record(3, { url: ARTICLE_URL, html: HTML });
    expect(articleMarkdown(r, document)).toContain('[the popup](https://news.example/world/popup.html?tabId=1)');
    const page = new DOMParser().parseFromString(articleHtml(r, document), 'text/html');
    expect(hrefs(page)).toContain('https://news.example/world/popup.html?tabId=1');
    expect(hrefs(page).every((h) => h === null || /^(https?:|mailto:|#)/.test(h))).toBe(true);
    const img = page.querySelector('img')!;
    expect([img.getAttribute('src'), img.getAttribute('srcset')]).toEqual(['https://news.example/world/reader.html', 'https://news.example/world/small.png 1x, https://news.example/world/library.html 2x']);
  });

  it('a selection taken out of its page is resolved against the page, so a saved selection holds absolute links', () => {
    const doc = new DOMParser().parseFromString(`<!doctype html><base href="${ARTICLE_URL}"><body>${HTML}</body>`, 'text/html');
    const range = doc.createRange();
    range.selectNodeContents(doc.body);
    const fragment = cleanRange(range, document)!;
    expect(hrefs(fragment).slice(0, 3)).toEqual(['https://news.example/world/popup.html?tabId=1', 'https://news.example/about', 'https://cdn.example/x']);
  });
});
