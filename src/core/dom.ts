// Small DOM helpers the clean rules, the sanitizer and the inert copy share: reading text,
// measuring link density, describing an element for the removals log. Everything here is
// read-only and iterative.
// Just over 200 lines: a list of one-purpose helpers every rule imports from one place; splitting
// it would only spread the same import over more files.

const WHITESPACE = /\s+/g;

/** Text with runs of whitespace collapsed to one space and trimmed. */
export function normalizedText(node: Node): string {
  return (node.textContent ?? '').replace(WHITESPACE, ' ').trim();
}

/** True when `el` has a text node of its own (not one inside a child) with more than white space. */
export function hasOwnText(el: Element): boolean {
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 && (n as Text).data.trim()) return true;
  return false;
}

/** Number of word-like runs in a string (letters or digits in any script). */
export function countWordsIn(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(/[\p{L}\p{N}]+/gu)) count++;
  return count;
}

/**
 * `el`'s text read node by node (as textContent joins it), checked with `tooLong` each time it has
 * doubled from `firstCheck` characters: the whole text, or null at the first prefix `tooLong`
 * refuses. The callers ask "is this short?", for which a prefix that is already too long answers
 * for the whole, so a large element is never read to its end.
 */
function textUnless(el: Element, firstCheck: number, tooLong: (prefix: string) => boolean): string | null {
  let text = '';
  let checkAt = firstCheck;
  let node: Node | null = el.firstChild;
  while (node) {
    const type = node.nodeType;
    if (type === 3 || type === 4) {
      text += (node as CharacterData).data;
      if (text.length >= checkAt) {
        if (tooLong(text)) return null;
        checkAt = text.length * 2;
      }
    } else if (type === 1 && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== el && !node.nextSibling) node = node.parentNode;
    node = node && node !== el ? node.nextSibling : null;
  }
  return text;
}

/**
 * `normalizedText(el)`, or null when that is longer than `maxChars`: the rules look for short
 * lines (a credit, a label) among every wrapper on the page, and most wrappers are long. A
 * prefix's normalized text is never longer than the whole's.
 */
export function normalizedTextUpTo(el: Element, maxChars: number): string | null {
  const collapsed = (t: string) => t.replace(WHITESPACE, ' ').trim();
  const text = textUnless(el, Math.max(64, maxChars), (prefix) => collapsed(prefix).length > maxChars);
  if (text === null) return null;
  const whole = collapsed(text);
  return whole.length > maxChars ? null : whole;
}

/**
 * `countWordsIn(normalizedText(el)) > max`: the rules ask "is this short?" of ancestors up to the
 * whole article, and `textContent` of the article, asked once per share link, was most of the time
 * on long pages. A prefix never holds more words than the whole (runs in it end at a separator
 * that is still there).
 */
export function wordCountExceeds(el: Element, max: number): boolean {
  const text = textUnless(el, 256, (prefix) => countWordsIn(prefix) > max);
  return text === null || countWordsIn(text) > max;
}

/** Share of the element's text that sits inside links, 0..1. */
export function linkDensity(el: Element): number {
  const total = normalizedText(el).length;
  if (total === 0) return 0;
  let linked = 0;
  for (const a of descendantsWhere(el, isLink)) linked += normalizedText(a).length;
  return Math.min(1, linked / total);
}

const isLink = (el: Element): boolean => el.localName === 'a';

/** The element's class tokens, lower-cased. */
export function classTokens(el: Element): string[] {
  const cls = el.getAttribute('class');
  return cls ? cls.toLowerCase().split(/\s+/).filter(Boolean) : [];
}

/** Class tokens plus the id, lower-cased: what naming conventions are matched against. */
export function nameTokens(el: Element): string[] {
  const id = el.getAttribute('id');
  const tokens = classTokens(el);
  if (id) tokens.push(id.toLowerCase());
  return tokens;
}

/** `tag#id.class1.class2`, short, for the removals log. */
export function describe(el: Element): string {
  let out = el.localName;
  const id = el.getAttribute('id');
  if (id) out += `#${id.slice(0, 40)}`;
  for (const cls of classTokens(el).slice(0, 3)) out += `.${cls.slice(0, 40)}`;
  const role = el.getAttribute('role');
  if (role) out += `[role=${role.slice(0, 20)}]`;
  return out;
}

const MEDIA = new Set(['img', 'picture', 'video', 'audio', 'iframe', 'canvas', 'math', 'table', 'pre']);

/** True when the element is an image, table, code block or other content beyond text. */
export const isMedia = (el: Element): boolean => MEDIA.has(el.localName);

/** True when the element holds an image, table, code or other content beyond its text. */
export function hasMedia(el: Element): boolean {
  return isMedia(el) || firstDescendant(el, isMedia) !== null;
}

/**
 * Visits every descendant of `root` in document order until `visit` returns true. A plain
 * iterative walk: in jsdom a selector query costs far more than visiting the elements, the rules
 * ask such questions per element, and no nesting depth can overflow it.
 */
function walkDescendants(root: Element, visit: (el: Element) => boolean | void): void {
  let node: Element | null = root.firstElementChild;
  while (node) {
    if (visit(node) === true) return;
    if (node.firstElementChild) {
      node = node.firstElementChild;
      continue;
    }
    while (node && node !== root && !node.nextElementSibling) node = node.parentElement;
    node = node && node !== root ? node.nextElementSibling : null;
  }
}

/** The page's own article or main content: `<article>`, `<main>`, role=main, schema.org articleBody. */
export const isArticleRoot = (el: Element): boolean => el.localName === 'article' || el.localName === 'main' || el.getAttribute('role') === 'main' || el.getAttribute('itemprop') === 'articleBody';

/**
 * True when `el` sits in running text: its parent holds at least `minWords` words of its own
 * beside it ("the table of contents (<a>PDF</a>) shows…"), so `el` is part of a sentence, not a
 * line of its own. A word here is a run of two or more letters.
 */
export function inSentence(el: Element, minWords = 1): boolean {
  const parent = el.parentElement;
  if (!parent) return false;
  let words = 0;
  for (const n of Array.from(parent.childNodes)) {
    if (n.nodeType !== 3) continue;
    words += ((n as Text).data.match(/\p{L}{2,}/gu) ?? []).length;
    if (words >= minWords) return true;
  }
  return false;
}

/** The first descendant (document order) passing `test`: `querySelector` without selectors. */
export function firstDescendant(root: Element, test: (el: Element) => boolean): Element | null {
  let found: Element | null = null;
  walkDescendants(root, (el) => test(el) && (found = el) !== null);
  return found;
}

/** Every descendant of `root` passing `test`, in document order: `querySelectorAll` without selectors. */
export function descendantsWhere(root: Element, test: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  walkDescendants(root, (el) => {
    if (test(el)) out.push(el);
  });
  return out;
}

/** How many descendants of `root` pass `test`, counting no further than `limit`. */
export function countDescendants(root: Element, test: (el: Element) => boolean, limit = Infinity): number {
  let count = 0;
  walkDescendants(root, (el) => test(el) && ++count >= limit);
  return count;
}

/**
 * `el` itself or its nearest ancestor passing `test`: `el.closest(selector)` as a plain walk up
 * the parents (the rules ask this per element, and jsdom's `closest` runs the selector engine).
 */
export function closestWhere(el: Element | null, test: (e: Element) => boolean): Element | null {
  for (let cur = el; cur; cur = cur.parentElement) if (test(cur)) return cur;
  return null;
}

/** A test for "the element's local name is one of `names`", the walk counterpart of `a, b, c`. */
export function tagIn(...names: string[]): (el: Element) => boolean {
  const set = new Set(names);
  return (el) => set.has(el.localName);
}

/** Every element under `root` in document order, as a static array (no selector engine). */
export function elementsUnder(root: Element): Element[] {
  return descendantsWhere(root, () => true);
}

/** Walks up from `el` (inclusive) at most `levels` parents, returning the first match. */
export function closestWithin(el: Element, levels: number, test: (e: Element) => boolean): Element | null {
  let cur: Element | null = el;
  for (let i = 0; cur && i <= levels; i++, cur = cur.parentElement) {
    if (test(cur)) return cur;
  }
  return null;
}

/** The host of an absolute or page-relative URL, lower-cased without `www.`, or ''. */
export function hostOf(href: string, base: string): string {
  try {
    return new URL(href, base).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}
