// What earlier rules leave behind: the <li> that held a share button, the <a> that wrapped an
// icon, the <span> around a removed glyph, and the bare counts of icon counters ("♥ 57",
// "💬 38") whose icon is gone, leaving a number that means nothing. Only parents of removed
// elements are checked, so an empty anchor or a number the page put there on purpose stays.
import type { CleanRule } from './rule';
import { closestWhere, firstDescendant, hasMedia, normalizedText, tagIn } from '../dom';

const NEVER_PRUNE = new Set(['body', 'html', 'main', 'article', 'td', 'th', 'tr', 'br', 'hr']);
/** Where a counter widget lives: small inline wrappers, never paragraphs, cells or headings. */
const COUNTER_TAGS = new Set(['span', 'a', 'li', 'button', 'small', 'b', 'strong', 'div']);
/** "57", "1,204", "3.4k", "12K": a count with nothing to say what it counts. */
const BARE_COUNT = /^\d[\d,.]*\s*[kKmM]?$/;

export const emptyLeftovers: CleanRule = {
  name: 'empty-leftovers',
  run(ctx) {
    for (const start of Array.from(ctx.emptiedParents)) {
      let el: Element | null = start;
      while (el && el.isConnected && (isEmpty(el) || isOrphanCount(el))) {
        const parent: Element | null = el.parentElement;
        ctx.remove(el, this.name);
        el = parent;
      }
    }
  },
};

const isKeptLeaf = tagIn('svg', 'br', 'hr', 'input', 'object');
const NUMBERED = new Set(['sup', 'sub', 'td', 'th', 'ol', 'pre', 'code']);
/** `sup, sub, td, th, li[id], ol, pre, code`: where numbers are references or data. */
const isNumbered = (el: Element): boolean => NUMBERED.has(el.localName) || (el.localName === 'li' && el.hasAttribute('id'));
/** `a[href^="#"], sup`. */
const isReference = (el: Element): boolean => el.localName === 'sup' || (el.localName === 'a' && (el.getAttribute('href') ?? '\0').startsWith('#'));

function isEmpty(el: Element): boolean {
  if (NEVER_PRUNE.has(el.localName) || el.hasAttribute('id') || el.localName === 'svg') return false;
  return (el.textContent ?? '').trim() === '' && !hasMedia(el) && firstDescendant(el, isKeptLeaf) === null;
}

/**
 * A counter whose label (an icon or a hidden word) was removed. Footnote references are numbers
 * too, so in-page links, superscripts and anything with an id are never treated as counters.
 */
function isOrphanCount(el: Element): boolean {
  if (!COUNTER_TAGS.has(el.localName) || el.hasAttribute('id') || closestWhere(el, isNumbered)) return false;
  if ((el.getAttribute('href') ?? '').startsWith('#') && el.localName === 'a' && !/comment|respond|like|vote/i.test(el.getAttribute('href')!)) return false;
  return BARE_COUNT.test(normalizedText(el)) && !hasMedia(el) && firstDescendant(el, isReference) === null;
}
