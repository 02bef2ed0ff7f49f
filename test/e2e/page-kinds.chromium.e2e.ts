// Beyond news articles, in real Chromium: a forum thread whose posts exist only in the page's
// <noscript> fallback (here Chromium parses it as text, the path jsdom never takes), a forum
// thread marked up as schema.org Comments, a Q&A page and a forum thread read as their posts, a
// documentation page with code, a table and a definition list; a service page of sections; and pages that are lists (a blog's
// tag page, a shop category). Each opens in the reader with its content and without the site
// around it.
import { describe, expect, test } from 'vitest';
import { screenshot } from './helpers/chromium.js';
import { useChromium } from './helpers/use-chromium.js';

const chromium = useChromium('chrome-test');

async function readerOf(slug: string) {
  const page = await chromium.openPage(chromium.server.fixture(slug));
  const view = await chromium.openReader(page);
  return { page, content: view.text['reader-content'] ?? '', title: view.text['reader-title'] ?? '', note: view.text['reader-list-note'], threadNote: view.text['reader-thread-note'] };
}

describe('page kinds in the reader', () => {
  test('a script-built forum thread opens from its <noscript> posts, which Chromium holds as text', async () => {
    const { page, content, title } = await readerOf('noscript-shell--forum-app-shell');
    // The page itself shows none of the posts: the browser parsed the fallback as one text node.
    expect(await page.evaluate(() => document.querySelectorAll('noscript p').length)).toBe(0);
    expect(title).toMatch(/Chain keeps skipping/);
    expect(content).toMatch(/I swapped the worn eleven-speed cassette/);
    expect(content).toMatch(/Almost certainly the chain/);
    expect(content).toMatch(/Lesson learned: replace them together\./);
    expect(content).not.toMatch(/Log In|Privacy Policy|works best with JavaScript/);
    await screenshot(page, 'chrome-reader-forum-noscript');
  });

  test('a forum thread of schema.org Comment posts keeps every post', async () => {
    const { page, content } = await readerOf('keep--forum-comment-microdata');
    expect(content).toMatch(/laminating the rockers/);
    expect(content).toMatch(/Plastic resin glue/);
    expect(content).toMatch(/barely a millimetre of springback/);
    expect(content).not.toMatch(/Terms and rules|What's new|Register/);
    await screenshot(page, 'chrome-reader-forum-comments');
  });

  test('a Q&A page reads as the question and its answers, each under its author, the accepted one marked', async () => {
    const { page, content, threadNote } = await readerOf('thread--qa-accepted-answer');
    expect(threadNote).toBe('A discussion: 4 posts.');
    expect(content).toMatch(/mira · 2025-10-03\s+I bought a pre-seasoned cast iron skillet/);
    expect(content).toMatch(/Accepted answer\s*hale · answered Oct 3, 2025/);
    expect(content).toMatch(/ember · answered Oct 12, 2025/);
    expect(content).not.toMatch(/gold badges|Improve this answer|This fixed it for me|Your Answer/);
    await screenshot(page, 'chrome-reader-qa-thread');
  });

  test('a forum thread shows its unmarked opening post and each reply once, without user cards or signatures', async () => {
    const { page, content } = await readerOf('thread--opening-post-unmarked');
    expect(content).toMatch(/^ridgeline · Nov 20, 2025\s+My e-bike lives/);
    expect(content.split('My e-bike lives')).toHaveLength(2);
    expect(content).not.toMatch(/Joined|Well-known member|Ride more, post less|Report/);
    await screenshot(page, 'chrome-reader-forum-thread');
  });

  test('a documentation page keeps its code, options table, error list and headings', async () => {
    const { page, content } = await readerOf('keep--docs-reference');
    expect(content).toMatch(/retry\(request, \{ attempts = 3/);
    expect(content).toMatch(/const report = await retry/);
    expect(content).toMatch(/baseDelay\s+number\s+200/);
    expect(content).toMatch(/RetryExhausted/);
    expect(content).toMatch(/Signature[\s\S]*Options[\s\S]*Example[\s\S]*Errors/);
    expect(content).not.toMatch(/Installation|Quick start|Edit this page/);
    await screenshot(page, 'chrome-reader-docs');
  });

  test('a service page of like sections without a <main> reads whole, every section under its heading', async () => {
    const { page, content, title } = await readerOf('section-run--service-without-main');
    expect(title).toBe('Bookkeeping for small workshops');
    expect(content).toMatch(/We keep the books for joiners[\s\S]*Monthly bookkeeping[\s\S]*Payroll for up to twenty people[\s\S]*What it costs/);
    expect(content).not.toMatch(/Registered in England|Pricing|About/);
    await screenshot(page, 'chrome-reader-service-sections');
  });

  test('a tag page with no article opens as its list of posts, saying it is a list', async () => {
    const { page, content, note } = await readerOf('listing--blog-tag-page');
    expect(note).toBe('No article here: this page is a list of 6 links.');
    expect(content).toMatch(/Soldering a split keyboard on a Sunday afternoon\s+What I learned building my first split keyboard/);
    expect(content).toMatch(/USB-C power delivery for hobby projects, explained/);
    expect(content).not.toMatch(/Subscribe|Published with Ghost|Page 1 of 1/);
    await screenshot(page, 'chrome-reader-listing-tag-page');
  });

  test('a shop category keeps every product, name and price, without the filters or the newsletter box', async () => {
    const { page, content, note } = await readerOf('keep--shop-category');
    expect(note).toBeUndefined();
    expect(content).toMatch(/Trail Runner 2 Waterproof Jacket[\s\S]*£89\.00/);
    expect(content).toMatch(/Alpine Three-in-One Jacket[\s\S]*£179\.00/);
    expect(content).not.toMatch(/Filter by|Get 10% off|Sort by/);
    await screenshot(page, 'chrome-reader-shop-category');
  });
});
