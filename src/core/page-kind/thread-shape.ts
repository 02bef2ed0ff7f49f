// A thread the page does not mark up at all (phpBB, vBulletin and many hand-made boards carry no
// schema.org markup), found by its shape: one container whose children repeat the same element
// (tag and first class), each holding somebody's post: a line with a date and a name, and a body
// of text. Nothing else on a page repeats "name, date, text" as siblings that together hold most
// of the page's prose: an article's paragraphs have no dates, a listing's cards each lead with a
// headline linking to another page, and a news story's comment section sits beside the story.
// Each post's body is found where the posts agree it is (the same way down from the post in most
// of them), so the user card, the "Quote" buttons and the signature beside it are left out.
import { countWordsIn } from '../dom';
import { shapeKey, type ThreadPost } from './thread-post';
import { isAuthorElement, mayShowDate, postLine } from './thread-shape-line';
import { remarkOnContent } from './thread-shape-remarks';

/** Fewer repeated children than this is no thread. */
const MIN_POSTS = 3;
/** The posts hold this share of the page's prose at least. */
export const SHAPED_SHARE = 0.5;
/** This share of the posts show a date and a name at least (a page's sections show a date or two)... */
const DATED_SHARE = 0.8;
/** ...and a listing's cards each lead with a headline link: this share of them is a listing. */
const HEADLINED_SHARE = 0.5;
/** The way to the body that this share of the posts take at least (the others stop above it). */
const WAY_SUPPORT = 0.3;
/** A body holds this share of its post's words. */
const BODY_SHARE = 0.5;
/** A thread found by its shape: the repeated posts, and the body of each post and nested reply. */
export interface ShapedThread {
  posts: Element[];
  bodies: Element[];
}

/**
 * The thread the page's repeated children make, or null when none does. `share` is each
 * element's share of the page's prose (removal-guard.ts); `storyOutside` the most prose any
 * element outside the posts gathers (a story above its comments).
 */
export function shapedThread(elements: readonly Element[], share: (el: Element) => number, storyOutside: (posts: Element[]) => number, storyProse: number): ShapedThread | null {
  const qualified: { thread: ShapedThread; share: number }[] = [];
  for (const posts of repeatedChildren(elements, share)) {
    const held = posts.reduce((sum, el) => sum + share(el), 0);
    if (held < SHAPED_SHARE) continue;
    // The cheap test first: most groups around an article's text (header, main, footer) are
    // not mostly dated blocks, and reading posts walks every member's subtree again.
    // (Loosely: some posts show their date only on the replies nested in them.)
    if (posts.filter(mayShowDate).length * 2 < posts.length) continue;
    const read = readPosts(posts);
    if (readsAsThread(posts, read)) qualified.push({ thread: { posts, bodies: read.map((r) => r.post.body) }, share: held });
  }
  // The page's own wrappers repeat too (header, menu, content), and the one holding the thread
  // shows its names and dates: a group whose members hold another group of another shape is
  // around the posts, not the posts. (Replies of the same shape nested in posts are the posts'.)
  const around = (outer: ShapedThread, inner: ShapedThread) => shapeKey(outer.posts[0]!) !== shapeKey(inner.posts[0]!) && outer.posts.some((p) => p.contains(inner.posts[0]!));
  const posts = qualified.filter((q) => !qualified.some((o) => o !== q && around(q.thread, o.thread)));
  const best = posts.reduce<(typeof posts)[number] | null>((b, q) => (!b || q.share > b.share ? q : b), null);
  if (!best || storyOutside(best.thread.posts) >= storyProse) return null;
  return best.thread;
}

/**
 * Each element's children grouped by shape, the groups of at least MIN_POSTS, under the elements
 * holding enough of the prose for their children to (a map lookup that leaves a handful of the
 * page's elements to look into: the ones around its main text).
 */
function repeatedChildren(elements: readonly Element[], share: (el: Element) => number): Element[][] {
  const groups: Element[][] = [];
  for (const parent of elements) {
    if (parent.childElementCount < MIN_POSTS || share(parent) < SHAPED_SHARE) continue;
    const byShape = new Map<string, Element[]>();
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      if (INLINE_OR_TEXT.has(child.localName)) continue;
      const key = shapeKey(child);
      const list = byShape.get(key);
      if (list) list.push(child);
      else byShape.set(key, [child]);
    }
    for (const list of byShape.values()) if (list.length >= MIN_POSTS) groups.push(list);
  }
  return groups;
}

/** Elements that are a post's text or a line of it, never a post: paragraphs repeat too. */
const INLINE_OR_TEXT = new Set(['p', 'span', 'a', 'b', 'strong', 'em', 'i', 'br', 'img', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'code', 'blockquote', 'script', 'style', 'option', 'td', 'th']);


/** Posts show dates, by more than one name, and are not a listing's headlined cards. */
function readsAsThread(posts: readonly Element[], read: readonly { el: Element; post: ThreadPost }[]): boolean {
  const dated = read.filter((p) => p.post.date).length;
  const named = read.filter((p) => p.post.author).length;
  if (read.length === 0 || Math.min(dated, named) < DATED_SHARE * read.length) return false;
  const names = new Set(read.map((p) => p.post.author).filter(Boolean));
  if (names.size < 2) return false;
  // Comments or reviews with no opening post of their own remark on the page's content.
  const opened = read[0]!.el !== posts[0];
  if (!opened && remarkOnContent(posts, read[0]!.post.body)) return false;
  const headlined = posts.filter(leadsWithHeadlineLink).length;
  return headlined < HEADLINED_SHARE * posts.length;
}

/** The thread's posts read from the repeated children: body, author, date. */
export function postsOfShape(posts: readonly Element[]): ThreadPost[] {
  return readPosts(posts.filter((p) => p.isConnected)).map((p) => p.post);
}

function readPosts(group: readonly Element[]): { el: Element; post: ThreadPost }[] {
  const posts = withReplies(group);
  // A post's replies nested in it are theirs, not its body: no way down leads into them.
  const aboveReplies = new Set<Element>();
  const top = group[0]!.parentElement;
  for (const post of posts) for (let up: Element | null = post; up && up !== top && !aboveReplies.has(up); up = up.parentElement) aboveReplies.add(up);
  const ways = posts.map((post) => bodyWay(post, aboveReplies));
  const agreed = agreedWay(ways);
  const out: { el: Element; post: ThreadPost }[] = [];
  posts.forEach((el, i) => {
    const body = followShapes(el, agreed) ?? followShapes(el, ways[i]!.join('>')) ?? el;
    if (countWordsIn(body.textContent ?? '') === 0) return;
    const line = postLine(el, body);
    out.push({ el, post: { body, author: line.author, date: line.date, role: 'post' } });
  });
  const opening = out.length > 0 ? openingPost(out[0]!.el, out[0]!.post.body) : null;
  return opening ? [opening, ...out] : out;
}

/**
 * The posts and the replies nested in them (Reddit, Lobsters, Slashdot nest each reply inside the
 * post it answers): their descendants of the same shape, in reading order.
 */
function withReplies(group: readonly Element[]): Element[] {
  const shape = shapeKey(group[0]!);
  if (shape.endsWith('.')) return [...group]; // classless: every <div> has that shape
  const out: Element[] = [];
  for (const post of group) {
    out.push(post);
    for (const inner of Array.from(post.getElementsByTagName(post.localName))) if (shapeKey(inner) === shape) out.push(inner);
  }
  return out;
}

/** How far above its body an opening post kept apart from the replies may show its date. */
const OPENING_LINE_LEVELS = 3;

/**
 * The opening post, where the page keeps it apart from the replies (in a box of its own above
 * them, with the topic's title): the last element before the first reply with the shape of the
 * replies' body (or of its nearest classed wrapper, and the same way down from it), showing a date
 * just above it.
 */
function openingPost(firstReply: Element, replyBody: Element): { el: Element; post: ThreadPost } | null {
  let anchor: Element | null = replyBody;
  while (anchor && anchor !== firstReply && shapeKey(anchor).endsWith('.')) anchor = anchor.parentElement;
  if (!anchor || anchor === firstReply) return null; // a classless <div> is everywhere
  const shape = shapeKey(anchor);
  const way: string[] = [];
  for (let at = replyBody; at !== anchor; at = at.parentElement!) way.unshift(shapeKey(at));
  let body: Element | null = null;
  for (const el of Array.from(firstReply.ownerDocument.getElementsByTagName(anchor.localName))) {
    if (!(firstReply.compareDocumentPosition(el) & 2 /* PRECEDING */)) break;
    if (shapeKey(el) !== shape || el.contains(firstReply)) continue;
    const found = followShapes(el, way.join('>'));
    if (found && countWordsIn(found.textContent ?? '') > 0) body = found;
  }
  for (let up = body?.parentElement, level = 0; body && up && level < OPENING_LINE_LEVELS && !up.contains(firstReply); up = up.parentElement, level++) {
    const line = postLine(up, body);
    if (line.date) return { el: up, post: { body, author: line.author, date: line.date, role: 'post' } };
  }
  return null;
}

/**
 * The way down from a post to its body, as shapes: into the child holding most of the words, as
 * long as it holds most and the element has no text of its own (then it is the body).
 */
function bodyWay(post: Element, aboveReplies: ReadonlySet<Element>): string[] {
  const way: string[] = [];
  let at = post;
  for (;;) {
    if (ownsText(at)) break;
    let total = 0;
    let best: Element | null = null;
    let bestWords = 0;
    for (let child = at.firstElementChild; child; child = child.nextElementSibling) {
      if (aboveReplies.has(child)) continue;
      const words = countWordsIn(child.textContent ?? '');
      total += words;
      if (words > bestWords) [best, bestWords] = [child, words];
    }
    if (!best || bestWords < BODY_SHARE * total || PARAGRAPH.has(best.localName)) break;
    way.push(shapeKey(best));
    at = best;
  }
  return way;
}

/** A body's own blocks: an element whose largest child is one of these is the body itself. */
const PARAGRAPH = new Set(['p', 'blockquote', 'pre', 'ul', 'ol', 'dl', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figure', 'span', 'a', 'b', 'strong', 'em', 'i', 'font', 'br']);

function ownsText(el: Element): boolean {
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 && /\p{L}{2}/u.test(n.nodeValue ?? '')) return true;
  return false;
}

/**
 * The way to the body the posts agree on, step by step: at each level the step most posts take,
 * as long as enough of them take it. A short post stops early (its name-and-date line weighs as
 * much as its text), a post whose signature outweighs its text turns aside; the posts that go
 * on show where the body is.
 */
function agreedWay(ways: readonly string[][]): string {
  const needed = Math.max(2, WAY_SUPPORT * ways.length);
  const way: string[] = [];
  let along = ways;
  for (let depth = 0; ; depth++) {
    const steps = new Map<string, number>();
    for (const w of along) if (w.length > depth) steps.set(w[depth]!, (steps.get(w[depth]!) ?? 0) + 1);
    let step: string | null = null;
    for (const [s, n] of steps) if (n >= needed && (step === null || n > steps.get(step)!)) step = s;
    if (step === null) return way.join('>');
    way.push(step);
    along = along.filter((w) => w[depth] === step);
  }
}

function followShapes(post: Element, way: string): Element | null {
  if (!way) return post;
  let at: Element | null = post;
  for (const step of way.split('>')) {
    let next: Element | null = null;
    for (let child: Element | null = at!.firstElementChild; child && !next; child = child.nextElementSibling) if (shapeKey(child) === step) next = child;
    if (!next) return null;
    at = next;
  }
  return at;
}

/**
 * A listing's card: it leads with a heading that links to another page (not to a post on this
 * one, and not to the poster's profile: SMF puts the name in an <h4>).
 */
function leadsWithHeadlineLink(post: Element): boolean {
  const heading = post.querySelector('h1, h2, h3, h4');
  const link = heading?.querySelector('a[href]');
  const href = link?.getAttribute('href') ?? '';
  return !!href && !href.startsWith('#') && !/[?&#]p=?\d|#p\d|#post/i.test(href) && !isAuthorElement(link!);
}
