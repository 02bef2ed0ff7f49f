// The user's selection as clean, sanitized content, for selection mode and for copying part of
// an article. A range of page content is never cloned inside the live page: a clone there would
// load its images and fire their `on*` handlers (shared/docs/design.md). It is copied into an
// inert document first, serialized, and parsed back only through the core's sanitizer.
import { sanitizeHtml, toPlainText } from '../core/index';
import { fromPrototype } from '../core/budget';

/**
 * A clean fragment (owned by `doc`) of the page's selection, or null when nothing is selected.
 * Copies part of the page: call it only once the page passed the budget (source.ts does).
 */
export function pageSelection(doc: Document): DocumentFragment | null {
  const sel = doc.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  return cleanRange(sel.getRangeAt(0), doc);
}

/** A clean fragment of `range`, or null when it holds no text. */
export function cleanRange(range: AbstractRange, doc: Document): DocumentFragment | null {
  const html = inertRangeHtml(range);
  if (html === null) return null;
  // Resolved against the base of the page the range is in, as the page's own links are: absolute
  // once taken out of it. Read through the prototype: `<img name="baseURI">` shadows it.
  const start = range.startContainer;
  const fragment = sanitizeHtml(html, doc, fromPrototype<string>(start.ownerDocument ?? start, 'baseURI'));
  return toPlainText(fragment).trim() ? fragment : null;
}

/** The selection inside the overlay's closed shadow root, if it lies in `within`. */
export function overlaySelection(root: ShadowRoot, within: Node): AbstractRange | null {
  const doc = root.ownerDocument;
  const chromeSel = (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.();
  const candidates: AbstractRange[] = [];
  if (chromeSel && chromeSel.rangeCount && !chromeSel.isCollapsed) candidates.push(chromeSel.getRangeAt(0));
  const docSel = doc.getSelection() as (Selection & { getComposedRanges?: (o: unknown) => StaticRange[] }) | null;
  if (docSel?.getComposedRanges && !docSel.isCollapsed) {
    try {
      candidates.push(...docSel.getComposedRanges({ shadowRoots: [root] }));
    } catch {
      // Older signature or no support: the Chrome path above covers it.
    }
  }
  return candidates.find((r) => !r.collapsed && within.contains(r.startContainer) && within.contains(r.endContainer)) ?? null;
}

/** Serializes `range` from a copy in an inert document; null if the range is empty. */
export function inertRangeHtml(range: AbstractRange): string | null {
  if (range.collapsed) return null;
  const start = range.startContainer;
  const live = start.ownerDocument ?? (start as Document);
  const ancestor = commonElement(range.startContainer, range.endContainer);
  if (!ancestor) return null;
  const inert = live.implementation.createHTMLDocument('');
  const copy = inert.importNode(ancestor, true);
  inert.body.append(copy);
  const r = inert.createRange();
  r.setStart(follow(copy, pathTo(ancestor, range.startContainer)), range.startOffset);
  r.setEnd(follow(copy, pathTo(ancestor, range.endContainer)), range.endOffset);
  const box = inert.createElement('div');
  box.append(r.cloneContents());
  return box.innerHTML;
}

function commonElement(a: Node, b: Node): Element | null {
  for (let n: Node | null = a; n; n = n.parentNode) {
    if (n.nodeType === 1 && n.contains(b)) return n as Element;
  }
  return null;
}

function pathTo(ancestor: Node, node: Node): number[] {
  const path: number[] = [];
  for (let n = node; n !== ancestor; n = n.parentNode!) path.unshift(Array.prototype.indexOf.call(n.parentNode!.childNodes, n));
  return path;
}

function follow(root: Node, path: number[]): Node {
  return path.reduce<Node>((n, i) => n.childNodes[i]!, root);
}
