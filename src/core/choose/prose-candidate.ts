// The second way to find the article: the element that gathers the most prose for the least
// of everything else. Readability scores paragraphs into their parent and grandparent and
// picks the best-scoring node, which goes wrong when the story's paragraphs sit in several
// wrappers (it takes one), when a long author box or reference list outscores short paragraphs,
// or when its own filters drop a block it then never sees. Here every prose block adds its
// weight to all its ancestors, and the candidate is the smallest element that holds nearly all
// of it: the whole story, not the page around it.
import { textBlocks } from './text-blocks';

/** A child holding this share of its parent's prose is where the story is. */
const DOMINANT_SHARE = 0.7;
/**
 * On a discussion page, prose before the dominant child is the thread's opening post (the
 * question above the answers): the walk stops above it when it holds this share.
 */
const OPENING_POST_SHARE = 0.1;

export interface ProseCandidate {
  el: Element;
  /** Prose weight inside the candidate. */
  prose: number;
  /** Prose weight on the whole page. */
  pageProse: number;
  /** The share of all the candidate's text inside links, measured before Readability moves it. */
  linkShare: number;
}

export function proseCandidate(body: Element, options: { discussion?: boolean } = {}): ProseCandidate | null {
  const blocks = textBlocks(body);
  const prose = new Map<Element, number>();
  let pageProse = 0;
  for (const b of blocks) {
    if (b.kind !== 'prose') continue;
    const amount = b.weight - b.linkWeight;
    pageProse += amount;
    for (let a: Element | null = b.el; a; a = a === body ? null : a.parentElement) prose.set(a, (prose.get(a) ?? 0) + amount);
  }
  if (pageProse === 0) return null;
  // Down from the body, into the child that holds most of the prose, while it holds nearly all
  // of it: the smallest element that still has the story. A side box, an author bio or one more
  // teaser beside the story is less than the share left behind, so the walk passes them by; a
  // story split evenly over two wrappers stops at their parent and keeps both.
  let best: Element = body;
  for (;;) {
    let top: Element | null = null;
    let topProse = 0;
    let before = 0;
    let seen = 0;
    for (const child of Array.from(best.children)) {
      const p = prose.get(child) ?? 0;
      if (p > topProse) {
        top = child;
        topProse = p;
        before = seen;
      }
      seen += p;
    }
    const here = prose.get(best) ?? 0;
    if (!top || topProse < here * DOMINANT_SHARE) break;
    if (options.discussion && before >= here * OPENING_POST_SHARE) break;
    best = top;
  }
  let weight = 0;
  let linked = 0;
  for (const b of blocks) {
    if (!best.contains(b.el)) continue;
    weight += b.weight;
    linked += b.linkWeight;
  }
  return { el: best, prose: prose.get(best) ?? 0, pageProse, linkShare: weight > 0 ? linked / weight : 0 };
}
