// A discussion page read as its posts (page-kind/thread.ts, choose/thread-content.ts): what a
// reader sees of each post, what is left out around the posts, and when the page's own markup of
// its posts is not trusted to stand for the page.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/index';
import { listFixtures, loadDocument, fixtureUrl } from '../helpers/fixtures';
import { page, prose } from './page';

function fixture(name: string) {
  const f = listFixtures().find((x) => x.name === name)!;
  return extractArticle(loadDocument(f), fixtureUrl(name));
}

/** A forum post as XenForo-style software marks it: a Comment item with author, date and text. */
const post = (author: string, date: string, body: string) =>
  `<article class="message" itemscope itemtype="https://schema.org/Comment">` +
  `<div class="message-user" itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">${author}</span><dl><dt>Messages</dt><dd>1,024</dd></dl></div>` +
  `<time itemprop="datePublished" datetime="${date}T10:00:00Z">${date}</time>` +
  `<div class="body" itemprop="text">${body}</div><div class="actions"><a href="/report">Report</a> <a href="/reply">Reply</a></div></article>`;

describe('a Q&A page', () => {
  const r = fixture('thread--qa-accepted-answer');
  if (!r.ok) throw new Error('the Q&A fixture must extract');

  it('reads as the question and its answers, each under its author and date', () => {
    expect(r.choice.source).toBe('thread');
    expect(r.article.threadPosts).toBe(4);
    const heads = r.article.text.split('\n').filter((line) => / · /.test(line));
    expect(heads).toEqual(['mira · 2025-10-03', 'hale · answered Oct 3, 2025 at 10:47', 'quill · answered Oct 4, 2025 at 16:05', 'ember · answered Oct 12, 2025 at 21:30']);
    expect(r.article.byline).toBe('mira');
  });

  it('marks the accepted answer', () => {
    expect(r.article.acceptedPost).toBe(1);
    expect(r.content.children[1]!.textContent).toContain('Dry the pan on the burner');
  });

  it('leaves out votes, reputation, badges, share links and the remarks under each post', () => {
    for (const clutter of ['31', '22.8k', 'gold badges', 'Share', 'Improve this answer', 'This fixed it for me', 'Flaxseed oil', 'Your Answer', 'Related']) {
      expect(r.article.text).not.toContain(clutter);
    }
  });
});

describe('a forum thread whose opening post is described only in JSON-LD', () => {
  const r = fixture('thread--opening-post-unmarked');
  if (!r.ok) throw new Error('the forum fixture must extract');

  it('keeps the unmarked opening post, found by the shape of the marked ones, with its author', () => {
    expect(r.article.threadPosts).toBe(3);
    expect(r.article.text.startsWith('ridgeline · Nov 20, 2025\n\nMy e-bike lives in an unheated garage')).toBe(true);
  });

  it('shows a reply\'s long quote of the opening post once, not twice', () => {
    expect(r.article.text.split('My e-bike lives in an unheated garage')).toHaveLength(2);
    expect(r.article.text).not.toContain('ridgeline said:');
    expect(r.article.text).toContain('Bring it inside.');
  });

  it('leaves out user cards, signatures and post actions', () => {
    for (const clutter of ['Joined', 'Messages', 'Well-known member', 'Ride more, post less', 'Report', 'Reply']) expect(r.article.text).not.toContain(clutter);
  });

  it('makes paragraphs of text written with blank lines of <br>s', () => {
    const first = r.content.children[0]!;
    expect(Array.from(first.children, (el) => el.localName)).toEqual(['header', 'p', 'p']);
  });
});

describe('a forum thread described only in JSON-LD (Invision)', () => {
  const texts = [
    'My sourdough starter smells of nail polish remover every morning, even though I feed it twice a day with equal weights of flour and water.',
    'That smell is a hungry starter making acetone-like compounds. Feed it more flour than water for a week and keep it somewhere a little warmer.',
    'Also check the flour: a bag of plain white gives a starter much less to eat than rye or whole wheat, so try a spoonful of rye in each feed.',
    'Thanks both, a week of thicker feeds with a little rye and the smell has gone. It doubles in six hours now.',
  ];
  const who = ['crumb', 'levain', 'bannetons', 'crumb'];
  // The page's JSON-LD lists the topic and its first two replies; the last reply is on the page only.
  const ld = { '@type': 'DiscussionForumPosting', headline: 'Starter smells of acetone', text: texts[0], author: { '@type': 'Person', name: who[0] }, dateCreated: '2025-03-01T08:00:00Z',
    comment: [1, 2].map((i) => ({ '@type': 'Comment', text: texts[i], author: { '@type': 'Person', name: who[i] }, dateCreated: `2025-03-0${i + 1}T08:00:00Z` })) };
  const posts = texts.map((t, i) => `<article class="cPost"><aside class="cAuthorPane"><h3><a href="/profile/${i}">${who[i]}</a></h3><ul><li>Members</li><li>${100 + i} posts</li></ul></aside>`
    + `<div class="cPost_contentWrap"><p class="ipsType_reset"><time datetime="2025-03-0${i + 1}T08:00:00Z">March ${i + 1}, 2025</time></p><div class="ipsType_richText" data-role="commentContent"><p>${t}</p></div>`
    + `<ul class="ipsComment_controls"><li><a href="/quote">Quote</a></li><li><a href="/report">Report post</a></li></ul></div></article>`).join('');
  const head = `<title>Starter smells of acetone - Bread Forum</title><script type="application/ld+json">${JSON.stringify(ld)}</script>`;
  // Above the thread, "featured replies": cut-short previews that begin as the posts do.
  const featured = `<ul class="featured"><li><b>${who[2]}</b><p>${texts[2]!.slice(0, 110)}</p></li><li><b>${who[1]}</b><p>${texts[1]!.slice(0, 90)}</p></li></ul>`;
  const r = extractArticle(page(`<header><a href="/">Bread Forum</a></header>${featured}<div class="cTopic">${posts}</div><footer>Powered by a forum vendor</footer>`, head), 'https://bread.example/topic/9');
  if (!r.ok) throw new Error('the JSON-LD thread must extract');

  it('reads every post, the ones the JSON-LD lists and the one it leaves out, in page order, not their previews', () => {
    expect(r.choice.source).toBe('thread');
    expect(r.content.querySelector('ul')).toBeNull();
    expect(r.article.threadPosts).toBe(4);
    const heads = r.article.text.split('\n').filter((line) => /2025/.test(line));
    expect(heads).toEqual(['crumb · 2025-03-01', 'levain · 2025-03-02', 'bannetons · 2025-03-03', 'crumb · March 4, 2025']);
    expect(r.article.text).toContain('It doubles in six hours now.');
  });

  it('leaves out the author panes and post controls', () => {
    for (const clutter of ['Members', '101 posts', 'Report post', 'Quote']) expect(r.article.text).not.toContain(clutter);
  });
});

describe('when the markup is not the thread', () => {
  const head = '<title>Choosing a first telescope</title><script type="application/ld+json">{"@type":"DiscussionForumPosting","headline":"Choosing a first telescope"}</script>';

  it('keeps a short quote, the line a reply answers', () => {
    const opening = 'A six inch reflector on a simple mount is the usual advice for a first telescope, and it is good advice for most people who have a garden and some patience.';
    const doc = page(`<div>${post('vega', '2025-01-02', `<p>${opening}</p><p>${opening}</p>`)}${post('altair', '2025-01-03', `<blockquote>A six inch reflector on a simple mount</blockquote><p>Agreed, and buy a planisphere before any eyepieces.</p>`)}</div>`, head);
    const r = extractArticle(doc, 'https://forum.example/t/1');
    expect(r.ok && r.choice.source).toBe('thread');
    expect(r.ok && r.content.querySelectorAll('blockquote')).toHaveLength(1);
  });

  it('does not let two marked posts stand for a page whose text is elsewhere', () => {
    const marked = post('vega', '2025-01-02', '<p>Thanks, this helped a great deal: I went for the reflector on the simple mount and saw the rings of Saturn on the first clear night.</p>')
      + post('altair', '2025-01-03', '<p>Same here. The planisphere was the best few pounds I spent, and the club lent me a second eyepiece for the winter.</p>');
    const doc = page(`<main><h1>Choosing a first telescope</h1>${prose(14, 'telescopes')}</main><section>${marked}</section>`, head);
    const r = extractArticle(doc, 'https://forum.example/t/2');
    expect(r.ok && r.choice.source).not.toBe('thread');
    expect(r.ok && r.article.text).toContain('Paragraph 14 about telescopes');
  });

  it('leaves an FAQ (each question a Question with an accepted Answer, nobody\'s, undated) a page of questions', () => {
    const faq = (q: string, a: string) => `<div itemscope itemtype="https://schema.org/Question"><h3 itemprop="name">${q}</h3>`
      + `<div itemprop="acceptedAnswer" itemscope itemtype="https://schema.org/Answer"><div itemprop="text"><p>${a}</p></div></div></div>`;
    const answer = 'Every order ships from our warehouse within two working days, and you get a tracking link by email as soon as the parcel leaves us, so you can follow it all the way to your door.';
    const doc = page(`<main><h1>Help centre</h1><p>${answer}</p>${faq('When will my order ship?', answer)}${faq('Can I return an item?', answer)}${faq('Do you ship abroad?', answer)}</main>`, '<title>Help centre</title>');
    const r = extractArticle(doc, 'https://shop.example/help');
    expect(r.ok && r.choice.source).not.toBe('thread');
    expect(r.ok && r.article.text).toContain('Can I return an item?');
  });

  it('leaves a story with a marked-up comment section a story', () => {
    const comments = ['I have read this twice now and still learn something.', 'The council should have asked the fishermen first.', 'Good reporting, as always.']
      .map((c, i) => post(`reader${i}`, '2025-02-0' + (i + 1), `<p>${c}</p>`)).join('');
    const doc = page(`<article><h1>The harbour plan</h1>${prose(8)}</article><section id="comments">${comments}</section>`, '<title>The harbour plan</title>');
    const r = extractArticle(doc, 'https://news.example/harbour');
    expect(r.ok && r.choice.source).not.toBe('thread');
    expect(r.ok && r.article.threadPosts).toBeUndefined();
    expect(r.ok && r.article.text).toContain('Paragraph 8 about the harbour');
  });
});
