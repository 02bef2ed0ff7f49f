// Icon fonts and ligature icons. Font Awesome and Bootstrap Icons draw with CSS on an empty
// <i class="fa fa-share">; Material Icons/Symbols draw a ligature, so the DOM holds the *word*
// ("share", "bookmark_border") and a text copy says it out loud; older fonts put a private-use
// code point in the text. All of them are recognised by the icon-font class conventions, and
// private-use glyphs by their code points wherever they are.
import { type CleanRule, liveElements } from './rule';
import { classTokens, closestWhere, hasMedia, normalizedText, tagIn } from '../dom';

/** Class tokens of icon-font families (whole token, or as a prefix before `-`). */
const ICON_CLASS = /^(?:fa[srlbdtk]?|fa-[\w-]+|bi|bi-[\w-]+|glyphicon(?:-[\w-]+)?|material-icons(?:-[\w-]+)?|material-symbols(?:-[\w-]+)?|mdi(?:-[\w-]+)?|icon|icons|icon-[\w-]+|icon_[\w-]+|[\w-]+-icons?|google-symbols|ion-[\w-]+|ionicons?|octicon(?:-[\w-]+)?|dashicons(?:-[\w-]+)?|genericon(?:-[\w-]+)?|la[srb]?|la-[\w-]+|ti|ti-[\w-]+|fi|fi-[\w-]+|icofont-[\w-]+|typcn(?:-[\w-]+)?|wi|wi-[\w-]+|flaticon-[\w-]+|lni|lni-[\w-]+|ri-[\w-]+|bx|bx-[\w-]+|bxs-[\w-]+|bxl-[\w-]+|uil|uil-[\w-]+|ph|ph-[\w-]+)$/;
/** What a ligature icon's text looks like: one lower-case identifier such as `bookmark_border`. */
const LIGATURE = /^[a-z][a-z0-9_]{0,39}$/;
/** Unicode private-use areas: glyphs with no meaning outside the icon font that drew them. */
const PRIVATE_USE = /[\ue000-\uf8ff\u{f0000}-\u{ffffd}\u{100000}-\u{10fffd}]/u;
const ONLY_PRIVATE_USE = /^[\ue000-\uf8ff\u{f0000}-\u{ffffd}\u{100000}-\u{10fffd}\s]+$/u;
const PRIVATE_USE_ALL = /[\ue000-\uf8ff\u{f0000}-\u{ffffd}\u{100000}-\u{10fffd}]/gu;
/** Tags icon fonts are put on. Block containers with an `icon` class hold real content. */
const ICON_TAGS = new Set(['i', 'span', 'em', 'b', 'small', 'strong', 'use', 'div']);
/** Icon web components (Angular Material, Ionic, Polymer, Shoelace, Material Web, Font Awesome). */
const isIconElement = tagIn('mat-icon', 'ion-icon', 'iron-icon', 'sl-icon', 'md-icon', 'mwc-icon', 'fa-icon', 'wa-icon', 'calcite-icon');
/** Where a Material ligature word can stand as an element of its own. */
const isLigatureHolder = tagIn('i', 'span', 'em', 'b', 'small', 'strong', 'a', 'button', 'div');
/**
 * Material ligature names with an underscore. No prose word looks like this, so a leaf element
 * holding only one of them is an icon even when the site's class name for the font is its own.
 */
const MATERIAL_LIGATURES = new Set(['bookmark_border', 'bookmark_add', 'bookmark_added', 'more_vert', 'more_horiz', 'favorite_border',
  'thumb_up', 'thumb_down', 'thumb_up_off_alt', 'content_copy', 'chevron_right', 'chevron_left', 'expand_more', 'expand_less',
  'arrow_forward', 'arrow_back', 'arrow_upward', 'arrow_downward', 'arrow_forward_ios', 'arrow_back_ios', 'arrow_drop_down',
  'arrow_drop_up', 'arrow_outward', 'open_in_new', 'play_arrow', 'play_circle', 'pause_circle', 'volume_up', 'volume_off',
  'fullscreen_exit', 'chat_bubble', 'chat_bubble_outline', 'photo_camera', 'ios_share', 'account_circle', 'text_fields',
  'format_size', 'keyboard_arrow_down', 'keyboard_arrow_up', 'keyboard_arrow_right', 'keyboard_arrow_left', 'star_border',
  'star_half', 'mail_outline', 'access_time', 'calendar_today', 'location_on', 'info_outline', 'open_in_full', 'zoom_in',
  'zoom_out', 'add_circle', 'remove_circle', 'check_circle', 'mode_comment', 'print_outline', 'link_off', 'menu_book']);
/** Where an underscore word is code, not an icon. */
const inCode = tagIn('code', 'pre', 'kbd', 'samp', 'var', 'tt');

export const iconFonts: CleanRule = {
  name: 'icon-fonts',
  run(ctx) {
    const body = ctx.doc.body;
    if (!body) return;
    for (const el of liveElements(ctx, (e) => e.hasAttribute('class') || e.hasAttribute('data-icon'))) {
      // The class test first: hasMedia walks the subtree. All tests are read-only.
      if (!el.isConnected || !ICON_TAGS.has(el.localName) || !isIconFontElement(el)) continue;
      if (!hasMedia(el)) ctx.remove(el, this.name);
    }
    for (const el of liveElements(ctx, isIconElement)) {
      if (el.isConnected && !hasMedia(el) && isGlyphText(normalizedText(el))) ctx.remove(el, this.name);
    }
    for (const el of liveElements(ctx, isLigatureHolder)) {
      if (el.isConnected && el.children.length === 0 && MATERIAL_LIGATURES.has(normalizedText(el)) && !closestWhere(el, inCode)) ctx.remove(el, this.name);
    }
    for (const img of liveElements(ctx, (e) => e.localName === 'img')) {
      if (img.isConnected && isIconImage(img)) ctx.remove(img, this.name);
    }
    stripPrivateUseGlyphs(ctx.doc, body, (el) => ctx.remove(el, this.name));
  },
};

function isIconFontElement(el: Element): boolean {
  const isIconClass = el.hasAttribute('data-icon') || classTokens(el).some((t) => ICON_CLASS.test(t));
  if (!isIconClass) return false;
  if (el.localName === 'div' && el.children.length > 0) return false;
  return isGlyphText(normalizedText(el));
}

/** Nothing, one ligature word, or private-use glyphs: what an icon element holds. */
function isGlyphText(text: string): boolean {
  return text === '' || LIGATURE.test(text) || ONLY_PRIVATE_USE.test(text);
}

/**
 * Icons drawn as <img>: an icon class or an icons/sprites folder, at icon size when the size is
 * declared. Their alt text ("Share", "icon camera") would otherwise surface in Markdown. Emoji
 * images (whose alt is the emoji itself) are text and stay.
 */
function isIconImage(img: Element): boolean {
  const alt = img.getAttribute('alt') ?? '';
  if (/\p{Extended_Pictographic}/u.test(alt) || closestWhere(img, inPicture)) return false;
  const named = classTokens(img).some((t) => ICON_CLASS.test(t) || /(?:^|[-_])icon(?:s)?(?:$|[-_])/.test(t));
  const path = /\/(?:icons?|sprites?|social-icons?)\//i.test(img.getAttribute('src') ?? '');
  if (!named && !path) return false;
  const w = Number(img.getAttribute('width') || NaN);
  const h = Number(img.getAttribute('height') || NaN);
  return (Number.isNaN(w) || w <= 48) && (Number.isNaN(h) || h <= 48);
}

const inPicture = tagIn('figure', 'picture');

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
