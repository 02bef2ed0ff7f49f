import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/index';
import { page, prose } from './page';

const SPRITE = '<svg style="position:absolute;width:0;height:0"><symbol id="i-cam"><title>icon camera</title><path d="M0 0"/></symbol></svg>';

describe('extractArticle', () => {
  it('never changes the document it is given', () => {
    const doc = page(`${SPRITE}<nav><a href="/">Home</a></nav><article><h1>Harbour plan</h1>${prose()}<div class="share"><a href="https://twitter.com/intent/tweet">Tweet</a></div></article>`);
    const before = doc.documentElement.outerHTML;
    const result = extractArticle(doc, doc.URL);
    expect(result.ok).toBe(true);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('returns clean content, text and the list of what was removed and why', () => {
    const doc = page(`${SPRITE}<article><h1>Harbour plan</h1><p><span class="material-icons">share</span></p>${prose()}</article>`);
    const result = extractArticle(doc, doc.URL);
    if (!result.ok) throw new Error(result.message);
    expect(result.article.text).toContain('Paragraph 6 about the harbour');
    expect(result.article.text).not.toMatch(/icon camera|\bshare\b/);
    expect(result.article.removals.map((r) => r.rule)).toEqual(expect.arrayContaining(['svg-icons', 'icon-fonts']));
    expect(result.article.removals.find((r) => r.rule === 'icon-fonts')).toMatchObject({ selector: 'span.material-icons', text: 'share' });
  });

  it('skips rules named in disabledRules', () => {
    const doc = page(`<article><h1>Harbour plan</h1><p>Tap <span class="material-icons">bookmark_border</span> to keep it.</p>${prose()}</article>`);
    const on = extractArticle(doc, doc.URL);
    const off = extractArticle(doc, doc.URL, { disabledRules: ['icon-fonts'] });
    expect(on.ok && on.article.text).not.toContain('bookmark_border');
    expect(off.ok && off.article.text).toContain('bookmark_border');
  });

  it('reports metadata as validated plain values', () => {
    const head = `<title>Harbour plan</title><link rel="canonical" href="/world/harbour-plan"><meta property="og:image" content="/img/lead.jpg">
      <meta property="article:published_time" content="2024-03-05T10:00:00Z"><meta property="og:site_name" content="The Example">`;
    const doc = page(`<article><h1>Harbour plan</h1><p class="byline">By Ann Example</p>${prose(8)}</article>`, head);
    const result = extractArticle(doc, doc.URL);
    if (!result.ok) throw new Error(result.message);
    const a = result.article;
    expect(a).toMatchObject({
      title: 'Harbour plan',
      byline: 'By Ann Example',
      siteName: 'The Example',
      publishedTime: '2024-03-05T10:00:00.000Z',
      lang: 'en',
      dir: 'ltr',
      leadImage: 'https://news.example/img/lead.jpg',
      canonicalUrl: 'https://news.example/world/harbour-plan',
      url: 'https://news.example/world/2024/story.html',
    });
    expect(a.wordCount).toBeGreaterThan(200);
    expect(a.readingMinutes).toBe(1);
  });

  it('makes image and link URLs absolute and resolves lazy images', () => {
    const doc = page(`<article><h1>Harbour plan</h1>${prose(3)}<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="../img/dawn.jpg" alt="Dawn"><figcaption>Dawn</figcaption></figure><p>See <a href="../map.html">the map</a> for the full route that the ferries will take next summer when the works begin.</p>${prose(3)}</article>`);
    const result = extractArticle(doc, doc.URL);
    if (!result.ok) throw new Error(result.message);
    expect(result.article.html).toContain('src="https://news.example/world/img/dawn.jpg"');
    expect(result.article.html).toContain('href="https://news.example/world/map.html"');
  });

  it('says plainly when there is no article', () => {
    const doc = page('<form><label>Email <input type="email"></label><button>Sign in</button></form>');
    expect(extractArticle(doc, doc.URL)).toEqual({ ok: false, reason: 'no-article', message: 'No article found on this page.' });
  });

  it('refuses pages over the element or depth budget with a clear message', () => {
    const doc = page(`<article>${prose()}</article>`);
    const big = extractArticle(doc, doc.URL, { maxElements: 5 });
    expect(big).toMatchObject({ ok: false, reason: 'too-large' });
    expect(!big.ok && big.message).toMatch(/^This page is too large or complex for reader view: \d+ elements/);
    const deep = extractArticle(doc, doc.URL, { maxDepth: 3 });
    expect(!deep.ok && deep.message).toMatch(/nested 4\+ deep/);
  });

  it('infers right-to-left direction from the language or the text', () => {
    const hebrew = Array.from({ length: 6 }, () => '<p>מועצת העיר התכנסה ביום שלישי כדי לדון בתוכנית החדשה לנמל, והתושבים אמרו שהשינויים ישנו את פני העיר לשנים רבות.</p>').join('');
    const doc = page(`<article><h1>תוכנית הנמל</h1>${hebrew}</article>`);
    doc.documentElement.removeAttribute('lang');
    const result = extractArticle(doc, doc.URL);
    expect(result.ok && result.article.dir).toBe('rtl');
  });
});
