// Elements the page itself keeps out of sight: the `hidden` attribute, inline display:none or
// visibility:hidden, closed dialogs and templates, `aria-hidden` decorations, and (in a browser)
// whatever the live page's layout showed to be invisible or off-screen. Runs first so that no
// later rule measures text a reader never sees.
import { type CleanRule, liveElements } from './rule';
import { hasMedia, wordCountExceeds } from '../dom';

const INLINE_HIDDEN = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)/i;
/**
 * Inline tricks that keep text in the DOM but out of sight without display/visibility: fully
 * transparent, drawn at size zero, or pushed thousands of pixels off the page. A browser sees
 * these through layout; markup alone (jsdom, the CLI) needs them spelled out.
 */
const INLINE_INVISIBLE = /(?:^|;)\s*(?:opacity\s*:\s*0(?:\.0+)?|font-size\s*:\s*0(?:px|em|rem|%)?)\s*(?:!important\s*)?(?:;|$)|(?:^|;)\s*(?:left|top|right|text-indent|margin-left|margin-top)\s*:\s*-\d{4,}(?:\.\d+)?px/i;
/** aria-hidden blocks longer than this may be real content hidden from assistive tech only. */
const MAX_DECORATION_WORDS = 8;

export const hidden: CleanRule = {
  name: 'hidden',
  run(ctx) {
    for (const el of ctx.layoutHidden) ctx.remove(el, this.name);
    const body = ctx.doc.body;
    if (!body) return;
    // Markup alone is weaker evidence than layout: pages built to fade in ship their whole content
    // at inline `opacity:0` (or display:none) for their scripts to reveal. Those removals pass the
    // guard, so a wrapper holding most of the page's prose stays; a browser's layout, which sees
    // the page as its scripts left it, decides above without the guard.
    for (const el of liveElements(ctx, mayBeHidden)) {
      if (isHiddenByMarkup(el)) ctx.remove(el, this.name, { guarded: true });
    }
  },
};

/** `[hidden], [style], [aria-hidden], template, dialog:not([open])`, without the selector engine. */
function mayBeHidden(el: Element): boolean {
  const tag = el.localName;
  return el.hasAttribute('hidden') || el.hasAttribute('style') || el.hasAttribute('aria-hidden') || tag === 'template' || (tag === 'dialog' && !el.hasAttribute('open'));
}

function isHiddenByMarkup(el: Element): boolean {
  if (el.localName === 'template' || el.localName === 'dialog') return true;
  const hiddenAttr = el.getAttribute('hidden');
  if (hiddenAttr !== null && hiddenAttr !== 'until-found') return true;
  const style = el.getAttribute('style');
  if (style && (INLINE_HIDDEN.test(style) || INLINE_INVISIBLE.test(style))) return true;
  if (el.getAttribute('aria-hidden')?.trim().toLowerCase() === 'true') {
    // A decoration: an icon, a duplicated label, a background glyph. Images stay: sites mark
    // lazy-image fallbacks aria-hidden while they are the only copy of the picture.
    return !hasMedia(el) && !wordCountExceeds(el, MAX_DECORATION_WORDS);
  }
  return false;
}
