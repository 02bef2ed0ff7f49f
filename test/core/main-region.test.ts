// A page of sections (choose/main-region.ts): the reader gets the page's main region whole when
// Readability kept one section of it; never on a page that declares itself an article, never for
// a region of links, never when Readability's pick is outside the region.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/index';
import { regionHoldsMore } from '../../src/core/choose/main-region';
import { page, prose } from './page';

// As landing pages are built: each section a band of wrappers, so Readability's pick is one band.
const band = (name: string, inner: string) => `<section class="band band-${name}"><div class="container"><div class="row">${inner}</div></div></section>`;
const SECTIONS = [
  band('hero', '<h1>Send invoices that get paid</h1><p class="lede">Invoices and receipts for freelancers.</p>'),
  band('features', '<h2>Features</h2><ul class="features"><li><h3>Reminders</h3>Polite emails go out when an invoice is a week late.</li><li><h3>Receipts</h3>Paid invoices turn into receipts on their own.</li><li><h3>Currencies</h3>Bill a client abroad in their own currency and be paid in yours.</li><li><h3>Tax</h3>Sales tax is added where it is due and summed up for your return.</li><li><h3>Expenses</h3>Photograph a receipt and it is filed against the right client and project.</li><li><h3>Reports</h3>See what each client owes and has paid this year at a glance.</li></ul>'),
  band('steps', '<h2>How it works</h2><ol><li>Add a client and their address and terms.</li><li>Write the invoice from your list of rates and hours.</li><li>Send it, and see the day it is opened and paid.</li></ol>'),
  band('story', `<h2>Our story</h2>${prose(3, 'invoicing')}`),
  band('pricing', '<h2>Pricing</h2><ul><li>Free for three clients</li><li>Nine dollars a month for more</li></ul>'),
].join('\n');

function read(body: string, head = '<title>Invoices</title>') {
  const r = extractArticle(page(body, head, 'https://invoices.example/'), 'https://invoices.example/');
  if (!r.ok) throw new Error(`expected an article, got ${r.reason}`);
  return r;
}

describe('a page of sections', () => {
  it('reads every section of the main region, not only the one with most paragraphs', () => {
    const r = read(`<header><nav><a href="/">Home</a> <a href="/pricing">Pricing</a></nav></header><main>${SECTIONS}</main><footer><a href="/terms">Terms</a></footer>`);
    expect(r.choice.source).toBe('main-region');
    for (const line of ['Invoices and receipts for freelancers', 'Polite emails go out', 'Paragraph 3 about invoicing', 'Nine dollars a month']) expect(r.article.text).toContain(line);
    expect(r.article.text).not.toMatch(/Terms|Home/);
  });

  it('role="main" marks the region as <main> does', () => {
    const r = read(`<div role="main">${SECTIONS}</div>`);
    expect(r.article.text).toContain('Polite emails go out');
  });

  it('without the step, the reader gets only the section Readability picked', () => {
    const r = extractArticle(page(`<main>${SECTIONS}</main>`), 'https://invoices.example/', { disabledRules: ['main-region'] });
    expect(r.ok && r.article.text).not.toContain('Polite emails go out');
  });
});

describe('where the main region is not the content', () => {
  it('a page that declares an Article keeps the story Readability picked, not the teasers around it in <main>', () => {
    const head = '<title>A story</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"A story"}</script>';
    const teasers = Array.from({ length: 8 }, (_, i) => `<div class="teaser"><h3>Another story ${i}</h3><p>A line of summary for the other story number ${i}, to draw the reader on.</p></div>`).join('');
    const r = read(`<main><div class="body">${prose(4)}</div>${teasers}</main>`, head);
    expect(r.article.text).toContain('Paragraph 4 about the harbour');
    expect(r.article.text).not.toContain('Another story');
  });

  it('a dated page (a post, a press release) keeps the story Readability picked', () => {
    const head = '<title>Invoices</title><meta property="article:published_time" content="2026-03-02T09:00:00Z">';
    const r = read(`<main>${SECTIONS}</main>`, head);
    expect(r.choice.source).toBe('readability');
    expect(r.article.text).not.toContain('Polite emails go out');
  });

  it('a story among teaser cards (linked headlines) in the region is not a page of sections, with no date or schema.org to tell', () => {
    // Decided on the region itself: on real pages the clean rules miss such cards now and then
    // (no label, no teaser class), and Readability's pick is the story alone.
    const card = (i: number) => `<div class="views-row"><h3><a href="/story-${i}">Another story number ${i}</a></h3><p>What the other story number ${i} says, in two lines. The winemakers of the region reported a good year.</p></div>`;
    const doc = page(`<main><div class="story">${prose(3)}</div>${[1, 2, 3, 4, 5, 6].map(card).join('')}</main>`);
    const pick = doc.querySelector('.story')!.cloneNode(true) as Element;
    expect(regionHoldsMore(doc.querySelector('main')!.cloneNode(true) as Element, pick)).toBe(false);
    // The same region with headings that name sections rather than link away is read whole.
    const sections = page(`<main><div class="story">${prose(3)}</div>${[1, 2, 3, 4, 5, 6].map(card).join('').replace(/<a href="[^"]*">|<\/a>/g, '')}</main>`);
    expect(regionHoldsMore(sections.querySelector('main')!.cloneNode(true) as Element, pick)).toBe(true);
  });

  it('a region that is mostly links is not read whole', () => {
    const links = Array.from({ length: 40 }, (_, i) => `<li><a href="/p/${i}">A product called number ${i} in the catalogue</a></li>`).join('');
    const r = read(`<main><div>${prose(3)}</div><ul>${links}</ul></main>`);
    expect(r.article.text).not.toContain('catalogue');
  });

  it('a pick outside the main region is kept', () => {
    const r = read(`<main><h2>Welcome</h2><p>Short welcome line.</p></main><div id="story">${prose(4)}</div>`);
    expect(r.choice.source).not.toBe('main-region');
    expect(r.article.text).toContain('Paragraph 4 about the harbour');
  });
});
