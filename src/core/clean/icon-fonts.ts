// Icon fonts and ligature icons. Font Awesome and Bootstrap Icons draw with CSS on an empty
// <i class="fa fa-share">; Material Icons/Symbols draw a ligature, so the DOM holds the *word*
// ("share", "bookmark_border") and a text copy says it out loud; older fonts put a private-use
// code point in the text. All of them are recognised by the icon-font class conventions, and
// private-use glyphs by their code points wherever they are.
import type { CleanRule } from './rule';
import { classTokens, hasMedia, normalizedText } from '../dom';

/** Class tokens of icon-font families (whole token, or as a prefix before `-`). */
const ICON_CLASS = /^(?:fa[srlbdtk]?|fa-[\w-]+|bi|bi-[\w-]+|glyphicon(?:-[\w-]+)?|material-icons(?:-[\w-]+)?|material-symbols(?:-[\w-]+)?|mdi(?:-[\w-]+)?|icon|icons|icon-[\w-]+|[\w-]+-icon|ion-[\w-]+|ionicons?|octicon(?:-[\w-]+)?|dashicons(?:-[\w-]+)?|genericon(?:-[\w-]+)?|la[srb]?|la-[\w-]+|ti|ti-[\w-]+|fi|fi-[\w-]+|icofont-[\w-]+|typcn(?:-[\w-]+)?|wi|wi-[\w-]+|flaticon-[\w-]+|lni|lni-[\w-]+|ri-[\w-]+|bx|bx-[\w-]+|bxs-[\w-]+|bxl-[\w-]+|uil|uil-[\w-]+|ph|ph-[\w-]+)$/;
/** What a ligature icon's text looks like: one lower-case identifier such as `bookmark_border`. */
const LIGATURE = /^[a-z][a-z0-9_]{0,39}$/;
/** Unicode private-use areas: glyphs with no meaning outside the icon font that drew them. */
const PRIVATE_USE = /[\ue000-\uf8ff\u{f0000}-\u{ffffd}\u{100000}-\u{10fffd}]/u;
const ONLY_PRIVATE_USE = /^[\ue000-\uf8ff\u{f0000}-\u{ffffd}\u{100000}-\u{10fffd}\s]+$/u;
const PRIVATE_USE_ALL = /[\ue000-\uf8ff\u{f0000}-\u{ffffd}\u{100000}-\u{10fffd}]/gu;
/** Tags icon fonts are put on. Block containers with an `icon` class hold real content. */
const ICON_TAGS = new Set(['i', 'span', 'em', 'b', 'small', 'strong', 'use', 'div']);

export const iconFonts: CleanRule = {
  name: 'icon-fonts',
  run(ctx) {
    const body = ctx.doc.body;
    if (!body) return;
    for (const el of Array.from(body.querySelectorAll('[class], [data-icon]'))) {
      if (!el.isConnected || !ICON_TAGS.has(el.localName) || hasMedia(el)) continue;
      if (isIconFontElement(el)) ctx.remove(el, this.name);
    }
    stripPrivateUseGlyphs(ctx.doc, body, (el) => ctx.remove(el, this.name));
  },
};

function isIconFontElement(el: Element): boolean {
  const isIconClass = el.hasAttribute('data-icon') || classTokens(el).some((t) => ICON_CLASS.test(t));
  if (!isIconClass) return false;
  if (el.localName === 'div' && el.children.length > 0) return false;
  const text = normalizedText(el);
  return text === '' || LIGATURE.test(text) || ONLY_PRIVATE_USE.test(text);
}

/** Removes elements whose whole text is private-use glyphs, and such glyphs inside other text. */
function stripPrivateUseGlyphs(doc: Document, body: Element, remove: (el: Element) => void): void {
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  const hits: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (PRIVATE_USE.test((n as Text).data)) hits.push(n as Text);
  }
  for (const textNode of hits) {
    const parent = textNode.parentElement;
    if (parent && parent !== body && ONLY_PRIVATE_USE.test(parent.textContent ?? '') && !hasMedia(parent)) {
      remove(parent);
    } else {
      textNode.data = textNode.data.replace(PRIVATE_USE_ALL, '');
    }
  }
}
