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
import { jsonLdPosts, probeOf } from './thread-json-ld';
import { unmarkedSiblings } from './thread-siblings';
import { inReadingOrder, nameText, POST_TYPES, squash, visibleCopyFrom, type PostRole, type ThreadPost } from './thread-post';

export type { PostRole, ThreadPost } from './thread-post';

const QA_TYPES = /^(?:Question|Answer)$/i;

const BODY_PROPS = ['text', 'articleBody', 'commentText'];

const AUTHOR_PROPS = ['author', 'creator'];

const DATE_PROPS = ['datePublished', 'dateCreated', 'commentTime'];

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
  // Invision describes its posts only in JSON-LD; the markup carries none.
  if (posts.length < 2) return jsonLdPosts(root);
  if (posts.filter(({ post }) => post.author || post.date).length * 2 < posts.length) return [];
  const marked = posts.map(({ el, post, item }) => {
    const author = first(item.props, AUTHOR_PROPS);
    return { el, post, authorName: author?.hasAttribute('itemscope') ? ownProps(author).get('name')?.[0] : author };
  });
  return inReadingOrder([...marked, ...unmarkedSiblings(marked)]);
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
  const probe = probeOf(text);
  if (!probe) return null;
  const walker = item.ownerDocument.createTreeWalker(item, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!squash(node.nodeValue ?? '').includes(probe)) continue;
    return visibleCopyFrom(node.parentElement, item, text);
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
