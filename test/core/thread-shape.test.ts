// A thread the page marks up nowhere (phpBB, GameFAQs, Mumsnet-style boards), read by its repeated
// shape (page-kind/thread-shape.ts): what a reader sees of each post, what is left out around
// them, and the pages with repeated "name, date, text" blocks that are not threads.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/index';
import { page, prose } from './page';

const URL = 'https://board.example/viewtopic.php?t=42';

const SAYINGS = [
  'I replaced the thermostat last week and the radiator upstairs still stays cold while the one in the hall gets hot within minutes of the boiler starting.',
  'Have you bled it? Air collects at the top of the system, and the highest radiator is where it shows first. Turn the valve a quarter and wait for water.',
  'Bled it twice and got water straight away both times, so I do not think it is air. The pipe into it is warm for about a metre and then cold.',
  'That sounds like a stuck valve pin on the thermostatic head. Take the head off and press the pin in and out a few times with a spanner; they seize over summer.',
  'That was it. The pin was stuck down solid. Five minutes with a spanner and the radiator was too hot to touch. Thank you all for the help.',
];
const NAMES = ['coldfeet', 'pipewright', 'coldfeet', 'boilerbob', 'coldfeet'];

/** A phpBB-style post: the user card (with its join date), "by NAME » DATE", the text, a signature. */
function phpbbPost(i: number): string {
  const name = NAMES[i]!;
  return `<div id="p${100 + i}" class="post bg${(i % 2) + 1}"><div class="inner">
    <dl class="postprofile"><dt><a href="./memberlist.php?mode=viewprofile&amp;u=${i + 7}">${name}</a></dt><dd>Posts: ${120 + i * 31}</dd><dd>Joined: Mar 14, 2011</dd></dl>
    <div class="postbody"><h3><a href="#p${100 + i}">Re: Cold radiator upstairs</a></h3>
      <p class="author"><a href="./viewtopic.php?p=${100 + i}#p${100 + i}">Post</a> by <strong><a href="./memberlist.php?mode=viewprofile&amp;u=${i + 7}">${name}</a></strong> » Tue Jan ${7 + i}, 2025 ${9 + i}:1${i} pm</p>
      <div class="content">${SAYINGS[i]}<br><br>Second line of post ${i + 1}, which says a little more about the radiator and the valve.</div>
      <div id="sig${100 + i}" class="signature">Sent from my kitchen table, where the heating works.</div>
    </div></div>
    <ul class="post-buttons"><li><a href="./posting.php?mode=quote&amp;p=${100 + i}">Quote</a></li></ul></div>`;
}

const boardChrome = (inner: string) =>
  `<div id="wrap"><div class="headerbar"><a href="/">Home Heating Board</a> <a href="/faq">FAQ</a> <a href="/register">Register</a> <a href="/login">Login</a></div>
   <h2 class="topic-title"><a href="./viewtopic.php?t=42">Cold radiator upstairs</a></h2>
   <div class="action-bar"><a href="./posting.php?mode=reply">Post Reply</a> 5 posts • Page 1 of 1</div>
   ${inner}
   <div class="jumpbox"><a href="./viewforum.php?f=3">Return to Central heating</a></div>
   <div class="copyright">Powered by board software</div></div>`;

function read(body: string) {
  const r = extractArticle(page(body, '<title>Cold radiator upstairs - Home Heating Board</title>', URL), URL);
  if (!r.ok) throw new Error(`expected an article, got ${r.reason}`);
  return r;
}

describe('a phpBB-style thread with no schema.org markup', () => {
  const r = read(boardChrome(`<div id="page-body">${NAMES.map((_, i) => phpbbPost(i)).join('\n')}</div>`));

  it('reads as its five posts, the opening one first, each under its author and the date it was posted', () => {
    expect(r.choice.source).toBe('thread');
    expect(r.article.threadPosts).toBe(5);
    const heads = r.article.text.split('\n').filter((line) => / · /.test(line));
    expect(heads).toEqual(NAMES.map((n, i) => `${n} · Tue Jan ${7 + i}, 2025 ${9 + i}:1${i} pm`));
    expect(r.article.text.startsWith(`coldfeet · Tue Jan 7, 2025 9:10 pm\n\n${SAYINGS[0]}`)).toBe(true);
    expect(r.article.byline).toBe('coldfeet');
  });

  it('keeps every post\'s text, in paragraphs', () => {
    for (const said of SAYINGS) expect(r.article.text).toContain(said);
    expect(r.article.text).toContain('Second line of post 5');
  });

  it('leaves out user cards, join dates, signatures, "Quote" buttons and the board around the thread', () => {
    for (const clutter of ['Joined', 'Posts: 1', 'Sent from my kitchen table', 'Quote', 'Re: Cold radiator', 'Return to Central heating', 'Post Reply', 'Powered by']) {
      expect(r.article.text).not.toContain(clutter);
    }
  });
});

describe('a thread whose opening post stands apart from the replies', () => {
  // Mumsnet-style: the opening post in its own box with the topic's title, the replies in a
  // list below; only the body's class is shared. Names are plain text before the date.
  const reply = (i: number) =>
    `<div id="r${i}" class="reply-card rounded"><div class="reply-head"><b>${NAMES[i]} · <span>0${i}/02/2026 19:4${i}</span></b><button aria-label="Post options"></button></div>` +
    `<div class="post-body prose"><p>${SAYINGS[i]}</p></div><div class="reply-foot"><button>Like</button> <button>Report</button></div></div>`;
  const r = read(
    `<div class="topic"><div class="label">Original poster</div><h1>Cold radiator upstairs</h1><div id="original-post"><p class="byline">${NAMES[0]} · <span>01/02/2026 19:40</span></p><div class="post-body prose"><p>${SAYINGS[0]}</p></div></div></div>` +
      `<div class="replies">${[1, 2, 3, 4].map(reply).join('')}</div><div class="foot">Talk guidelines</div>`,
  );

  it('reads the opening post first, with its author and date, then each reply', () => {
    expect(r.choice.source).toBe('thread');
    expect(r.article.threadPosts).toBe(5);
    const heads = r.article.text.split('\n').filter((line) => / · /.test(line));
    expect(heads).toEqual(NAMES.map((n, i) => `${n} · 0${i || 1}/02/2026 19:4${i}`));
    expect(r.article.text).not.toMatch(/Original poster|Like|Report/);
  });
});

describe('repeated blocks of name, date and text that are not a thread', () => {
  it('a blog\'s list of posts, each led by a headline linking to it, is not read as a thread', () => {
    const card = (i: number) =>
      `<div class="entry"><h2><a href="/2025/01/post-${i}.html">Post number ${i} about the allotment</a></h2><p class="meta">by ${NAMES[i]} on Jan ${i + 3}, 2025</p><div class="excerpt"><p>${SAYINGS[i]}</p></div></div>`;
    const r = extractArticle(page(`<div class="posts">${[0, 1, 2, 3, 4].map(card).join('')}</div>`, '<title>The allotment blog</title>', 'https://blog.example/'), 'https://blog.example/');
    expect(r.ok && r.choice.source).not.toBe('thread');
  });

  it('a news story keeps its story, whatever the comment list below it looks like', () => {
    const comment = (i: number) => `<div class="note"><p class="who">${NAMES[i]} · Jan ${i + 3}, 2025</p><div class="said">${SAYINGS[i]}</div></div>`;
    const r = read(`<div class="story"><h1>A story</h1>${prose(9)}</div><div class="notes">${[0, 1, 2, 3, 4].map(comment).join('')}</div>`);
    expect(r.choice.source).not.toBe('thread');
    expect(r.article.text).toContain('Paragraph 9 about the harbour');
  });

  const remark = (i: number, kind: string) => `<div class="${kind}"><p class="by"><a href="/user/${NAMES[i]}">${NAMES[i]}</a> · Jan ${i + 3}, 2025</p><div class="${kind}-text"><p>${SAYINGS[i]}</p></div></div>`;

  it('reviews under a product, however long, leave the product the page', () => {
    const specs = '<ul class="specs"><li>Width: 42 cm</li><li>Depth: 30 cm</li><li>Weight: 2.4 kg</li><li>Material: oak and steel</li><li>Finish: oiled</li><li>Warranty: five years</li></ul>';
    const r = read(`<div class="product"><h1>Oak radiator shelf</h1><p class="price">£49.00</p><p>A solid oak shelf that sits over a radiator and sends its warm air out into the room instead of up the wall behind it, so the room warms sooner and the wall above stays clean.</p><p>Each shelf is cut from one board, oiled by hand and fixed with two steel brackets that fit any radiator up to twelve centimetres deep; the fixings and a template come in the box.</p><p>Care: wipe it with a damp cloth and oil it once a year. Delivery takes three to five working days, and you can return it within thirty days if it does not suit your room.</p>${specs}</div><div class="review-list">${[0, 1, 2, 3, 4].map((i) => remark(i, 'review')).join('')}</div>`);
    expect(r.choice.source).not.toBe('thread');
  });

  it('a page of nothing but comments on a story elsewhere (a link aggregator) is read as its thread', () => {
    const r = read(`<div class="story-link"><a href="https://elsewhere.example/radiators">Why radiators go cold (elsewhere.example)</a></div><div class="comment-list">${[0, 1, 2, 3, 4].map((i) => remark(i, 'comment')).join('')}</div>`);
    expect(r.choice.source).toBe('thread');
    expect(r.article.threadPosts).toBe(5);
  });

  it('the paragraphs of an article with dates in them are no posts: one writer is no discussion', () => {
    const entry = (i: number) => `<div class="update"><p class="stamp">Jan ${i + 3}, 2025</p><div class="text">${SAYINGS[i]}</div></div>`;
    const r = read(`<div class="log"><h1>Heating diary</h1>${[0, 1, 2, 3, 4].map(entry).join('')}</div>`);
    expect(r.choice.source).not.toBe('thread');
    for (const said of SAYINGS) expect(r.article.text).toContain(said);
  });
});

describe('a thread whose replies nest inside the posts they answer', () => {
  // Reddit-style: each comment holds its own replies, and a row of links under it; every link
  // (names, permalinks) goes to the site's own host, a social network's.
  const SHORT = 'Yes, exactly that.';
  const site = 'https://www.reddit.com';
  const comment = (i: number, replies = '', said = `<p>${SAYINGS[i]}</p>`) =>
    `<div class="thing comment" id="c${i}"><div class="entry"><div class="tagline"><a href="${site}/user/${NAMES[i]}">${NAMES[i]}</a> ${i + 2} points ${i + 2} hours ago</div>` +
    `<div class="usertext"><div class="md">${said}</div></div>` +
    `<ul class="buttons"><li><a href="${site}/r/diy/comments/1/c${i}">permalink</a></li><li><a href="${site}/r/diy/comments/1/c${i}?share">share</a></li>` +
    `<li><a href="${site}/r/diy/comments/1/c${i}?save">save</a></li><li><a href="${site}/report?c=${i}">report</a></li></ul></div>` +
    `<div class="child">${replies}</div></div>`;
  const url = `${site}/r/diy/comments/1/cold_radiator/`;
  const thread = `<div class="comments">${comment(0, comment(1, comment(2, '', SHORT)))}${comment(3)}${comment(4)}</div>`;
  const found = extractArticle(page(thread, '<title>Cold radiator upstairs</title>', url), url);
  if (!found.ok) throw new Error('expected the thread');
  const r = found;

  it('reads every comment once, replies after the comment they answer, each under its own name', () => {
    expect(r.choice.source).toBe('thread');
    expect(r.article.threadPosts).toBe(5);
    const heads = r.article.text.split('\n').filter((line) => / · /.test(line));
    expect(heads).toEqual(NAMES.map((n, i) => `${n} · ${i + 2} hours ago`));
    for (const said of [...SAYINGS.filter((_, i) => i !== 2), SHORT]) expect(r.article.text.split(said)).toHaveLength(2);
  });

  it('keeps a short reply whose row of share links outweighs it, without the links', () => {
    expect(r.article.text).toContain(`${NAMES[2]} · 4 hours ago\n\n${SHORT}`);
    for (const link of ['permalink', 'share', 'save', 'report']) expect(r.article.text).not.toMatch(new RegExp(`\\b${link}\\b`));
  });
});
