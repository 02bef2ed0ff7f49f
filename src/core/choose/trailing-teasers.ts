// A labelled run of links that ends the chosen content: "More from this column:", "Read on:",
// "Weitere Beiträge zum Thema", followed by nothing but headlines that are links to other pages.
// The related-links rule finds such blocks by a label phrase it knows or a container named for
// them; this step finds them in any language by where and what they are: at the very end of the
// article, a short heading-like line (trailing-headings.ts's test) and after it only lines that
// are each almost wholly one link. Measured on the trafilatura corpus, the boilerplate snippets
// that survived were most often in the article's last tenth, and many were such runs.
//
// A run without its label stays: an article may end with a list of its sources or downloads, and
// nothing but the label tells a teaser list from those. A line that says more than its link
// ("2019-01-14: Headline" is still a link line; "Headline, a review of the new …" is not) stops
// the run, and so does media outside a link (a figure that closes the article).

import { countWordsIn, describe, isMedia, linkDensity, normalizedText } from '../dom';
import type { Removal } from '../types';
import { blockOf, isHeadingLike, removeWithEmptyAncestors } from './trailing-headings';

export const TRAILING_TEASERS = 'trailing-teasers' as const;

/** A teaser block holds a few headlines; a longer run of links is a list the article keeps. */
const MAX_LINK_LINES = 12;
/** A headline is a line, not a paragraph. */
const MAX_LINE_WORDS = 30;
/** Share of a line's text inside links for it to be a link and nothing else (dates, bullets aside). */
const MIN_LINE_LINK_DENSITY = 0.7;
/** The run and its label never take more than this share of the article's words. */
const MAX_SHARE_OF_ARTICLE = 1 / 3;

/** Removes a labelled run of link lines at the end of `content` and says what went. */
export function dropTrailingTeasers(content: Element): Removal[] {
  const lines = tailLines(content, MAX_LINK_LINES + 1);
  let run = 0;
  while (run < lines.length && isLinkLine(lines[run]!)) run++;
  const label = lines[run];
  if (run === 0 || !label || !isHeadingLike(label) || linkDensity(label) > 0.5) return [];
  const going = lines.slice(0, run + 1);
  const words = going.reduce((sum, el) => sum + countWordsIn(normalizedText(el)), 0);
  if (words > countWordsIn(normalizedText(content)) * MAX_SHARE_OF_ARTICLE) return [];
  const removed: Removal[] = [];
  for (const el of going) {
    removed.push({ rule: TRAILING_TEASERS, selector: describe(el), text: normalizedText(el).slice(0, 80) });
    removeWithEmptyAncestors(el, content);
  }
  return removed;
}

/** A line that is one headline link: a link's text and little else, short. */
function isLinkLine(el: Element): boolean {
  const text = normalizedText(el);
  if (!text || countWordsIn(text) > MAX_LINE_WORDS) return false;
  const link = el.localName === 'a' ? el : el.querySelector('a[href]');
  return link !== null && linkDensity(el) >= MIN_LINE_LINK_DENSITY;
}

/**
 * The last `max` lines of `root`, last first: each the innermost block (or heading) holding a run
 * of its text. A block whose own text sits beside a line already taken (`<div>Label:<p><a>…`)
 * gives its inline part (`<strong>Label:</strong>`) as the line, or ends the walk when that text
 * is loose in the block. Media outside a link ends the walk too.
 */
function tailLines(root: Element, max: number): Element[] {
  const walker = root.ownerDocument.createTreeWalker(root, 0x1 | 0x4); // elements and text
  let node: Node | null = null;
  for (let deeper = walker.lastChild(); deeper; deeper = walker.lastChild()) node = deeper;
  const lines: Element[] = [];
  for (; node && node !== root; node = walker.previousNode()) {
    if (node.nodeType === 1) {
      if (isMedia(node as Element) && !insideLink(node as Element, root)) break;
      continue;
    }
    if (!(node.textContent ?? '').trim()) continue;
    const last = lines[lines.length - 1] ?? null;
    const line = lineOf(node, root, last);
    if (!line || insideMedia(line, root)) break;
    if (line === last || last?.contains(line)) continue;
    if (lines.length === max) break;
    lines.push(line);
  }
  return lines;
}

/** The line a text node is on, kept apart from `after` (the line that follows it); null when it cannot be. */
function lineOf(text: Node, root: Element, after: Element | null): Element | null {
  const parent = text.parentElement;
  if (!parent || parent === root || (after && parent !== after && parent.contains(after))) return null;
  let below: Element = parent;
  for (let at: Element | null = parent; at && at !== root; at = at.parentElement) {
    if (after && at !== after && at.contains(after)) return below;
    if (blockOf(at, root) === at) return at;
    below = at;
  }
  return below;
}

function insideLink(el: Element, root: Element): boolean {
  for (let at = el.parentElement; at && at !== root; at = at.parentElement) if (at.localName === 'a') return true;
  return false;
}

function insideMedia(el: Element, root: Element): boolean {
  for (let at: Element | null = el; at && at !== root; at = at.parentElement) if (isMedia(at)) return true;
  return false;
}
