// Size and shape in the core: pages over the element, text and depth budgets are refused with the
// too-large message and never overflow the stack; a page right under the depth budget goes
// through every step (Readability, sanitizer, HTML, text and Markdown serializers) without one;
// pages with no article say so. jsdom builds DOM slowly (about 25 µs an element here), so the
// 200,000-element and 5 MB files run through the CLI (cli.test.ts); here the documents are the
// smallest that cross each limit, built directly where parsing would cost seconds.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle, toMarkdown, toPlainText, sanitizeHtml, type ExtractResult } from '../../src/core/index';
import { DEFAULT_LIMITS } from '../../src/core/budget';
import { GENERATED, makeGenerated, pathOf, urlOf } from './corpus';

const TOO_LARGE = /^This page is too large or complex for reader view: .+\.$/;
const SENTENCE = 'The harbour authority published its annual report on Monday, and the figures show that container traffic fell for the third year in a row. ';
const timings: Record<string, number> = {};

function page(body = ''): Document {
  return new JSDOM(`<!doctype html><html lang="en"><head><title>Port traffic falls</title></head><body><main><article><h1>Port traffic falls</h1><p>${SENTENCE.repeat(3)}</p>${body}</article></main></body></html>`, {
    url: 'https://harbour.test/story', virtualConsole: new VirtualConsole(),
  }).window.document;
}

/** `depth` nested divs around a paragraph, built leaf first so jsdom never walks a deep chain while building. */
function nest(doc: Document, depth: number, leaf: Node): Element {
  let node: Node = leaf;
  for (let i = 0; i < depth; i++) {
    const div = doc.createElement('div');
    div.appendChild(node);
    node = div;
  }
  return node as Element;
}

function timed(name: string, fn: () => ExtractResult): ExtractResult {
  const started = performance.now();
  const result = fn();
  timings[name] = Math.round(performance.now() - started);
  return result;
}

beforeAll(() => makeGenerated());

describe('over budget: refused with the message, no stack overflow', () => {
  it(`${DEFAULT_LIMITS.maxElements + 1_000} elements (the 200,000-element page is the CLI's)`, () => {
    const doc = page(`<table>${'<tr><td>1</td><td>2</td><td>3</td><td>4</td></tr>'.repeat((DEFAULT_LIMITS.maxElements + 1_000) / 5)}</table>`);
    const r = timed('elements', () => extractArticle(doc, doc.URL));
    expect(r.ok ? 'article' : r.reason).toBe('too-large');
    if (!r.ok) expect(r.message).toMatch(TOO_LARGE);
    if (!r.ok) expect(r.message).toContain('elements');
  });

  it('a 5 MB article (18,500 paragraphs of text)', () => {
    const doc = page();
    const article = doc.querySelector('article')!;
    for (let i = 0; i < 18_500; i++) {
      const p = doc.createElement('p');
      p.textContent = SENTENCE.repeat(2);
      article.appendChild(p);
    }
    expect(article.textContent!.length).toBeGreaterThan(5_000_000);
    const r = timed('5MB', () => extractArticle(doc, doc.URL));
    expect(r.ok ? 'article' : r.reason).toBe('too-large');
    if (!r.ok) expect(r.message).toMatch(TOO_LARGE);
  });

  it.each([5_000])('%i levels of nesting (50,000 is the CLI\'s: jsdom cannot hold it)', (depth) => {
    const doc = page();
    const p = doc.createElement('p');
    p.textContent = SENTENCE.repeat(4);
    doc.querySelector('article')!.appendChild(nest(doc, depth, p));
    let r: ExtractResult | undefined;
    expect(() => (r = timed(`depth ${depth}`, () => extractArticle(doc, doc.URL)))).not.toThrow();
    expect(r!.ok ? 'article' : r!.reason).toBe('too-large');
    if (!r!.ok) expect(r!.message).toMatch(/nested \d+\+ deep/);
  });

  it('text hidden in script and style does not count against the text budget', () => {
    // Modern pages ship megabytes of JSON in <script>; that is not article text.
    const doc = page(`<script type="application/json">${'x'.repeat(2_100_000)}</script><p>${SENTENCE.repeat(3)}</p>`);
    const r = extractArticle(doc, doc.URL);
    expect(r.ok, r.ok ? '' : r.message).toBe(true);
  });
});

describe('right under the budget: every step copes', () => {
  it(`an article nested ${DEFAULT_LIMITS.maxDepth - 12} deep goes through Readability, the sanitizer and all serializers`, () => {
    const doc = page();
    const holder = doc.createElement('section');
    for (let i = 0; i < 4; i++) {
      const p = doc.createElement('p');
      p.innerHTML = `${SENTENCE}<b><i>deep</i></b> <a href="/x">link</a>`;
      holder.appendChild(p);
    }
    doc.querySelector('article')!.appendChild(nest(doc, DEFAULT_LIMITS.maxDepth - 12, holder));
    const r = timed('depth at limit', () => extractArticle(doc, doc.URL));
    if (!r.ok) return expect.unreachable(r.message);
    expect(r.article.text).toContain('deep link');
    expect(toMarkdown(r.content)).toContain('***deep*** [link](https://harbour.test/x)');
    expect(toPlainText(r.content)).toContain('deep link');
    const again = sanitizeHtml(r.article.html, new JSDOM('').window.document, r.article.url);
    expect(again.textContent).toContain('deep link');
  });
});

describe('a long thread', () => {
  it('600 marked-up posts, each quoting the one before in full, read as 600 posts with every quote shown once', () => {
    const posts = Array.from({ length: 600 }, (_, i) => {
      const own = `Post ${i} says the harbour figures for week ${i} were ${i % 7 === 0 ? 'worse' : 'better'} than expected, and the crane crews agree with the union about the night shifts. The pilots were not asked.`;
      const quote = i ? `<blockquote>Post ${i - 1} says the harbour figures for week ${i - 1} were ${(i - 1) % 7 === 0 ? 'worse' : 'better'} than expected, and the crane crews agree with the union about the night shifts. The pilots were not asked.</blockquote>` : '';
      return `<article itemscope itemtype="https://schema.org/Comment"><span itemprop="author">user${i % 50}</span> <time itemprop="datePublished" datetime="2025-01-01">Jan 1, 2025</time><div itemprop="text">${quote}<p>${own}</p></div></article>`;
    }).join('');
    const doc = new JSDOM(`<!doctype html><html lang="en"><head><title>Harbour figures</title><script type="application/ld+json">{"@type":"DiscussionForumPosting"}</script></head><body><div>${posts}</div></body></html>`, {
      url: 'https://harbour.test/forum/1', virtualConsole: new VirtualConsole(),
    }).window.document;
    const r = timed('600-post thread', () => extractArticle(doc, doc.URL));
    if (!r.ok) return expect.unreachable(r.message);
    expect(r.article.threadPosts).toBe(600);
    expect(r.content.querySelectorAll('blockquote')).toHaveLength(0);
    expect(r.article.text.split('Post 599 says')).toHaveLength(2);
  });
});

describe('a thread declared in JSON-LD that the page does not show whole', () => {
  it('500 declared posts, each shown cut short, is no thread of posts, and the page still reads', () => {
    const text = (i: number) => `Reply ${i} about the harbour: the crane crews agree with the union about the night shifts, and the pilots were not asked. `.repeat(6);
    const ld = { '@type': 'DiscussionForumPosting', text: text(0), comment: Array.from({ length: 500 }, (_, i) => ({ '@type': 'Comment', text: text(i + 1), author: { name: `user${i}` }, dateCreated: '2025-01-01' })) };
    const shown = Array.from({ length: 501 }, (_, i) => `<div class="post"><p>${text(i).slice(0, 120)}… <a href="/more/${i}">more</a></p></div>`).join('');
    const doc = new JSDOM(`<!doctype html><html lang="en"><head><title>Harbour</title><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><div>${shown}</div></body></html>`, {
      url: 'https://harbour.test/forum/2', virtualConsole: new VirtualConsole(),
    }).window.document;
    const r = timed('500 JSON-LD posts shown cut short', () => extractArticle(doc, doc.URL));
    if (!r.ok) return expect.unreachable(r.message);
    expect(r.article.threadPosts).toBeUndefined();
    expect(r.article.text).toContain('Reply 500 about the harbour');
  });
});

describe('no article', () => {
  it.each(GENERATED.filter((e) => e.outcome === 'no-article').map((e) => [e.file, e] as const))('%s says there is no article', (_f, e) => {
    const doc = new JSDOM(readFileSync(pathOf(e)), { url: urlOf(e), contentType: 'text/html', virtualConsole: new VirtualConsole() }).window.document;
    const r = extractArticle(doc, urlOf(e));
    expect(r.ok ? `article: ${r.article.text.slice(0, 200)}` : r.reason).toBe('no-article');
    if (!r.ok) expect(r.message).toBe('No article found on this page.');
  });
});

describe('a list, not an article', () => {
  it.each(GENERATED.filter((e) => e.outcome === 'list').map((e) => [e.file, e] as const))('%s shows its cards as a list of links and says so', (_f, e) => {
    const doc = new JSDOM(readFileSync(pathOf(e)), { url: urlOf(e), contentType: 'text/html', virtualConsole: new VirtualConsole() }).window.document;
    const r = extractArticle(doc, urlOf(e));
    if (!r.ok) return expect.unreachable(r.message);
    expect(r.choice.source).toBe('listing');
    expect(r.article.listItems).toBe(60);
    expect(r.content.querySelectorAll('li > p > a[href]')).toHaveLength(60);
    expect(r.article.text).toMatch(/^- Story 0: /);
    expect(r.article.text).toContain('Story 59: ');
  });
});

// Measured, reported, not asserted: timings depend on the machine.
afterAll(() => console.info(`hostile size timings (ms): ${JSON.stringify(timings)}`));
