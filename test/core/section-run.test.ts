// A page of like sections without a main region (choose/section-run.ts): the reader gets the run
// of sections Readability's pick is one of; never on a dated page or a declared article, never
// for two columns, never for a run of teaser cards, and not where a <main> says where the content is.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/index';
import { page, prose } from './page';

const URL = 'https://bookkeeping.example/services';
const section = (inner: string) => `<div class="container"><div class="row"><div class="col">${inner}</div></div></div>`;
const SECTIONS = [
  section('<h2>Monthly bookkeeping</h2><p>Send us your receipts and bank feed and we reconcile every account each month, in plain words.</p><p>You get a one-page summary of what came in, what went out and what you are owed.</p>'),
  section(`<h2>Payroll</h2>${prose(2, 'payroll')}`),
  section('<h2>Year-end accounts</h2><p>We prepare your accounts and tax return from the books we already keep, well before they are due.</p><p>There is no scramble in January, and we tell you what you owe in good time.</p>'),
  section('<h2>What it costs</h2><p>Bookkeeping starts at ninety-five pounds a month; payroll adds six pounds per employee per month.</p><p>Year-end accounts are included for clients who have been with us for the whole year.</p>'),
];

function read(body: string, head = '<title>Bookkeeping</title>', disabledRules: string[] = []) {
  const r = extractArticle(page(body, head, URL), URL, { disabledRules });
  if (!r.ok) throw new Error(`expected an article, got ${r.reason}`);
  return r;
}
const chrome = (inner: string) => `<div class="top"><a href="/">Home</a> <a href="/pricing">Pricing</a></div>${inner}<div class="bottom"><p>Registered in England.</p></div>`;

describe('a run of like sections', () => {
  it('reads every section of the run, not only the one with most paragraphs', () => {
    const r = read(chrome(SECTIONS.join('<hr>')));
    expect(r.choice.source).toBe('section-run');
    for (const line of ['reconcile every account', 'Paragraph 2 about payroll', 'tax return from the books', 'ninety-five pounds']) expect(r.article.text).toContain(line);
    expect(r.article.text).not.toMatch(/Registered in England|Home/);
  });

  it('without the step, the reader gets only the section Readability picked', () => {
    const r = read(chrome(SECTIONS.join('<hr>')), undefined, ['section-run']);
    expect(r.article.text).not.toContain('reconcile every account');
  });

  it('keeps Readability\'s pick on a dated page and on a declared article', () => {
    const dated = read(chrome(SECTIONS.join('')), '<title>B</title><meta property="article:published_time" content="2025-01-02T10:00:00Z">');
    expect(dated.article.text).not.toContain('reconcile every account');
    const declared = read(chrome(SECTIONS.join('')), '<title>B</title><script type="application/ld+json">{"@type":"BlogPosting","headline":"B"}</script>');
    expect(declared.article.text).not.toContain('reconcile every account');
  });

  it('needs three sections: two are a layout\'s columns', () => {
    const r = read(chrome(SECTIONS.slice(0, 2).join('')));
    expect(r.choice.source).not.toBe('section-run');
  });

  it('does not take a run of teaser cards, each a linked headline', () => {
    const card = (i: number) => section(`<h3><a href="/story-${i}">Another story about the harbour, part ${i}</a></h3><p>A short teaser for story ${i}, with a line or two.</p>`);
    const r = read(chrome([section(`<h1>The harbour</h1>${prose(4)}`), card(1), card(2), card(3), card(4)].join('')));
    expect(r.choice.source).not.toBe('section-run');
    expect(r.article.text).not.toContain('Another story about the harbour');
  });

  it('leaves a page with a <main> to the main-region step', () => {
    const r = read(chrome(`<main>${SECTIONS.join('')}</main>`), undefined, ['main-region']);
    expect(r.choice.source).not.toBe('section-run');
  });
});
