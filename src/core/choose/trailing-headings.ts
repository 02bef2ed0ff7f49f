// Headings left at the very end of the chosen content, with nothing after them: "Related posts",
// "Tags", "Read more:", whose lists the clean rules (or Readability) took away, or which the
// container ended just before. A heading introduces what follows it; one that introduces nothing
// is clutter in every reader, and in copied text and Markdown. Measured on the trafilatura corpus,
// a quarter of the boilerplate snippets that survived were the article's last line, many of them
// such headings.
//
// What counts: an <h1>–<h6> of a few words, or a short line that ends with a colon, such as
// `<p><strong>More topics:</strong></p>`. Only at the end, and only when no text and no media
// (image, video, table, code: dom.ts's media) follows: a heading above a closing image or table still has
// something to introduce. A bold line without a colon stays, since a sign-off or an author's name
// looks the same.

import { describe, hasMedia, isMedia, normalizedText } from '../dom';
import type { Removal } from '../types';

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/**
 * Longer than this is a sentence, not a heading: sites set testimonials, slogans and whole
 * paragraphs in <h3>/<h4> (seen on WCXB's service pages and a news archive), and those are text.
 */
const MAX_HEADING_WORDS = 10;
/** At most this many trailing headings go (a "Related" block leaves two or three). */
const MAX_REMOVED = 4;

export const TRAILING_HEADINGS = 'trailing-headings' as const;

/** Removes the trailing headings of `content` and says what went, as the clean rules do. */
export function dropTrailingHeadings(content: Element): Removal[] {
  const removed: Removal[] = [];
  while (removed.length < MAX_REMOVED) {
    const last = lastTextBlock(content);
    if (!last || last === content || !isHeadingLike(last)) break;
    removed.push({ rule: TRAILING_HEADINGS, selector: describe(last), text: normalizedText(last).slice(0, 80) });
    removeWithEmptyAncestors(last, content);
  }
  return removed;
}

/**
 * The innermost block that holds the last text of `root`, or null when media or nothing comes
 * last. Walks backwards from the end, so its cost is the length of the article's tail.
 */
function lastTextBlock(root: Element): Element | null {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 0x1 | 0x4); // elements and text
  let node: Node | null = null;
  for (let deeper = walker.lastChild(); deeper; deeper = walker.lastChild()) node = deeper;
  for (; node && node !== root; node = walker.previousNode()) {
    if (node.nodeType === 1) {
      const el = node as Element;
      if (isMedia(el)) return null;
      continue;
    }
    if (!(node.textContent ?? '').trim()) continue;
    // Inside media (a table cell, a <pre>), the table or code is what ends the article.
    for (let at = node.parentElement; at && at !== root; at = at.parentElement) if (isMedia(at)) return null;
    return blockOf(node.parentElement!, root);
  }
  return null;
}

/** The nearest heading or block-level ancestor of `el` inside `root`: the line `el` is on. */
export function blockOf(el: Element, root: Element): Element {
  for (let at: Element | null = el; at && at !== root; at = at.parentElement) {
    if (HEADINGS.has(at.localName) || isBlock(at)) return at;
  }
  return root;
}

const BLOCKS = new Set(['p', 'div', 'section', 'li', 'dt', 'dd', 'blockquote', 'header', 'footer', 'aside', 'article', 'figcaption', 'td', 'th']);
const isBlock = (el: Element) => BLOCKS.has(el.localName);

export function isHeadingLike(el: Element): boolean {
  const text = normalizedText(el);
  if (text.split(' ').length > MAX_HEADING_WORDS) return false;
  // A heading in a paragraph (`<p><h3>…</h3></p>` after Readability) is found as the heading.
  return HEADINGS.has(el.localName) || text.endsWith(':');
}

/** Removes `el`, then each ancestor (below `root`) that it leaves without text or media. */
export function removeWithEmptyAncestors(el: Element, root: Element): void {
  let parent: Element | null = el.parentElement;
  el.remove();
  while (parent && parent !== root && !(parent.textContent ?? '').trim() && !hasMedia(parent)) {
    const next: Element | null = parent.parentElement;
    parent.remove();
    parent = next;
  }
}

