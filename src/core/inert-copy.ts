// Step 1 and 2 of the pipeline: an inert copy of the page, and (in a browser) the set of copied
// elements that the browser does not render.
//
// Why strip the copy at all when the output is sanitized later: in Chromium, a copy made with
// cloneNode or DOMParser fired the page's `onerror`/`onload`/`ontoggle` handlers in the page's
// world once reader view opened (see shared/docs/design.md). So every handler, `srcdoc`,
// `formaction` and script-scheme URL goes before any other code touches the copy.

/** Attributes whose value is a URL that a browser may load or navigate to. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'xlink:href', 'ping', 'cite', 'longdesc', 'lowsrc', 'dynsrc'];
/** Elements that can run code or pull in other documents; none of them is article text. */
const ACTIVE_ELEMENTS = 'iframe, frame, frameset, object, embed, applet, portal, fencedframe, script:not([type="application/ld+json"])';
/** Whitespace and control characters a browser ignores inside a URL scheme. */
const SCHEME_NOISE = /[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u180e\u2000-\u200f\u2028\u2029\u205f\u3000\ufeff]/g;
const SCRIPT_SCHEME = /^(?:javascript|vbscript|livescript|mocha|data\s*:\s*text\/html|data\s*:\s*image\/svg)/i;

export function isScriptUrl(value: string): boolean {
  return SCRIPT_SCHEME.test(value.replace(SCHEME_NOISE, ''));
}

/** Removes handlers and script URLs from one element. */
function disarm(el: Element): void {
  const names = el.getAttributeNames();
  for (const name of names) {
    const lower = name.toLowerCase();
    if (lower.startsWith('on') || lower === 'srcdoc' || lower === 'formaction') {
      el.removeAttribute(name);
    } else if (URL_ATTRIBUTES.includes(lower) && isScriptUrl(el.getAttribute(name) ?? '')) {
      el.removeAttribute(name);
    }
  }
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
export function makeInertCopy(doc: Document, useLayout: boolean): InertCopy {
  const copy = doc.cloneNode(true) as Document;
  const copied = copy.getElementsByTagName('*');
  const layoutHidden = new Set<Element>();
  if (useLayout) collectHidden(doc, copied, layoutHidden);
  // A static snapshot: removing active elements below must not shift the walk.
  for (const el of Array.from(copied)) disarm(el);
  for (const el of Array.from(copy.querySelectorAll(ACTIVE_ELEMENTS))) el.remove();
  return { doc: copy, layoutHidden };
}

type VisibilityAware = Element & { checkVisibility?: (o?: object) => boolean };

function collectHidden(live: Document, copied: HTMLCollectionOf<Element>, out: Set<Element>): void {
  const body = live.body;
  if (!body || typeof (body as VisibilityAware).checkVisibility !== 'function') return;
  const liveElements = live.getElementsByTagName('*');
  if (liveElements.length !== copied.length) return; // the page changed under us: skip, don't guess
  const view = live.defaultView;
  const page = {
    width: Math.max(live.documentElement.scrollWidth, view?.innerWidth ?? 0),
    scrollX: view?.scrollX ?? 0,
    scrollY: view?.scrollY ?? 0,
  };
  let hiddenRoot: Element | null = null;
  for (let i = 0; i < liveElements.length; i++) {
    const el = liveElements[i] as VisibilityAware;
    if (hiddenRoot && hiddenRoot.contains(el)) continue;
    if (!body.contains(el) || el === body) continue;
    if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') continue; // SVG parts have no boxes of their own
    if (isHidden(el, page)) {
      hiddenRoot = el;
      const twin = copied[i];
      if (twin) out.add(twin);
    }
  }
}

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
  return rect.width > 0 && (right <= 0 || bottom <= 0 || left >= page.width + 1000);
}
