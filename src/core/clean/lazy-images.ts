// Lazy-loaded images, resolved to the real picture before Readability judges them: the real URL
// waits in data-src / data-srcset / data-lazy-src / data-original (or in <picture> sources, or in
// a <noscript> fallback) while src holds a spacer. Spacers and tracking pixels are dropped.
// Relative URLs are made absolute here and again by Readability, so the reader, the library and
// every copy point at the page's own images.
import { type CleanRule, type CleanContext, liveElements } from './rule';
import { closestWhere, descendantsWhere, tagIn } from '../dom';
import { parseInertFragment } from '../sanitize';

const SRC_ATTRS = ['data-src', 'data-lazy-src', 'data-original', 'data-url', 'data-lazy', 'data-hi-res-src', 'data-full-src', 'data-image', 'data-actualsrc', 'data-echo', 'data-pagespeed-lazy-src'];
const SRCSET_ATTRS = ['data-srcset', 'data-lazy-srcset', 'data-original-set'];
// A file name (a run of [\w-] before the extension) holding a spacer word. The match starts only
// where such a run begins (the lookbehind) and the word is found by a lookahead inside the run:
// `(?:spacer|…)[\w-]*\.` alone rescanned the rest of the URL from every spacer word (quadratic).
const SPACER_URL = /(?:^data:image\/(?:gif|png|svg\+xml)[;,][^]{0,512}$|(?<![\w-])(?=[\w-]*?(?:spacer|blank|pixel|transparent|placeholder|grey|gray|1x1|lazy|loading))[\w-]+\.(?:gif|png|svg|jpg)(?:$|\?))/i;

export const lazyImages: CleanRule = {
  name: 'lazy-images',
  run(ctx) {
    const body = ctx.doc.body;
    if (!body) return;
    unwrapNoscriptFallbacks(ctx);
    for (const source of liveElements(ctx, isMediaSource)) promote(source, ctx.url);
    for (const img of liveElements(ctx, isImg)) {
      promote(img, ctx.url);
      if (isSpacer(img)) ctx.remove(img, this.name);
    }
  },
};

/** Copies the real URL from data-* attributes into src/srcset and makes URLs absolute. */
function promote(el: Element, base: string): void {
  const src = SRC_ATTRS.map((a) => el.getAttribute(a)).find((v) => v && !SPACER_URL.test(v.trim()));
  const srcset = SRCSET_ATTRS.map((a) => el.getAttribute(a)).find((v) => v && v.trim());
  const current = el.getAttribute('src');
  if (src && (!current || SPACER_URL.test(current.trim()) || current.trim() === src.trim() || el.localName === 'source')) {
    el.setAttribute('src', src.trim());
  }
  if (srcset) el.setAttribute('srcset', srcset.trim());
  if ((!el.getAttribute('src') || SPACER_URL.test(el.getAttribute('src')!)) && el.getAttribute('srcset')) {
    const best = largestCandidate(el.getAttribute('srcset')!);
    if (best) el.setAttribute('src', best);
  }
  absolutize(el, 'src', base);
  const set = el.getAttribute('srcset');
  if (set) el.setAttribute('srcset', set.split(',').map((c) => c.trim()).filter(Boolean).map((c) => {
    const [url, ...desc] = c.split(/\s+/);
    return [toAbsolute(url ?? '', base), ...desc].join(' ');
  }).join(', '));
}

function largestCandidate(srcset: string): string | null {
  let best: string | null = null;
  let bestSize = -1;
  for (const candidate of srcset.split(',')) {
    const [url, desc] = candidate.trim().split(/\s+/);
    if (!url) continue;
    const size = desc ? parseFloat(desc) : 1;
    if (size > bestSize) [best, bestSize] = [url, size];
  }
  return best;
}

function isSpacer(img: Element): boolean {
  const src = (img.getAttribute('src') ?? '').trim();
  if (!src) return !img.getAttribute('srcset');
  if (SPACER_URL.test(src)) return true;
  const w = img.getAttribute('width'), h = img.getAttribute('height');
  return (w === '1' || w === '0') && (h === '1' || h === '0');
}

/**
 * A lazy image often ships a real <img> inside <noscript> next to a placeholder. In a browser
 * with scripting on, <noscript> content is raw text, so the fallback markup is parsed (through the
 * sanitizer, the one place markup becomes DOM) and replaces the placeholder.
 */
function unwrapNoscriptFallbacks(ctx: CleanContext): void {
  const doc = ctx.doc;
  for (const noscript of liveElements(ctx, (e) => e.localName === 'noscript')) {
    const markup = noscript.children.length > 0 ? noscript.innerHTML : noscript.textContent ?? '';
    if (!/<img\b/i.test(markup)) continue;
    const fallback = parseInertFragment(markup, doc);
    const img = fallback.querySelector('img');
    if (!img || fallback.querySelectorAll('img').length !== 1) continue;
    const placeholder = previousImage(noscript);
    const adopted = doc.importNode(img, true);
    ctx.elementsChanged(); // the adopted image is new to the copy
    if (placeholder && (isSpacer(placeholder) || !placeholder.getAttribute('src'))) placeholder.replaceWith(adopted);
    else if (!placeholder) noscript.replaceWith(adopted);
    if (adopted.isConnected && noscript.isConnected) noscript.remove();
  }
}

/** The image just before a <noscript>, either its sibling or inside its sibling wrapper. */
function previousImage(noscript: Element): Element | null {
  const prev = noscript.previousElementSibling;
  if (!prev) return null;
  if (prev.localName === 'img') return prev;
  const inner = descendantsWhere(prev, isImg);
  return inner.length === 1 ? inner[0]! : null;
}

const isImg = tagIn('img');
const isPictureOrVideo = tagIn('picture', 'video');
/** `picture source, video source`. */
const isMediaSource = (el: Element): boolean => el.localName === 'source' && closestWhere(el.parentElement, isPictureOrVideo) !== null;

function absolutize(el: Element, attr: string, base: string): void {
  const v = el.getAttribute(attr);
  if (v) el.setAttribute(attr, toAbsolute(v, base));
}

function toAbsolute(url: string, base: string): string {
  if (/^data:/i.test(url)) return url;
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}
