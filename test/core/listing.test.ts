// A page with no article but a list of items (page-kind/listing.ts, choose/listing-fallback.ts):
// what counts as its list, what each item shows, and what the reader gets instead of "No article".
import { describe, expect, it } from 'vitest';
import { findListing } from '../../src/core/page-kind/listing';
import { isFragmentOfList } from '../../src/core/choose/listing-fallback';
import { extractArticle } from '../../src/core/index';
import { BASE, page, prose } from './page';

const HEADLINES = [
  'Council approves the new harbour bridge',
  'Ferry timetable changes from the first of May',
  'Fish market reopens after two years of repairs',
  'Lifeboat crew rescues three sailors off the point',
  'School builds a weather station on its roof',
  'Night buses return to the coast road',
];

/** A teaser card as section fronts write them: image link, headline link, a line, a time, tags. */
const card = (title: string, i: number, cls = 'card') =>
  `<div class="${cls}"><a href="/news/story-${i}"><img src="/img/${i}.jpg" alt=""></a>` +
  `<h3><a href="/news/story-${i}">${title}</a></h3><p>What happened on day ${i + 1}, in one sentence for the front.</p>` +
  `<span>${i + 1} hours ago</span> · <a href="/tag/town">Town</a> · <a href="/tag/sea">Sea</a></div>`;

const nav = '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li><li><a href="/jobs">Jobs</a></li></ul></nav>';

describe('findListing', () => {
  it('finds the cards as items: title, absolute link, and what the card says besides (tags and separators gone)', () => {
    const doc = page(`${nav}<main><h1>News</h1><div class="river">${HEADLINES.map((t, i) => card(t, i)).join('')}</div></main>`);
    const listing = findListing(doc.body, BASE)!;
    expect(listing.items.map((i) => i.title)).toEqual(HEADLINES);
    expect(listing.items[0]).toEqual({
      title: HEADLINES[0],
      href: 'https://news.example/news/story-0',
      summary: 'What happened on day 1, in one sentence for the front. 1 hours ago',
    });
  });

  it('picks the main river over a shorter "most read" column, whatever the order', () => {
    const side = `<aside><ol class="most-read">${HEADLINES.slice(0, 4).map((t, i) => `<li><a href="/popular/${i}">${t}</a></li>`).join('')}</ol></aside>`;
    const main = `<div class="river">${HEADLINES.map((t, i) => card(t, i, i === 0 ? 'card card--first' : 'card')).join('')}</div>`;
    for (const body of [side + main, main + side]) {
      const listing = findListing(page(body).body, BASE)!;
      expect(listing.items).toHaveLength(6);
      expect(listing.items[0]!.href).toBe('https://news.example/news/story-0');
    }
  });

  it('does not take a menu, a footer of links or a tag cloud for a list of items', () => {
    const footer = '<footer><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact the newsroom</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul></footer>';
    const tags = `<div class="tags">${['Town', 'Sea', 'Ferry', 'Bridge', 'Council', 'Weather'].map((t) => `<a href="/tag/${t}">${t}</a>`).join(' ')}</div>`;
    expect(findListing(page(nav + tags + footer).body, BASE)).toBeNull();
  });

  it('titles a card by its headline, not by its photo\'s description; a picture link alone is named by its alt', () => {
    const photo = (i: number) => `<a href="/news/story-${i}"><img src="/img/${i}.jpg" alt="A crowd gathers on the quay at dawn to watch the boats come in"></a>`;
    const headed = findListing(page(`<div>${HEADLINES.map((t, i) => `<div>${photo(i)}<h3><a href="/news/story-${i}">${t}</a></h3></div>`).join('')}</div>`).body, BASE)!;
    expect(headed.items.map((i) => i.title)).toEqual(HEADLINES);
    const tiles = findListing(page(`<div>${HEADLINES.map((t, i) => `<div><a href="/p/${i}"><img src="/p/${i}.jpg" alt="${t}"></a><span>${t}</span> <b>£${i + 10}.00</b></div>`).join('')}</div>`).body, BASE)!;
    expect(tiles.items.map((i) => [i.title, i.summary])).toEqual(HEADLINES.map((t, i) => [t, `£${i + 10}.00`]));
  });

  it('does not take a list of links that all lead back to this very page', () => {
    const self = `<div>${HEADLINES.map((t) => `<div><a href="${BASE}">${t}</a> and a few more words of text</div>`).join('')}</div>`;
    expect(findListing(page(self).body, BASE)).toBeNull();
    // On a www host too (the host compared whole, not with its www. dropped).
    const www = 'https://www.news.example/topics/harbour';
    const selfWww = `<div>${HEADLINES.map((t) => `<div><a href="/topics/harbour">${t}</a> and a few more words of text</div>`).join('')}</div>`;
    expect(findListing(page(selfWww, undefined, www).body, www)).toBeNull();
  });
});

describe('extractArticle on a page that is a list', () => {
  const front = () => page(`${nav}<main><h1>News</h1><div class="river">${HEADLINES.map((t, i) => card(t, i)).join('')}</div></main>`, '<title>News | Harbour Times</title><meta property="og:site_name" content="Harbour Times">');

  it('returns the list, one linked title a line, and says it is a list of N items', () => {
    const result = extractArticle(front(), BASE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.listItems).toBe(6);
    expect(result.choice).toEqual({ source: 'listing', why: 'No article; the page is a list of 6 items' });
    expect(result.article.siteName).toBe('Harbour Times');
    const links = Array.from(result.content.querySelectorAll('li a')).map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual(HEADLINES.map((t, i) => [t, `https://news.example/news/story-${i}`]));
    // None of the page's chrome: no menu, no tag links.
    expect(result.article.text).not.toMatch(/\bHome\b|\bWeather\b|\bTown\b/);
  });

  it('says "no article" with the listing step off, as before it', () => {
    expect(extractArticle(front(), BASE, { disabledRules: ['listing'] })).toMatchObject({ ok: false, reason: 'no-article' });
  });

  it('leaves an article with teasers under it an article: the list view is only for pages without one', () => {
    const result = extractArticle(page(`<article><h1>The harbour plan</h1>${prose(8)}</article><section class="more">${HEADLINES.map((t, i) => card(t, i)).join('')}</section>`), BASE);
    expect(result.ok && result.article.listItems).toBeUndefined();
    expect(result.ok && result.choice.source).not.toBe('listing');
  });
});

describe('isFragmentOfList: when a short pick is only a card or two of the page\'s list', () => {
  const list = HEADLINES.map((t, i) => `${t}\nWhat happened on day ${i + 1}, in one sentence for the front.`).join('\n\n');
  const of = (text: string) => ({ text, wordCount: text.split(/\s+/).filter(Boolean).length });

  it('is, when the pick is made of the list\'s own words and the list is much longer', () => {
    expect(isFragmentOfList(of(`${HEADLINES[2]}\nWhat happened on day 3, in one sentence for the front.`), of(list))).toBe(true);
  });

  it('is not, when the pick is a short article of its own beside the list', () => {
    const story = 'The lifeboat station on the point will close for rebuilding in March, the charity said, and crews will launch from the harbour until autumn.';
    expect(isFragmentOfList(of(story), of(list))).toBe(false);
  });

  it('is not, when the list is not much longer than the pick', () => {
    expect(isFragmentOfList(of(list), of(`${list}\nOne more line.`))).toBe(false);
  });
});
