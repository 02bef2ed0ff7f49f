// What a thread's post is, and the small text and order helpers the ways of finding posts share
// (page-kind/thread.ts from microdata, thread-json-ld.ts from JSON-LD, thread-siblings.ts by shape).
import { countWordsIn, normalizedTextUpTo } from '../dom';

export const POST_TYPES = /^(?:DiscussionForumPosting|SocialMediaPosting|Comment|Answer|Question|UserComments)$/i;

/** A post's visible copy holds this share of its declared text at least... */
const VISIBLE_SHARE = 0.8;
/** ...and its last words, this many... */
const ENDING_WORDS = 4;
/** ...and may hold this many times its declared text (quotes, attachments), no more. */
const MAX_WIDENING = 3;

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

/** The posts' ThreadPosts, in the order their elements come in the page. */
export function inReadingOrder(posts: { el: Element; post: ThreadPost }[]): ThreadPost[] {
  posts.sort((a, b) => (a.el === b.el ? 0 : a.el.compareDocumentPosition(b.el) & 4 /* FOLLOWING */ ? -1 : 1));
  return posts.map(({ post }) => post);
}

/** An element's text (or `content`) as an author's name, or null when it is longer than a name. */
export function nameText(el: Element): string | null {
  const text = squash(el.getAttribute('content') ?? el.textContent ?? '');
  return text && countWordsIn(text) <= MAX_NAME_WORDS ? text : null;
}

/**
 * Where the page shows a post whose text it declares elsewhere (a <meta content>, JSON-LD), from
 * the text node that begins it: the first of `from` and its ancestors below `stop` whose text
 * holds nearly all of the declared text, and its last words. Null when that element is far longer
 * (the post is not shown whole and the climb reached the page around it), or when it lacks the
 * ending: a cut-short preview of the post (Invision's "featured replies") begins the same way.
 * Bounded reads: a page of a thousand such posts never reads the page's text once per post.
 */
export function visibleCopyFrom(from: Element | null, stop: Element, declared: string): Element | null {
  const whole = squash(declared);
  const chars = VISIBLE_SHARE * whole.length;
  const ending = whole.split(' ').slice(-ENDING_WORDS).join(' ');
  for (let at = from; at && at !== stop; at = at.parentElement) {
    const text = normalizedTextUpTo(at, MAX_WIDENING * chars);
    if (text === null) return null;
    if (text.length >= chars) return text.includes(ending) ? at : null;
  }
  return null;
}

export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Tag and first class, what the posts of one list share (`article.message`; `tr.` when classless). */
export function shapeKey(el: Element): string {
  const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/)[0] ?? '';
  return `${el.localName}.${cls}`;
}
