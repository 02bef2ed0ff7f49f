// The clean rules' safety net: no rule may remove an element that holds most of the page's
// running text. Rules recognise clutter by names, roles and shapes that real pages sometimes put
// on the article itself (a `section#article-sec_0` named like a comments block, a whole page
// wrapped in a landmark); when they do, removing the match would remove the story and leave a
// teaser or nothing. The article is where the prose is, so the prose decides.
//
// "Prose" is measured the way Readability looks for its candidate: paragraph-like blocks with
// a sentence or more of text that is mostly not links. Each such block adds its length to every
// ancestor once, so asking whether an element is protected is a map lookup.

/** A block shorter than this (characters of text) is a label, a caption or a teaser, not prose. */
const MIN_PROSE_CHARS = 80;
/** An element holding this share of all prose is (or contains) the article... */
const PROTECTED_SHARE = 0.5;
/**
 * ...unless the rest of the page still has an article's worth of prose: a news story under a
 * comment thread three times its length keeps its story when the thread goes.
 */
const ENOUGH_ELSEWHERE = 1500;
/** Below this much prose on the whole page there is no article to protect. */
const MIN_PAGE_PROSE = 500;

const PROSE_TAGS = new Set(['p', 'pre', 'blockquote', 'td', 'dd', 'li']);

export interface RemovalGuard {
  /** True when removing `el` would take most of the page's prose with it. */
  protects(el: Element): boolean;
  /** The share (0..1) of the page's prose inside `el`, as measured on first use. */
  share(el: Element): number;
}

export function createRemovalGuard(elements: readonly Element[], body: Element | null): RemovalGuard {
  let proseIn: Map<Element, number> | null = null;
  let total = 0;
  const measure = () => {
    proseIn = new Map();
    for (const el of elements) {
      if (!el.isConnected || !PROSE_TAGS.has(el.localName) || hasProseParent(el)) continue;
      const length = proseLength(el);
      if (length < MIN_PROSE_CHARS) continue;
      total += length;
      for (let a: Element | null = el; a && a !== body; a = a.parentElement) proseIn.set(a, (proseIn.get(a) ?? 0) + length);
    }
  };
  return {
    share(el) {
      if (!proseIn) measure();
      return total > 0 ? (proseIn!.get(el) ?? 0) / total : 0;
    },
    protects(el) {
      // Measured on first use, after the hidden-text rules: text nobody sees is not the article.
      if (!proseIn) measure();
      if (total < MIN_PAGE_PROSE) return false;
      const inside = proseIn!.get(el) ?? 0;
      return inside >= total * PROTECTED_SHARE && total - inside < ENOUGH_ELSEWHERE;
    },
  };
}

/** Nested blocks (a <p> in a <blockquote>, a list in a cell) count once, at the outer one. */
function hasProseParent(el: Element): boolean {
  for (let a = el.parentElement; a; a = a.parentElement) if (PROSE_TAGS.has(a.localName)) return true;
  return false;
}

/** Characters of text outside links: a list of headlines is not prose however long. */
function proseLength(el: Element): number {
  const all = (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  if (all < MIN_PROSE_CHARS) return 0;
  let linked = 0;
  for (const a of Array.from(el.getElementsByTagName('a'))) linked += (a.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  return linked > all * 0.5 ? 0 : all - Math.min(linked, all);
}
