// The one file in which markup becomes DOM, and the one place article HTML is made safe.
// Everything shown, saved or copied passes through `sanitizeArticle` (DOMPurify with an article
// allowlist); the offline reader sanitizes stored HTML again with `sanitizeHtml` before showing it.
// Readability is not a sanitizer (its README says so): this is.
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import { fromPrototype } from './budget';
import { hasOwnText } from './dom';
import { resolveLinks } from './link-policy';

/** Anything with an http(s) or mailto scheme, or no scheme at all (relative links, #anchors). */
const SAFE_URI = /^(?:(?:https?|mailto):|[^:]*$|[^:]*[/?#])/i;
const LANG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8}){0,4}$/i;
const CODE_CLASS = /^language-[\w#+.-]{1,30}$/;
const ID_PREFIX = 'user-content-';

const CONFIG: Config = {
  USE_PROFILES: { html: true, svg: true, mathMl: true },
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'select', 'option', 'optgroup', 'textarea', 'label', 'fieldset', 'legend',
    'dialog', 'template', 'slot', 'noscript', 'meta', 'link', 'base', 'title', 'nav', 'iframe', 'frame', 'object', 'embed',
    'portal', 'marquee', 'blink', 'font', 'center', 'use', 'foreignObject', 'animate', 'set', 'animateMotion', 'animateTransform'],
  FORBID_ATTR: ['style', 'srcdoc', 'formaction', 'action', 'ping', 'autofocus', 'tabindex', 'contenteditable', 'draggable',
    'accesskey', 'autoplay', 'target', 'rel', 'background', 'bgcolor', 'color', 'face', 'align', 'valign', 'border'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: true,
  ALLOWED_URI_REGEXP: SAFE_URI,
  SANITIZE_NAMED_PROPS: true,
  KEEP_CONTENT: true,
};

const instances = new WeakMap<Window, DOMPurify>();

/**
 * What DOMPurify reads from a window, with a fresh empty document in place of the page's.
 * DOMPurify calls `window.document.createElement` once; on the page's own document a page can
 * replace that method with `<img name="createElement">` (DOM clobbering: named properties shadow
 * document methods in every browser), which made every extraction throw. An empty document made
 * through DOMImplementation has no page markup and so nothing shadowed. Everything else is taken
 * from the window itself (constructors cannot be clobbered).
 */
function unclobberedWindow(view: Window): object {
  const w = view as unknown as Record<string, unknown> & { document?: Document };
  const doc = w.document;
  if (!doc || typeof doc !== 'object') return w; // not a window: DOMPurify reports unsupported
  const implementation = fromPrototype<DOMImplementation>(doc, 'implementation');
  const create = fromPrototype<DOMImplementation['createHTMLDocument']>(implementation, 'createHTMLDocument');
  return {
    document: create.call(implementation, ''),
    DOMParser: w.DOMParser,
    Element: w.Element,
    HTMLTemplateElement: w.HTMLTemplateElement,
    Node: w.Node,
    NodeFilter: w.NodeFilter,
    trustedTypes: w.trustedTypes,
  };
}

/** One DOMPurify per window, with Readwell's hooks installed once. */
function purifierFor(view: Window): DOMPurify {
  let purify = instances.get(view);
  if (purify) return purify;
  purify = createDOMPurify(unclobberedWindow(view) as unknown as Parameters<typeof createDOMPurify>[0]);
  // DOMPurify hands back its input *unchanged* when the window it was given cannot run it. A
  // page can make `document.defaultView` an <img> (`<img name="defaultView">`, DOM clobbering),
  // so fail closed here instead of passing page markup through.
  if (!purify.isSupported) throw new Error('The sanitizer cannot run: the document has no usable window');
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    const value = data.attrValue;
    switch (data.attrName) {
      case 'class': {
        // Only code-language classes carry meaning (the Markdown fence); page classes do not.
        const kept = value.split(/\s+/).filter((c) => CODE_CLASS.test(c)).join(' ');
        if (kept) data.attrValue = kept;
        else data.keepAttr = false;
        break;
      }
      case 'lang':
      case 'xml:lang':
        if (!LANG.test(value.trim())) data.keepAttr = false;
        break;
      case 'dir':
        if (!/^(ltr|rtl|auto)$/i.test(value.trim())) data.keepAttr = false;
        break;
      case 'href':
      case 'xlink:href': {
        // Ids get DOMPurify's user-content- prefix (no clobbering of document properties), so
        // in-article links like footnotes must point at the prefixed id.
        const v = value.trim();
        if (v.startsWith('#') && v.length > 1 && !v.startsWith(`#${ID_PREFIX}`)) data.attrValue = `#${ID_PREFIX}${v.slice(1)}`;
        break;
      }
    }
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A' && (node as Element).hasAttribute('href')) {
      const href = (node as Element).getAttribute('href')!;
      if (!href.startsWith('#')) (node as Element).setAttribute('rel', 'noopener noreferrer nofollow');
    }
  });
  instances.set(view, purify);
  return purify;
}

export interface SanitizedArticle {
  /** The clean content, owned by an inert document. */
  fragment: DocumentFragment;
  html: string;
}

/**
 * Rebuilds every element of `content` that carries an `is` attribute as a plain element of its
 * tag, children and other attributes moved over. An element's `is` value (a customized built-in,
 * `<section is="theme-layout">`) is fixed when it is created and would let the page's own
 * element definition run on our node, so DOMPurify deletes such an element outright when it
 * returns DOM, content and all: a WordPress theme that wraps the whole post in one came out as
 * "No article found". `content` is always a copy made for extraction, never the live page.
 */
function dropIsValues(content: Node): Node {
  const root = content as Element;
  if (typeof root.querySelectorAll !== 'function') return content;
  for (const el of Array.from(root.querySelectorAll('[is]'))) el.replaceWith(plainCopyOf(el));
  return root.nodeType === 1 && root.hasAttribute('is') ? plainCopyOf(root) : content;
}

/** `el` as a new element without an `is` value: same tag and attributes, its children moved in. */
function plainCopyOf(el: Element): Element {
  const plain = el.ownerDocument.createElementNS(el.namespaceURI, el.localName);
  for (const attr of Array.from(el.attributes)) {
    if (attr.name === 'is') continue;
    try {
      plain.setAttributeNS(attr.namespaceURI, attr.name, attr.value);
    } catch {
      // A name the parser accepts but setAttribute refuses: not one the allowlist would keep.
    }
  }
  while (el.firstChild) plain.appendChild(el.firstChild);
  return plain;
}

/** Sanitizes Readability's article element (no string round trip) into a fragment and its HTML. */
export function sanitizeArticle(content: Node, view: Window): SanitizedArticle {
  const body = purifierFor(view).sanitize(dropIsValues(content), { ...CONFIG, RETURN_DOM: true }) as unknown as HTMLElement;
  if ((body as Node) === content || body.ownerDocument === content.ownerDocument) throw new Error('The sanitizer returned its input');
  // Take the article out of Readability's wrapper divs directly: each node moves once.
  const holder = innermostWrapper(body);
  const fragment = body.ownerDocument.createDocumentFragment();
  const html = holder.innerHTML;
  while (holder.firstChild) fragment.appendChild(holder.firstChild);
  return { fragment, html };
}

export interface SanitizeHtmlOptions {
  /**
   * The document the fragment is made for (default: `doc`). An export passes an inert one
   * (createHTMLDocument): an <img> brought into a document that shows pages starts loading at
   * once, attached or not, and an export must fetch nothing.
   */
  owner?: Document;
  /**
   * Called with the clean fragment while it is still in the sanitizer's inert document, before
   * it is brought into `owner`: what must not load (the offline reader's remote media) is
   * rewritten here, before any load can start.
   */
  prepare?: (clean: DocumentFragment) => void;
}

/**
 * Parses stored or copied article HTML into a sanitized fragment owned by `doc` (or
 * `options.owner`). `base` is the article's own address: links and media resolve against it and
 * must come out http(s) (link-policy.ts), because `doc` may be an extension page, where a
 * relative link is ours. `doc` gives the window the sanitizer runs in.
 */
export function sanitizeHtml(html: string, doc: Document, base: string | null, options: SanitizeHtmlOptions = {}): DocumentFragment {
  const view = doc.defaultView;
  if (!view) throw new Error('sanitizeHtml needs a document that has a window');
  const clean = purifierFor(view).sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true }) as unknown as DocumentFragment;
  resolveLinks(clean, base);
  options.prepare?.(clean);
  const owner = options.owner ?? doc;
  return fromPrototype<Document['importNode']>(owner, 'importNode').call(owner, clean, true) as DocumentFragment;
}

/**
 * Parses a snippet of page markup (a <noscript> fallback) into inert, sanitized nodes. Owned by
 * DOMPurify's own detached document: import what you keep with `doc.importNode`.
 */
export function parseInertFragment(markup: string, doc: Document): DocumentFragment {
  const view = doc.defaultView ?? inertWindows.get(doc);
  if (!view) throw new Error('parseInertFragment needs a document with a window');
  return purifierFor(view).sanitize(markup, { ...CONFIG, RETURN_DOM_FRAGMENT: true }) as unknown as DocumentFragment;
}

/** Copies made with cloneNode have no window of their own; the pipeline records the page's. */
const inertWindows = new WeakMap<Document, Window>();
export function rememberWindow(copy: Document, view: Window): void {
  inertWindows.set(copy, view);
}

/**
 * Readability wraps the article in <div id="readability-page-1"> (and sometimes one more div):
 * the element whose children are the article, found without moving anything.
 */
function innermostWrapper(body: HTMLElement): HTMLElement {
  let holder = body;
  for (let i = 0; i < 3; i++) {
    const only = holder.children.length === 1 ? (holder.firstElementChild as HTMLElement) : null;
    // The wrapper holds all the content when its parent has no text of its own beside it (cheaper
    // than comparing the two textContents, which reads the whole article twice per pass).
    if (!only || only.localName !== 'div' || hasOwnText(holder)) break;
    if (only.attributes.length > 0 && !/readability/.test(only.getAttribute('id') ?? '')) break;
    holder = only;
  }
  return holder;
}
