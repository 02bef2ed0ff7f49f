// The reader's zap in the core: turning a block the user picked into a rule that finds the same
// block on the site's other pages (zapRuleFor), and removing what such rules find from the copy
// before the clean rules run (removeZapped). A rule names the block by the page's own classes
// or id where they are stable words, since a site puts its boxes in the same markup on every
// article; by its text where they are not (generated class names, none at all), since
// boilerplate is the same words on every article. A selector is tried on the page it came from
// and dropped when it would take more than that block, so a zap never grows into the article.
import type { CleanContext } from './clean/rule';
import { normalizedText } from './dom';
import type { ZapRule } from './types';

/** The longest text a rule keeps; a longer block is found by its first this many characters. */
export const ZAP_TEXT_CHARS = 300;
/** A selector may match several boxes (one per teaser), not a page's worth. */
const MAX_MATCHES = 20;

/**
 * The elements under `root` in document order, visiting only those whose text `holds`: an element
 * that does not hold the words cannot contain the block either, so a page's other branches are
 * never read (this runs on every reading of a site with a zap found by its text).
 */
function* holding(root: Element | Document, holds: (text: string) => boolean): Generator<[Element, string]> {
  for (let el = root.firstElementChild; el; el = el.nextElementSibling) {
    const own = normalizedText(el);
    if (!holds(own)) continue;
    yield [el, own];
    yield* holding(el, holds);
  }
}

/**
 * The element whose whole text (white space collapsed) is `text`, the outermost of those (the
 * block, not a span of it); for a text cut at `limit`, the innermost element whose text starts
 * with it. Null when there is none.
 */
export function findByText(root: Element | Document, text: string, limit = ZAP_TEXT_CHARS): Element | null {
  if (!text) return null;
  const whole = text.length < limit;
  let found: Element | null = null;
  for (const [el, own] of holding(root, (t) => t.includes(text))) {
    if (whole ? own === text : own.startsWith(text)) {
      found = el;
      if (whole) break;
    }
  }
  return found;
}

/**
 * The innermost element whose text holds `blockText`'s first and last 80 characters and is at
 * least 0.8 of its length: the page's block where the reader's copy of it lost or moved some
 * (icons, credits, the title lifted out).
 */
export function findContaining(root: Element | Document, blockText: string): Element | null {
  const [head, tail] = [blockText.slice(0, 80), blockText.slice(-80)];
  let found: Element | null = null;
  for (const [el, own] of holding(root, (t) => t.includes(head) && t.includes(tail))) if (own.length >= 0.8 * blockText.length) found = el;
  return found;
}

// Names that differ between pages or builds, and would find nothing next time: what CSS-in-JS
// and module bundlers make up (css-1x2y3z, sc-bdVaJa, _a8f3k, Xy3kq9) and what numbers one item
// (post-4411, ad-slot-12).
const GENERATED = [
  /^(?:css|sc|jsx|emotion|styled|svelte|astro)-/,
  /^_/,
  /\d{2,}/,
  /^(?=[^-_]*\d)[A-Za-z0-9]{4,10}$/, // short letters-and-digits soup
  /[a-z][A-Z][a-z]*[A-Z]/, // mixed case mid-word twice: a hash, not a name (sc-bdVaJa)
];
const WORDLIKE = /^[A-Za-z][\w-]{1,39}$/;

const stable = (name: string) => WORDLIKE.test(name) && !GENERATED.some((re) => re.test(name));

/** The element's tag with its stable id, or up to two stable classes; null when it has neither. */
function named(el: Element): string | null {
  const tag = el.localName;
  const id = el.getAttribute('id');
  if (id && stable(id)) return `${tag}#${CSS_escape(id)}`;
  const classes = [...el.classList].filter(stable).slice(0, 2);
  return classes.length ? tag + classes.map((c) => `.${CSS_escape(c)}`).join('') : null;
}

// The names passed `stable`'s WORDLIKE test, so only `-` and `_` need no escaping; a leading
// digit cannot occur. Written out because jsdom's window.CSS is not the core's to reach.
const CSS_escape = (name: string) => name.replace(/[^\w-]/g, (c) => `\\${c}`);

/**
 * The first named ancestor within three levels and the tags down to `el`: `div.promo > div > p`,
 * provided that ancestor is the block's own box (little more text than the block). Under a large
 * named box, the article's own, bare tags would match the article's other children elsewhere.
 */
function selectorFor(el: Element): string | null {
  const chain: string[] = [];
  const room = Math.max(3 * normalizedText(el).length, 500);
  for (let at: Element | null = el, depth = 0; at && depth < 4 && at.localName !== 'body'; at = at.parentElement, depth++) {
    const name = named(at);
    if (name) return at === el || normalizedText(at).length <= room ? [name, ...chain].join(' > ') : null;
    chain.unshift(at.localName);
  }
  return null;
}

/** Whether the selector, on the page it came from, takes `el` and nothing larger: no ancestor of it, no more text than a few such blocks. */
function takesOnly(doc: Document, selector: string, el: Element): boolean {
  let matches: Element[];
  try {
    matches = [...(doc.body ?? doc.documentElement).querySelectorAll(selector)];
  } catch {
    return false;
  }
  if (!matches.includes(el) || matches.length > MAX_MATCHES) return false;
  if (matches.some((m) => m !== el && m.contains(el))) return false;
  const own = normalizedText(el).length;
  const taken = matches.reduce((n, m) => n + normalizedText(m).length, 0);
  return taken <= Math.max(3 * own, 1000);
}

/**
 * The rule that finds `el` (an element of the page itself) on the site's pages: a checked
 * selector where the page names the block, and its text (up to ZAP_TEXT_CHARS) where it has any.
 * Null when it has neither: nothing could find it again.
 */
export function zapRuleFor(doc: Document, el: Element): ZapRule | null {
  const candidate = selectorFor(el);
  const selector = candidate && takesOnly(doc, candidate, el) ? candidate : null;
  const text = normalizedText(el).slice(0, ZAP_TEXT_CHARS) || null;
  return selector || text ? { selector, text } : null;
}

/** Removes from the copy what each zap finds, recorded under the rule `zapped`; the removal guard keeps the article. */
export function removeZapped(ctx: CleanContext, zaps: readonly ZapRule[]): void {
  const body = ctx.doc.body;
  if (!body) return;
  for (const zap of zaps) {
    if (zap.selector) {
      let found: Element[] = [];
      try {
        found = [...body.querySelectorAll(zap.selector)].slice(0, MAX_MATCHES);
      } catch {
        // A stored selector this engine cannot parse: the text below may still find it.
      }
      for (const el of found) if (el.isConnected) ctx.remove(el, ZAPPED);
      if (found.length) continue;
    }
    const el = zap.text ? findByText(body, zap.text) : null;
    if (el) ctx.remove(el, ZAPPED);
  }
}

export const ZAPPED = 'zapped';
