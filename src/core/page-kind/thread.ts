// The posts of a discussion page, as the page itself marks them. Forum and Q&A software (Discourse,
// XenForo, NodeBB, Stack Exchange, phpBB themes and many more) annotates every post with schema.org
// microdata: an item typed DiscussionForumPosting, Comment, Answer, Question or the older
// UserComments, whose own properties name the post's body (`text`, `articleBody`, `commentText`),
// its author and its date. Read from those annotations, a thread is a sequence of posts (author,
// date, body) without what surrounds each body on the page: vote counts, user cards with join
// dates and post counts, share and edit links, signatures, "report" buttons.
// Two conventions the annotations follow:
// - On a Q&A page, Comment items inside a Question or an Answer are remarks on that post, not
//   posts of the thread (schema.org's `comment` of an Answer); they are left out, as Q&A sites
//   themselves fold them away.
// - The opening post is sometimes described only in JSON-LD and left unmarked in the markup
//   (XenForo); a sibling of the marked posts that has their shape (same tag and class) is a post
//   too, its body found where the marked posts keep theirs.
// Not every page with this markup is a thread: an FAQ marks each of its questions as a Question
// with an accepted Answer. Several Questions, or posts with neither author nor date, are no thread.
import { countWordsIn } from '../dom';
import { typesIn } from './discussion';

const POST_TYPES = /^(?:DiscussionForumPosting|SocialMediaPosting|Comment|Answer|Question|UserComments)$/i;
const QA_TYPES = /^(?:Question|Answer)$/i;
const BODY_PROPS = ['text', 'articleBody', 'commentText'];
const AUTHOR_PROPS = ['author', 'creator'];
const DATE_PROPS = ['datePublished', 'dateCreated', 'commentTime'];
/** The first words of a declared text, looked for in the visible page... */
const PROBE_WORDS = 4;
/** ...and the share of the declared text the element found must hold. */
const VISIBLE_SHARE = 0.8;
/** An author "name" longer than this is a user card (name, title, join date, post count), not a name. */
const MAX_NAME_WORDS = 6;

export type PostRole = 'question' | 'accepted' | 'answer' | 'post';

export interface ThreadPost {
  /** The element holding the post's text, in the document it was found in. */
  body: Element;
  author: string | null;
  /** The date as the page wrote it for readers (or the ISO date when it showed none), and as declared. */
  date: { shown: string; iso: string | null } | null;
  role: PostRole;
}

interface Item {
  el: Element;
  types: string[];
  /** The item's own properties (not those of items nested in it), by name, in document order. */
  props: Map<string, Element[]>;
}

/** The thread's posts in reading order, or an empty list when the page marks up none. */
export function threadPosts(root: Element): ThreadPost[] {
  const items: Item[] = [];
  for (const el of Array.from(root.querySelectorAll('[itemscope][itemtype]'))) {
    const types = typesIn(el.getAttribute('itemtype') ?? '');
    if (types.some((t) => POST_TYPES.test(t))) items.push({ el, types, props: ownProps(el) });
  }
  const byElement = new Map(items.map((i) => [i.el, i]));
  const posts: { el: Element; post: ThreadPost; item: Item }[] = [];
  for (const item of items) {
    if (isRemarkOnQaPost(item, byElement)) continue;
    const post = postOf(item);
    if (post) posts.push({ el: item.el, post, item });
  }
  // An FAQ marks each of its questions as a Question with an accepted Answer: a page of several
  // Questions is an FAQ, not a thread. And a post is somebody's, at some time: answers with no
  // author or date are a page's own text in Q&A markup.
  if (items.filter((i) => i.types.some((t) => /^Question$/i.test(t))).length > 1) return [];
  if (posts.filter(({ post }) => post.author || post.date).length * 2 < posts.length) return [];
  const unmarked = unmarkedSiblings(posts);
  const all = [...posts.map(({ el, post }) => ({ el, post })), ...unmarked];
  all.sort((a, b) => (a.el === b.el ? 0 : a.el.compareDocumentPosition(b.el) & 4 /* FOLLOWING */ ? -1 : 1));
  return all.map(({ post }) => post);
}

function postOf(item: Item): ThreadPost | null {
  const declared = BODY_PROPS.map((p) => item.props.get(p)?.[0]).find(Boolean);
  const body = declared?.localName === 'meta' ? visibleCopyOf(item.el, declared.getAttribute('content') ?? '') : declared;
  if (!body) return null;
  const text = body.textContent ?? '';
  if (countWordsIn(text) === 0) return null;
  // NodeBB marks the topic's title as the topic item's `text`; the opening post is its own item.
  const headline = first(item.props, ['headline', 'name']);
  if (headline && squash(headline.getAttribute('content') ?? headline.textContent ?? '') === squash(text)) return null;
  return { body, author: authorOf(item), date: dateOf(item, body), role: roleOf(item) };
}

/**
 * Where a post whose text the page declares in a <meta content> shows that text: the element
 * around the first text node that starts it, widened until it holds (nearly) all of it.
 */
function visibleCopyOf(item: Element, declared: string): Element | null {
  const text = squash(declared);
  const probe = text.split(' ').slice(0, PROBE_WORDS).join(' ');
  if (countWordsIn(probe) < PROBE_WORDS) return null;
  const walker = item.ownerDocument.createTreeWalker(item, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!squash(node.nodeValue ?? '').includes(probe)) continue;
    for (let at = node.parentElement; at && at !== item; at = at.parentElement) {
      if (squash(at.textContent ?? '').length >= VISIBLE_SHARE * text.length) return at;
    }
    return null;
  }
  return null;
}

/** A Comment item inside a Question or an Answer: a remark on that post. */
function isRemarkOnQaPost(item: Item, items: ReadonlyMap<Element, Item>): boolean {
  if (item.types.some((t) => QA_TYPES.test(t))) return false;
  for (let up = item.el.parentElement; up; up = up.parentElement) {
    const owner = items.get(up);
    if (owner) return owner.types.some((t) => QA_TYPES.test(t));
  }
  return false;
}

function roleOf(item: Item): PostRole {
  if (item.types.some((t) => /^Question$/i.test(t))) return 'question';
  if (!item.types.some((t) => /^Answer$/i.test(t))) return 'post';
  return /\bacceptedAnswer\b/.test(item.el.getAttribute('itemprop') ?? '') ? 'accepted' : 'answer';
}

function authorOf(item: Item): string | null {
  const el = first(item.props, AUTHOR_PROPS);
  if (!el) return null;
  if (el.hasAttribute('itemscope')) {
    const name = ownProps(el).get('name')?.[0];
    if (name) return nameText(name);
  }
  return nameText(el);
}

function nameText(el: Element): string | null {
  const text = squash(el.getAttribute('content') ?? el.textContent ?? '');
  return text && countWordsIn(text) <= MAX_NAME_WORDS ? text : null;
}

function dateOf(item: Item, body: Element): ThreadPost['date'] {
  const el = first(item.props, DATE_PROPS);
  const iso = el ? squash(el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent ?? '') || null : null;
  const shownOn = (e: Element) => (e.localName === 'meta' ? '' : squash(e.textContent ?? ''));
  // What readers see: the date element's own text; when the page declares it in a <meta>, the
  // declared date (a post's visible <time> is often "3 years ago"), else the post's first <time>.
  // A shown date without a year ("3 years ago", "yesterday", "Feb 20") gives way to the declared one.
  let shown = el ? shownOn(el) : '';
  if (iso && !/\d{4}/.test(shown)) shown = iso.slice(0, 10);
  if (!shown) {
    const time = Array.from(item.el.getElementsByTagName('time')).find((t) => !body.contains(t) && closestItem(t) === item.el);
    shown = time ? shownOn(time) : '';
  }
  return shown ? { shown, iso } : null;
}

/**
 * Siblings of marked posts that have the marked posts' shape but no markup of their own (an
 * opening post described only in JSON-LD), read by the same pattern: body, author, date where
 * a marked sibling keeps them.
 */
function unmarkedSiblings(posts: readonly { el: Element; post: ThreadPost; item: Item }[]): { el: Element; post: ThreadPost }[] {
  const found: { el: Element; post: ThreadPost }[] = [];
  const seen = new Set<Element>();
  for (const { el, post, item } of posts) {
    const parent = el.parentElement;
    if (!parent || seen.has(parent)) continue;
    seen.add(parent);
    const shape = shapeOf(el);
    // The body's own shape, or its nearest ancestor's in the post that has one (XenForo's
    // itemprop=text <div> has no class; the message-body around it does).
    const bodyAt = shapedAround(post.body, el);
    const author = first(item.props, AUTHOR_PROPS);
    const authorName = author?.hasAttribute('itemscope') ? ownProps(author).get('name')?.[0] : author;
    const nameAt = authorName ? shapedAround(authorName, el) : null;
    if (!shape || !bodyAt) continue;
    for (const sibling of Array.from(parent.children)) {
      if (sibling.hasAttribute('itemscope') || shapeOf(sibling) !== shape) continue;
      // Discourse marks its opening post on the topic item around it: already read.
      if (posts.some((p) => sibling.contains(p.post.body))) continue;
      const body = sameShapeIn(sibling, bodyAt);
      if (!body || countWordsIn(body.textContent ?? '') === 0) continue;
      const name = nameAt ? sameShapeIn(sibling, nameAt) : null;
      found.push({ el: sibling, post: { body, author: name ? nameText(name) : null, date: timeIn(sibling, body), role: 'post' } });
    }
  }
  return found;
}

/**
 * `el`, or its nearest ancestor below `post` that has a class: what can be looked for in another
 * post (XenForo's itemprop=text <div> has no class; the message-body around it does).
 */
function shapedAround(el: Element, post: Element): Element | null {
  for (let at: Element | null = el; at && at !== post; at = at.parentElement) if (shapeOf(at)) return at;
  return null;
}

/** The first element in `root` with the shape of `like`. */
function sameShapeIn(root: Element, like: Element): Element | null {
  const shape = shapeOf(like);
  return Array.from(root.getElementsByTagName(like.localName)).find((e) => shapeOf(e) === shape) ?? null;
}

function timeIn(post: Element, body: Element): ThreadPost['date'] {
  const time = Array.from(post.getElementsByTagName('time')).find((t) => !body.contains(t));
  if (!time) return null;
  const shown = squash(time.textContent ?? '');
  const iso = time.getAttribute('datetime');
  return shown || iso ? { shown: shown || iso!.slice(0, 10), iso } : null;
}

/** Tag and first class: what posts of one list share (`article.message`). */
function shapeOf(el: Element): string | null {
  const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/)[0];
  return cls ? `${el.localName}.${cls}` : null;
}

/** The properties an item declares itself: its descendants' `itemprop`s, not those inside nested items. */
function ownProps(item: Element): Map<string, Element[]> {
  const props = new Map<string, Element[]>();
  const walk = (el: Element) => {
    for (const child of Array.from(el.children)) {
      const names = (child.getAttribute('itemprop') ?? '').split(/\s+/).filter(Boolean);
      for (const name of names) {
        const list = props.get(name);
        if (list) list.push(child);
        else props.set(name, [child]);
      }
      // A nested item's own properties are its own; the nested item itself is a property of this one.
      if (!child.hasAttribute('itemscope')) walk(child);
    }
  };
  walk(item);
  return props;
}

function closestItem(el: Element): Element | null {
  for (let up = el.parentElement; up; up = up.parentElement) if (up.hasAttribute('itemscope')) return up;
  return null;
}

function first(props: Map<string, Element[]>, names: readonly string[]): Element | undefined {
  for (const name of names) {
    const el = props.get(name)?.[0];
    if (el) return el;
  }
  return undefined;
}


function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
