// What earlier rules leave behind: the <li> that held a share button, the <a> that wrapped an
// icon, the <span> around a removed glyph. Only parents of removed elements are checked, so an
// empty anchor the page put there on purpose (a footnote target) stays.
import type { CleanRule } from './rule';
import { hasMedia } from '../dom';

const NEVER_PRUNE = new Set(['body', 'html', 'main', 'article', 'td', 'th', 'tr', 'br', 'hr']);

export const emptyLeftovers: CleanRule = {
  name: 'empty-leftovers',
  run(ctx) {
    for (const start of Array.from(ctx.emptiedParents)) {
      let el: Element | null = start;
      while (el && el.isConnected && isEmpty(el)) {
        const parent: Element | null = el.parentElement;
        ctx.remove(el, this.name);
        el = parent;
      }
    }
  },
};

function isEmpty(el: Element): boolean {
  if (NEVER_PRUNE.has(el.localName) || el.hasAttribute('id') || el.localName === 'svg') return false;
  return (el.textContent ?? '').trim() === '' && !hasMedia(el) && el.querySelector('svg, br, hr, input, object') === null;
}
