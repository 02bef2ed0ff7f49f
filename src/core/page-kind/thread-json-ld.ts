// Posts a page declares only in its JSON-LD (Invision: a DiscussionForumPosting and its `comment`
// list, each with author, date and text) and shows without markup: each is read where the page
// shows its text.
import { jsonLdValues, ownTypes } from './discussion';
import { unmarkedSiblings } from './thread-siblings';
import { inReadingOrder, POST_TYPES, squash, visibleCopyFrom, type PostRole, type ThreadPost } from './thread-post';

/** A page's JSON-LD longer than this is not read for posts (a long thread's is some hundreds of KB). */
const MAX_THREAD_JSON_LD_CHARS = 4_000_000;

/** The first words of a declared text, looked for in the visible page... */
const PROBE_WORDS = 4;


interface DeclaredPost {
  text: string;
  author: string | null;
  iso: string | null;
  role: PostRole;
}

/**
 * Posts the page declares only in its JSON-LD (a DiscussionForumPosting and its `comment` list,
 * with author, date and text), each read where the page shows its text: the element around the
 * text node that begins it, widened until it holds nearly all of it. One walk over the text,
 * however many posts: each text node's first words are looked up among the posts' first words.
 */
export function jsonLdPosts(root: Element): ThreadPost[] {
  const declared: DeclaredPost[] = [];
  const seen = { questions: 0 };
  for (const value of jsonLdValues(root.ownerDocument, MAX_THREAD_JSON_LD_CHARS)) collectDeclared(value, 'post', 0, declared, seen);
  // As in the markup: several Questions are an FAQ (FAQPage's mainEntity), and a post is somebody's, at some time.
  if (declared.length < 2 || seen.questions > 1) return [];
  if (declared.filter((d) => d.author || d.iso).length * 2 < declared.length) return [];
  const byProbe = new Map<string, DeclaredPost[]>();
  for (const d of declared) {
    const probe = probeOf(d.text);
    if (!probe) continue;
    const list = byProbe.get(probe);
    if (list) list.push(d);
    else byProbe.set(probe, [d]);
  }
  const found = new Map<DeclaredPost, Element>();
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node && found.size < declared.length; node = walker.nextNode()) {
    const waiting = byProbe.get(probeOf(node.nodeValue ?? '') ?? '')?.filter((d) => !found.has(d));
    if (!waiting?.length) continue;
    const d = waiting[0]!;
    const body = visibleCopyFrom(node.parentElement, root, d.text);
    if (body) found.set(d, body);
  }
  // A body that holds another post's body climbed past its own post.
  const holding = bodiesBeneath([...found.values()]);
  const kept = [...found].filter(([, el]) => holding.get(el) === 1);
  if (kept.length < 2) return [];
  const beneath = bodiesBeneath(kept.map(([, body]) => body));
  const posts = kept.map(([d, body]) => {
    const el = postAround(body, beneath);
    return {
      el,
      post: { body, author: d.author, date: d.iso ? { shown: d.iso.slice(0, 10), iso: d.iso } : null, role: d.role } as ThreadPost,
      authorName: d.author ? textElement(el, d.author, body) : undefined,
    };
  });
  // JSON-LD often lists only some of the posts (the first page's, the first N): the others are
  // the found posts' siblings of the same shape.
  return inReadingOrder([...posts, ...unmarkedSiblings(posts)]);
}

/** The element outside `body` in `post` whose whole text is `text` (where the post shows its author's name). */
function textElement(post: Element, text: string, body: Element): Element | undefined {
  const walker = post.ownerDocument.createTreeWalker(post, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (squash(node.nodeValue ?? '') === text && !body.contains(node)) return node.parentElement ?? undefined;
  }
  return undefined;
}

/** How many of `bodies` each of their ancestors holds (one walk up from each). */
function bodiesBeneath(bodies: readonly Element[]): Map<Element, number> {
  const counts = new Map<Element, number>();
  for (const body of bodies) for (let at: Element | null = body; at; at = at.parentElement) counts.set(at, (counts.get(at) ?? 0) + 1);
  return counts;
}

/** The element of the post whose body is `body`: its highest ancestor that holds no other post's body. */
function postAround(body: Element, beneath: ReadonlyMap<Element, number>): Element {
  let post = body;
  while (post.parentElement && beneath.get(post.parentElement) === 1) post = post.parentElement;
  return post;
}

function collectDeclared(value: unknown, role: PostRole, depth: number, out: DeclaredPost[], seen: { questions: number }): void {
  if (depth > 8 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) collectDeclared(v, role, depth + 1, out, seen);
    return;
  }
  const obj = value as Record<string, unknown>;
  const types = ownTypes(obj);
  if (types.some((t) => /^Question$/i.test(t))) seen.questions++;
  const text = ['text', 'articleBody', 'commentText'].map((k) => obj[k]).find((v): v is string => typeof v === 'string' && v.trim() !== '');
  if (text && types.some((t) => POST_TYPES.test(t))) {
    const author = obj['author'] ?? obj['creator'];
    const name = typeof author === 'string' ? author : author && typeof author === 'object' && typeof (author as Record<string, unknown>)['name'] === 'string' ? (author as Record<string, string>)['name'] : null;
    const iso = ['datePublished', 'dateCreated', 'commentTime'].map((k) => obj[k]).find((v): v is string => typeof v === 'string') ?? null;
    const isQuestion = types.some((t) => /^Question$/i.test(t));
    out.push({ text, author: name ? squash(name) || null : null, iso, role: isQuestion ? 'question' : role });
  }
  for (const [key, v] of Object.entries(obj)) {
    if (key === '@graph' || key === 'mainEntity') collectDeclared(v, role, depth + 1, out, seen);
    else if (key === 'comment') collectDeclared(v, 'post', depth + 1, out, seen);
    else if (key === 'acceptedAnswer') collectDeclared(v, 'accepted', depth + 1, out, seen);
    else if (key === 'suggestedAnswer') collectDeclared(v, 'answer', depth + 1, out, seen);
  }
}

/** The first words of a text, by which a declared post is found in the page. */
export function probeOf(text: string): string | null {
  const words = squash(text).split(' ', PROBE_WORDS);
  return words.length === PROBE_WORDS ? words.join(' ') : null;
}
