// Step 1 and 2 of the pipeline: an inert copy of the page, and (in a browser) the set of copied
// elements that the browser does not render.
//
// Why strip the copy at all when the output is sanitized later: in Chromium, a copy made with
// cloneNode or DOMParser fired the page's `onerror`/`onload`/`ontoggle` handlers in the page's
// world once reader view opened (see shared/docs/design.md). So every handler, `srcdoc`,
// `formaction` and script-scheme URL goes before any other code touches the copy.
// Longer than 200 lines: the disarm pass, the layout pass and disarmSubtree share the element
// methods taken once from the prototypes (clobbering-proof); apart, each would take its own.
import { fromPrototype, getterOf } from './budget';
import { hasOwnText } from './dom';

/** Attributes whose value is a URL that a browser may load or navigate to. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'xlink:href', 'ping', 'cite', 'longdesc', 'lowsrc', 'dynsrc'];
/** Elements that can run code or pull in other documents; none of them is article text. */
const ACTIVE_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe', 'script']);

/** JSON-LD is data, not code; Readability reads the article's metadata from it. */
function isActive(el: Element, m: ElementMethods): boolean {
  const tag = m.localName(el);
  if (ACTING_ELEMENTS.has(tag)) return true;
  if (tag === 'meta') return (m.get(el, 'http-equiv') ?? '').trim().toLowerCase() === 'refresh';
  return ACTIVE_ELEMENTS.has(tag) && !(tag === 'script' && m.get(el, 'type')?.trim().toLowerCase() === 'application/ld+json');
}
/** Whitespace and control characters a browser ignores inside a URL scheme. */
const SCHEME_NOISE = /[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u180e\u2000-\u200f\u2028\u2029\u205f\u3000\ufeff]/g;
const SCRIPT_SCHEME = /^(?:javascript|vbscript|livescript|mocha|data\s*:\s*text\/html|data\s*:\s*image\/svg)/i;
/** Elements that act without a click: a refresh that navigates, SVG animations that set a link. */
const ACTING_ELEMENTS = new Set(['animate', 'set', 'animateMotion', 'animateTransform', 'discard']);
/** Elements whose `name` becomes a property of the document (`<img name="body">` shadows document.body). */
const DOCUMENT_NAMED = new Set(['img', 'form', 'embed', 'object', 'iframe']);
/** Elements whose `name` or `id` becomes a property of their form (`<input name="attributes">`). */
const FORM_LISTED = new Set(['button', 'fieldset', 'input', 'object', 'output', 'select', 'textarea', 'img']);

export function isScriptUrl(value: string): boolean {
  return SCRIPT_SCHEME.test(value.replace(SCHEME_NOISE, ''));
}

/**
 * Element methods taken from the prototype once: a <form> is shadowed by its own controls
 * (`<input name="getAttributeNames">` makes `form.getAttributeNames` that input), so disarming
 * must not call methods through the element itself.
 */
interface ElementMethods {
  names: (el: Element) => string[];
  get: (el: Element, name: string) => string | null;
  remove: (el: Element, name: string) => void;
  localName: (el: Element) => string;
  hasAttributes: (el: Element) => boolean;
  first: (el: Element) => Element | null;
  next: (el: Element) => Element | null;
  parent: (el: Element) => Element | null;
  detach: (el: Element) => void;
  /** Every element under `doc`, document order, read through Node.prototype's getters. */
  all: (doc: Document) => Element[];
  documentProps: object;
  formProps: object;
}

function methodsFor(doc: Document): ElementMethods {
  const create = fromPrototype<Document['createElement']>(doc, 'createElement');
  const sample = create.call(doc, 'form');
  const names = fromPrototype<Element['getAttributeNames']>(sample, 'getAttributeNames');
  const get = fromPrototype<Element['getAttribute']>(sample, 'getAttribute');
  const remove = fromPrototype<Element['removeAttribute']>(sample, 'removeAttribute');
  const hasAttributes = fromPrototype<Element['hasAttributes']>(sample, 'hasAttributes');
  const localName = getterOf<string>(sample, 'localName');
  const detach = fromPrototype<Element['remove']>(sample, 'remove');
  const first = getterOf<Element | null>(sample, 'firstElementChild');
  const next = getterOf<Element | null>(sample, 'nextElementSibling');
  const parent = getterOf<Element | null>(sample, 'parentElement');
  const all = (d: Document): Element[] => {
    // Iterative, and not Array.from(getElementsByTagName('*')): iterating a live collection is
    // quadratic in jsdom (10,000 elements took 35 s); no selector engine either (slow in jsdom).
    const out: Element[] = [];
    let node: Element | null = getterOf<Element | null>(d, 'documentElement')(d);
    while (node) {
      out.push(node);
      const child = first(node);
      if (child) {
        node = child;
        continue;
      }
      while (node && !next(node)) node = parent(node);
      node = node ? next(node) : null;
    }
    return out;
  };
  return {
    detach: (el) => detach.call(el),
    all,
    names: (el) => names.call(el),
    get: (el, n) => get.call(el, n),
    remove: (el, n) => remove.call(el, n),
    localName,
    hasAttributes: (el) => hasAttributes.call(el),
    first,
    next,
    parent,
    documentProps: Object.getPrototypeOf(doc) as object,
    formProps: Object.getPrototypeOf(sample) as object,
  };
}


/** Removes handlers, script URLs and clobbering names from one element. */
function disarm(el: Element, m: ElementMethods): void {
  // Most elements carry no attribute at all; asking is cheaper than listing none.
  if (!m.hasAttributes(el)) return;
  const tag = m.localName(el);
  for (const name of m.names(el)) {
    const lower = name.toLowerCase();
    const value = m.get(el, name) ?? '';
    if (lower.startsWith('on') || lower === 'srcdoc' || lower === 'formaction') {
      m.remove(el, name);
    } else if (URL_ATTRIBUTES.includes(lower) && isScriptUrl(value)) {
      m.remove(el, name);
    } else if ((lower === 'name' || lower === 'id') && clobbers(tag, lower, value, m)) {
      // DOM clobbering: the copy's document and forms must keep their real properties, or
      // Readability and the clean rules would call an <img> where they expect a method.
      m.remove(el, name);
    }
  }
}

function clobbers(tag: string, attr: 'name' | 'id', value: string, m: ElementMethods): boolean {
  if (!value) return false;
  if (DOCUMENT_NAMED.has(tag) && (attr === 'name' || tag === 'object' || tag === 'img') && value in m.documentProps) return true;
  return FORM_LISTED.has(tag) && value in m.formProps;
}

export interface InertCopy {
  doc: Document;
  /** Elements of the copy whose live twin the browser does not render. */
  layoutHidden: Set<Element>;
}

/**
 * Copies `doc` and disarms the copy. With `useLayout`, also asks the live page which elements are
 * hidden (computed `display:none`, `visibility:hidden`, `opacity:0`, or boxes entirely off-screen)
 * and maps them onto the copy: right after cloning, both documents list their elements in the same
 * order, so the i-th live element is the twin of the i-th copied one.
 */
export function makeInertCopy(doc: Document, useLayout: boolean, lap?: ((stage: string) => void) | null): InertCopy {
  // Through the prototype: the live page may shadow document.cloneNode with <img name="cloneNode">.
  const copy = fromPrototype<Document['cloneNode']>(doc, 'cloneNode').call(doc, true) as Document;
  const m = methodsFor(copy);
  // A static snapshot in document order, so removing active elements does not shift the walk.
  const copied = m.all(copy);
  lap?.('copy:clone');
  const layoutHidden = new Set<Element>();
  if (useLayout) {
    collectHidden(doc, copy, m, layoutHidden);
    lap?.('copy:layout');
  }
  for (const el of copied) {
    if (isActive(el, m)) m.detach(el);
    else disarm(el, m);
  }
  lap?.('copy:disarm');
  return { doc: copy, layoutHidden };
}

type VisibilityAware = Element & { checkVisibility?: (o?: object) => boolean };

/**
 * Walks the live body and its copy side by side (right after cloning they have the same shape),
 * asking the browser about each live element and adding the copy's twin of every hidden one. A
 * hidden element's subtree is stepped over whole: nothing inside it is asked about, and no
 * element is checked against ancestors (`contains` climbs the tree, once per element).
 */
function collectHidden(live: Document, copy: Document, m: ElementMethods, out: Set<Element>): void {
  // Through the prototypes: `<img name="body">` shadows document.body on the live page.
  const body = fromPrototype<HTMLElement | null>(live, 'body') as VisibilityAware | null;
  const liveRoot = fromPrototype<Element | null>(live, 'documentElement');
  const copyRoot = fromPrototype<Element | null>(copy, 'documentElement');
  if (!body || !liveRoot || !copyRoot || typeof body.checkVisibility !== 'function') return;
  // The body is a child of the root element; find its twin at the same place.
  let liveBody: Element | null = m.first(liveRoot);
  let copyBody: Element | null = m.first(copyRoot);
  while (liveBody && copyBody && liveBody !== body) {
    liveBody = m.next(liveBody);
    copyBody = m.next(copyBody);
  }
  if (!liveBody || !copyBody) return;
  const view = live.defaultView;
  const page = {
    width: Math.max(live.documentElement.scrollWidth, view?.innerWidth ?? 0),
    scrollX: view?.scrollX ?? 0,
    scrollY: view?.scrollY ?? 0,
  };
  const found: Element[] = [];
  let a: Element | null = m.first(liveBody);
  let b: Element | null = m.first(copyBody);
  while (a && b) {
    // The page changed under us (nothing should run between cloning and here): skip, don't guess.
    if (m.localName(a) !== m.localName(b)) return;
    let descend = true;
    // SVG parts have no boxes of their own, but an HTML <foreignObject> inside still gets asked.
    // A script is never drawn, so always "hidden"; the only ones the copy keeps are JSON-LD, which
    // is data the pipeline reads (the page's metadata, a forum's posts), not text a reader sees.
    if (a.namespaceURI === XHTML && m.localName(a) !== 'script' && isHidden(a as VisibilityAware, page)) {
      found.push(b);
      descend = false;
    }
    const child = descend ? m.first(a) : null;
    if (child) {
      a = child;
      b = m.first(b);
      continue;
    }
    while (a && a !== liveBody && !m.next(a)) {
      if (!b || m.next(b)) return; // the copy has a sibling the page lacks
      a = m.parent(a);
      b = m.parent(b);
    }
    if (!a || a === liveBody || !b) break;
    a = m.next(a);
    b = m.next(b);
  }
  if (a || b) if (a !== liveBody || b !== copyBody) return; // one tree ran out before the other
  for (const el of found) out.add(el);
}

const XHTML = 'http://www.w3.org/1999/xhtml';

function isHidden(el: VisibilityAware, page: { width: number; scrollX: number; scrollY: number }): boolean {
  if (!el.checkVisibility!({ opacityProperty: true, visibilityProperty: true })) {
    // Content of a closed <details> or hidden="until-found" is article content the reader can
    // open, not hidden text.
    return !el.closest('details:not([open]), [hidden="until-found"]');
  }
  if (!el.firstChild) return false;
  const rect = el.getBoundingClientRect();
  // Boxes placed wholly left of or above the page, or far to the right of it, are the classic
  // off-screen text trick; a visible reader never sees them. Rects are viewport-relative, so add
  // the scroll offset to get page coordinates.
  const right = rect.right + page.scrollX;
  const bottom = rect.bottom + page.scrollY;
  const left = rect.left + page.scrollX;
  if (rect.width > 0 && (right <= 0 || bottom <= 0 || left >= page.width + 1000)) return true;
  // Text in a box with no height is invisible when it is drawn at size zero or clipped away
  // ("font-size:0" hides a fake number in plain sight). Only those boxes pay for a style read.
  if (rect.height === 0 && rect.width > 0 && hasOwnText(el)) {
    const style = el.ownerDocument.defaultView?.getComputedStyle(el);
    return !!style && (parseFloat(style.fontSize) === 0 || style.overflow === 'hidden' || style.overflow === 'clip');
  }
  return false;
}

/**
 * Disarms an element and everything under it, as `makeInertCopy` does, for markup that enters the
 * copy later (a page's <noscript> fallback opened by noscript-shell.ts).
 */
export function disarmSubtree(root: Element): void {
  const m = methodsFor(root.ownerDocument);
  const elements = [root, ...Array.from(root.getElementsByTagName('*'))];
  for (const el of elements) {
    if (isActive(el, m)) m.detach(el);
    else disarm(el, m);
  }
}
