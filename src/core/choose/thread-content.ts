// On a discussion page whose posts are marked up (page-kind/thread.ts), the reader's content is
// rebuilt from the posts: one <article> a post, a <header> line with its author and date, then
// the post's own body. What sits between the bodies on the page (vote counts, user cards, share
// and report links, signatures) is not copied, where Readability keeps whatever block holds the
// most text, chrome and all.
// Built from the cleaned copy before Readability takes it apart; the pipeline sanitizes the result
// like any article. Used only when the posts hold most of what the page's pick holds: a page that
// marks up a few of its posts must not lose the others.
import { countWordsIn } from '../dom';
import { threadPosts, type ThreadPost } from '../page-kind/thread';
import { postsOfShape } from '../page-kind/thread-shape';

/** Fewer marked posts than this is no thread. */
const MIN_POSTS = 2;
/** The posts must hold this share of the words of the pick they replace. */
export const THREAD_OVER_PICK = 0.25;
/** A quote of an earlier post this long (in words, about) is dropped... */
const LONG_QUOTE_WORDS = 25;
/** ...when this share of its word triples are in the posts above it. */
const REPEATED_SHARE = 0.8;

export interface ThreadContent {
  /** A <div> of <article>s, in the copy's document. */
  content: Element;
  posts: number;
  /** Index of the accepted answer among the posts, when a Q&A page marks one. */
  accepted: number | null;
  words: number;
  /** Whether the page marks its posts up (schema.org), or they were found by their shape. */
  foundBy: 'markup' | 'shape';
  /** The opening post's author, the thread's byline. */
  starter: string | null;
}

/** `unmarked`: a thread's posts found by their shape where the page marks up none (thread-shape.ts). */
export function threadContent(doc: Document, root: Element, unmarked: readonly Element[] | null = null): ThreadContent | null {
  const marked = threadPosts(root);
  const posts = marked.length > 0 || !unmarked ? marked : postsOfShape(unmarked);
  if (posts.length < MIN_POSTS) return null;
  const content = doc.createElement('div');
  const earlier = new Set<string>();
  let words = 0;
  for (const post of posts) {
    const article = postElement(doc, post);
    dropRepeatedQuotes(article, earlier);
    const text = article.textContent ?? '';
    for (const t of trigrams(text)) earlier.add(t);
    content.append(article);
    words += countWordsIn(text);
  }
  const accepted = posts.findIndex((p) => p.role === 'accepted');
  return { content, posts: posts.length, foundBy: marked.length > 0 ? 'markup' : 'shape', accepted: accepted < 0 ? null : accepted, words, starter: posts[0]!.author };
}

/** Whether the thread may stand in for a pick of `pickWords` words. */
export function threadCoversPick(thread: ThreadContent, pickWords: number): boolean {
  return thread.words >= THREAD_OVER_PICK * pickWords;
}

function postElement(doc: Document, post: ThreadPost): Element {
  const article = doc.createElement('article');
  const line = headerLine(doc, post.author, post.date);
  if (line) {
    const header = doc.createElement('header');
    header.append(line);
    article.append(header);
  }
  // The body's children, not the body itself: a <td> or <li> body would not stand alone.
  appendAsParagraphs(doc, article, Array.from(post.body.childNodes, (child) => child.cloneNode(true)));
  return article;
}

const BLOCK = /^(?:p|div|blockquote|pre|ul|ol|dl|table|figure|h[1-6]|hr|section|aside|details|article|header|footer)$/;

/**
 * Appends a post body's nodes to `post`, its loose text (forum posts are often text with
 * <br><br> between paragraphs) gathered into <p>s at each blank line: the paragraphs Readability
 * would make of it (its "replace brs" step), which the thread does not pass through.
 */
function appendAsParagraphs(doc: Document, post: Element, given: readonly Node[]): void {
  let nodes = given;
  // Through wrappers (XenForo's bbWrapper): a lone <div> holding the whole body is no block of its own.
  for (let lone = loneDiv(nodes); lone; lone = loneDiv(nodes)) nodes = Array.from(lone.childNodes);
  let run: Node[] = [];
  const flush = () => {
    // Line breaks at the edges of a paragraph are the blank line's, not the paragraph's.
    while (run.length && isBreakOrBlank(run[run.length - 1]!)) run.pop();
    while (run.length && isBreakOrBlank(run[0]!)) run.shift();
    if (run.length) {
      const p = doc.createElement('p');
      p.append(...run);
      post.append(p);
    }
    run = [];
  };
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.nodeType === 1 && BLOCK.test((node as Element).localName)) {
      flush();
      post.append(node);
    } else if (isBreak(node) && nextBreakAfter(nodes, i) !== null) {
      flush();
      i = nextBreakAfter(nodes, i)!;
    } else run.push(node);
  }
  flush();
}

function loneDiv(nodes: readonly Node[]): Element | null {
  const solid = nodes.filter((n) => !isBlank(n) && n.nodeType !== 8 /* COMMENT */);
  return solid.length === 1 && solid[0]!.nodeType === 1 && (solid[0] as Element).localName === 'div' ? (solid[0] as Element) : null;
}

/** The index of a <br> that follows the one at `i` with only blank text between, or null. */
function nextBreakAfter(nodes: readonly Node[], i: number): number | null {
  for (let j = i + 1; j < nodes.length; j++) {
    if (isBreak(nodes[j]!)) return j;
    if (!isBlank(nodes[j]!)) return null;
  }
  return null;
}

const isBreak = (n: Node) => n.nodeType === 1 && (n as Element).localName === 'br';
const isBlank = (n: Node) => n.nodeType === 3 && !(n.nodeValue ?? '').trim();
const isBreakOrBlank = (n: Node) => isBreak(n) || isBlank(n);

/**
 * Quotes of earlier posts long enough to be a post again: a reply that quotes the whole of the
 * post above it would have the reader read it twice. A short quote (the line being answered) stays.
 */
function dropRepeatedQuotes(post: Element, earlier: ReadonlySet<string>): void {
  for (const quote of Array.from(post.getElementsByTagName('blockquote'))) {
    if (!post.contains(quote)) continue; // inside a quote already dropped
    const grams = trigrams(quote.textContent ?? '');
    if (grams.length < LONG_QUOTE_WORDS) continue;
    const seen = grams.filter((g) => earlier.has(g)).length;
    if (seen >= REPEATED_SHARE * grams.length) quote.remove();
  }
}

/** Word triples of a text, lower-cased: what a quote shares with the post it quotes. */
function trigrams(text: string): string[] {
  const w = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const out: string[] = [];
  for (let i = 2; i < w.length; i++) out.push(`${w[i - 2]} ${w[i - 1]} ${w[i]}`);
  return out;
}

function headerLine(doc: Document, author: string | null, date: ThreadPost['date']): Element | null {
  if (!author && !date) return null;
  const p = doc.createElement('p');
  if (author) {
    const name = doc.createElement('strong');
    name.textContent = author;
    p.append(name);
  }
  if (date) {
    if (author) p.append(' · ');
    const time = doc.createElement('time');
    if (date.iso) time.setAttribute('datetime', date.iso);
    time.textContent = date.shown;
    p.append(time);
  }
  return p;
}
