// Section fronts and home pages: a river of teaser cards (a headline linking to another story,
// perhaps a one-line summary and a time) with no story of their own. Readability stitches the
// summaries together into a fake article; removing the cards leaves it no article, and the
// pipeline then shows the page as what it is, a list of links (choose/listing-fallback.ts).
// It only acts on a page that has no prose paragraph anywhere, so a real article with a list of
// links, or a roundup with an introduction, is never touched.
import { type CleanContext, liveElements } from './rule';
import { closestWhere, countWordsIn, descendantsWhere, hostOf, linkDensity, normalizedText, tagIn } from '../dom';

/** A paragraph this long, mostly not links, is a story's prose. */
const PROSE_WORDS = 40;
/** A teaser is short: headline, a sentence, a time. */
const MAX_CARD_WORDS = 60;
/** A river has at least this many cards side by side. */
const MIN_CARDS = 4;
const CARD_TAGS = new Set(['div', 'article', 'li', 'section']);
const isSubheading = tagIn('h2', 'h3', 'h4', 'h5', 'h6');
/**
 * `h2 a[href], …, h6 a[href], a[href]:has(h2, h3, h4, h5, h6)`, for a descendant of a card: in a
 * selector query the heading around the link may sit anywhere above it, even outside the card.
 */
const isHeadlineLink = (el: Element): boolean =>
  el.localName === 'a' && el.hasAttribute('href') && (closestWhere(el.parentElement, isSubheading) !== null || descendantsWhere(el, isSubheading).length > 0);
const isProseBlock = tagIn('p', 'li', 'blockquote', 'td');
const isStoryBody = (el: Element): boolean => el.localName === 'article' || el.getAttribute('itemprop') === 'articleBody';

export function removeTeaserRivers(ctx: CleanContext, remove: (el: Element) => void): void {
  const base = ctx.url;
  if (hasProse(ctx)) return;
  const host = hostOf(base, base);
  for (const container of liveElements(ctx, () => true)) {
    // Inside an <article> or the marked article body, headed items are the story's own list
    // (a roundup); section fronts make each card an <article>, never the river around them.
    if (!container.isConnected || container.children.length < MIN_CARDS || closestWhere(container, isStoryBody)) continue;
    const cards = Array.from(container.children).filter((c) => isTeaserCard(c, host, base));
    if (cards.length >= MIN_CARDS && cards.length / container.children.length >= 0.6) for (const card of cards) remove(card);
  }
}

function hasProse(ctx: CleanContext): boolean {
  for (const p of liveElements(ctx, isProseBlock)) {
    if (countWordsIn(normalizedText(p)) >= PROSE_WORDS && linkDensity(p) < 0.3) return true;
  }
  return false;
}

/**
 * A card: a block whose headline (a heading holding a link, or a link holding a heading) leads to
 * another page of the same site, with little else. Paragraphs of links, as a link-roundup post
 * writes them, are not cards: they have no headings.
 */
function isTeaserCard(el: Element, host: string, base: string): boolean {
  if (!CARD_TAGS.has(el.localName)) return false;
  const words = countWordsIn(normalizedText(el));
  if (words === 0 || words > MAX_CARD_WORDS) return false;
  const own = new URL(base).pathname;
  return descendantsWhere(el, isHeadlineLink).some((a) => {
    const href = a.getAttribute('href')!;
    if (href.startsWith('#') || hostOf(href, base) !== host) return false;
    try {
      if (new URL(href, base).pathname === own) return false;
    } catch {
      return false;
    }
    return countWordsIn(normalizedText(a)) >= 3;
  });
}
