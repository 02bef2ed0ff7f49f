// "Visually hidden" text: labels a site renders only for screen readers ("Share on Facebook",
// "opens in a new tab", a second copy of the date). Sighted readers never see them, and in a
// text copy they read as stray duplicates. Recognised by the near-universal helper class names
// and by the clip/1px technique those classes use.
import { type CleanRule, liveElements } from './rule';
import { classTokens, hasMedia, wordCountExceeds } from '../dom';

/** Screen-reader-only blocks longer than this are content, not a label (skip-links pages, etc.). */
const MAX_LABEL_WORDS = 40;

const HELPER_CLASSES = new Set([
  'sr-only', 'sr-only-focusable', 'screen-reader-only', 'screen-reader-text', 'screenreader-only',
  'visually-hidden', 'visuallyhidden', 'visually-hidden-focusable', 'vh', 'u-visually-hidden',
  'a11y-hidden', 'a11y-only', 'hidden-visually', 'assistive-text', 'element-invisible', 'offscreen',
  'show-for-sr', 'hide-text', 'visuallyHidden'.toLowerCase(),
]);
const CLIP_PATTERN = /clip\s*:\s*rect\(\s*0(?:px)?[\s,]+0(?:px)?[\s,]+0(?:px)?[\s,]+0(?:px)?\s*\)|clip-path\s*:\s*inset\(\s*50%\s*\)/i;

export const visuallyHidden: CleanRule = {
  name: 'visually-hidden',
  run(ctx) {
    const body = ctx.doc.body;
    if (!body) return;
    for (const el of liveElements(ctx, (e) => e.hasAttribute('class') || e.hasAttribute('style'))) {
      // The class and style tests first: they read one attribute, while text and media checks
      // walk the element's whole subtree.
      const byClass = classTokens(el).some((t) => HELPER_CLASSES.has(t));
      const byStyle = !byClass && CLIP_PATTERN.test(el.getAttribute('style') ?? '');
      if (!byClass && !byStyle) continue;
      if (hasMedia(el) || wordCountExceeds(el, MAX_LABEL_WORDS)) continue;
      ctx.remove(el, this.name);
    }
  },
};
