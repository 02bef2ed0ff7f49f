// Sanitized article nodes as XHTML for an EPUB: well-formed XML, and valid for EPUB 3 readers and
// epubcheck. Written by hand rather than with XMLSerializer, which writes whatever the DOM holds
// (a control character in a text node, an attribute name XML does not allow) and so can produce
// a file that is not XML at all.
//
// What comes out: an allowlist of HTML elements (others are left out but their content kept;
// SVG and MathML too, which would need manifest properties and their own validity), a few
// attributes per element with checked values, every id once, in-document links only to ids that
// exist, text escaped with the characters XML forbids removed. An image the library kept is put
// in the book (`embed` names its file there); other images, video and audio are not embedded: an
// EPUB may not load them from the web, so each becomes a link to its address (or its description,
// inside another link) and is counted.

import { t, type PlainKey } from '../shared/strings/t';

const XHTML_NS = 'http://www.w3.org/1999/xhtml';

const BLOCK_AND_INLINE = new Set([
  'p', 'div', 'section', 'article', 'aside', 'header', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'hr', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr',
  'th', 'td', 'colgroup', 'col', 'details', 'summary', 'a', 'em', 'strong', 'b', 'i', 'u', 's', 'small', 'sub', 'sup',
  'code', 'kbd', 'samp', 'var', 'mark', 'q', 'cite', 'abbr', 'dfn', 'span', 'br', 'wbr', 'del', 'ins', 'bdi', 'bdo',
  'ruby', 'rt', 'rp',
]);
const VOID = new Set(['br', 'wbr', 'hr', 'col']);
/** Media left out, and the word that stands for each in its place. */
const MEDIA = { img: 'epub_image', video: 'epub_video', audio: 'epub_audio' } as const satisfies Record<string, PlainKey>;
/** Left out with everything inside (a <picture> is unwrapped to its <img>, its sources dropped). */
const DROPPED = new Set(['source', 'track', 'svg', 'math', 'script', 'style', 'template', 'map', 'area', 'canvas']);

const ID = /^[A-Za-z_][\w.-]{0,200}$/;
const INTEGER = /^[1-9]\d{0,3}$/;
/** Characters XML 1.0 does not allow, and lone surrogates. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The attributes an element keeps, as [name, value] pairs with values already checked. */
function keptAttributes(el: Element, name: string, ids: Set<string>, written: Set<string>): [string, string][] {
  const out: [string, string][] = [];
  const id = el.getAttribute('id');
  if (id && ID.test(id) && !written.has(id)) {
    written.add(id);
    out.push(['id', id]);
  }
  const lang = el.getAttribute('lang');
  if (lang && /^[a-z]{2,3}(?:-[a-z0-9]{1,8}){0,4}$/i.test(lang)) out.push(['lang', lang], ['xml:lang', lang]);
  const dir = el.getAttribute('dir')?.toLowerCase();
  if (dir === 'ltr' || dir === 'rtl' || dir === 'auto') out.push(['dir', dir]);
  const title = el.getAttribute('title');
  if (title) out.push(['title', title]);
  if (name === 'a') {
    const href = el.getAttribute('href') ?? '';
    if (/^(https?|mailto):/i.test(href) || (href.startsWith('#') && ids.has(href.slice(1)))) out.push(['href', href]);
  }
  if (name === 'td' || name === 'th') {
    for (const span of ['colspan', 'rowspan']) {
      const v = el.getAttribute(span);
      if (v && INTEGER.test(v) && Number(v) <= 1000) out.push([span, v]);
    }
  }
  if (name === 'th') {
    const scope = el.getAttribute('scope');
    if (scope && /^(row|col|rowgroup|colgroup)$/.test(scope)) out.push(['scope', scope]);
  }
  if (name === 'ol') {
    const start = el.getAttribute('start');
    if (start && /^-?\d{1,6}$/.test(start)) out.push(['start', start]);
  }
  return out;
}

export interface XhtmlBody {
  xhtml: string;
  /** Images, videos and audio left out (linked or described in their place). */
  mediaLeftOut: number;
}

/** `root`'s children as XHTML body content; `embed` gives the book's file for an <img> it holds, else null. */
export function toXhtml(root: Node, embed: (img: Element) => string | null = () => null): XhtmlBody {
  // Ids first, so links to an id later in the text survive and links to none are unlinked.
  const ids = new Set<string>();
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 1 /* elements */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const id = (n as Element).getAttribute('id');
    if (id && ID.test(id)) ids.add(id);
  }
  const written = new Set<string>();
  let mediaLeftOut = 0;
  const parts: string[] = [];
  // Iterative, as every walk over article markup is: nesting depth is the page's to choose.
  const stack: (Node | string)[] = [...[...root.childNodes].reverse()];
  const openLinks: number[] = [0];
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      parts.push(item);
      if (item === '</a>') openLinks[0]!--;
      continue;
    }
    if (item.nodeType === 3) {
      parts.push(escapeXml(item.nodeValue ?? ''));
      continue;
    }
    if (item.nodeType !== 1) continue; // comments, processing instructions
    const el = item as Element;
    const name = el.localName.toLowerCase();
    if (el.namespaceURI !== XHTML_NS || DROPPED.has(name)) continue;
    const file = name === 'img' ? embed(el) : null;
    if (file) {
      const alt = (el.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);
      parts.push(`<img src="${escapeXml(file)}" alt="${escapeXml(alt)}"/>`);
      continue;
    }
    if (Object.hasOwn(MEDIA, name)) {
      mediaLeftOut++;
      parts.push(mediaStandIn(el, name as keyof typeof MEDIA, openLinks[0]! > 0));
      continue;
    }
    const children = [...el.childNodes].reverse();
    if (!BLOCK_AND_INLINE.has(name)) {
      stack.push(...children);
      continue;
    }
    const attrs = keptAttributes(el, name, ids, written).map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('');
    if (VOID.has(name)) {
      parts.push(`<${name}${attrs}/>`);
      continue;
    }
    if (name === 'a') openLinks[0]!++;
    parts.push(`<${name}${attrs}>`);
    stack.push(`</${name}>`, ...children);
  }
  return { xhtml: parts.join(''), mediaLeftOut };
}

/** What stands where an image, a video or an audio was: a link to it, or words inside a link. */
function mediaStandIn(el: Element, name: keyof typeof MEDIA, insideLink: boolean): string {
  const kind = t(MEDIA[name]);
  const alt = (el.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);
  const label = alt ? t('epub_media_described', kind, alt) : t('epub_media', kind);
  const src = el.getAttribute('src') ?? el.querySelector('source[src]')?.getAttribute('src') ?? '';
  if (insideLink || !/^https?:/i.test(src)) return `<span class="media-left-out">${escapeXml(label)}</span>`;
  return `<a class="media-left-out" href="${escapeXml(src)}">${escapeXml(label)}</a>`;
}
