// Section fronts and home pages: a river of teaser cards (a headline linking to another story,
// perhaps a one-line summary and a time) with no story of their own. Readability stitches the
// summaries together into a fake article; removing the cards lets the pipeline say "no article".
// It only acts on a page that has no prose paragraph anywhere, so a real article with a list of
// links, or a roundup with an introduction, is never touched.
import { countWordsIn, hostOf, linkDensity, normalizedText } from '../dom';

/** A paragraph this long, mostly not links, is a story's prose. */
const PROSE_WORDS = 40;
/** A teaser is short: headline, a sentence, a time. */
const MAX_CARD_WORDS = 60;
/** A river has at least this many cards side by side. */
const MIN_CARDS = 4;
const CARD_TAGS = new Set(['div', 'article', 'li', 'section']);
const HEADLINE_LINKS = 'h2 a[href], h3 a[href], h4 a[href], h5 a[href], h6 a[href], a[href]:has(h2, h3, h4, h5, h6)';

export function removeTeaserRivers(body: HTMLElement, base: string, remove: (el: Element) => void): void {
  if (hasProse(body)) return;
  const host = hostOf(base, base);
  for (const container of Array.from(body.querySelectorAll('*'))) {
    // Inside an <article> or the marked article body, headed items are the story's own list
    // (a roundup); section fronts make each card an <article>, never the river around them.
    if (!container.isConnected || container.children.length < MIN_CARDS || container.closest('article, [itemprop="articleBody"]')) continue;
    const cards = Array.from(container.children).filter((c) => isTeaserCard(c, host, base));
    if (cards.length >= MIN_CARDS && cards.length / container.children.length >= 0.6) for (const card of cards) remove(card);
  }
}

function hasProse(body: HTMLElement): boolean {
  for (const p of Array.from(body.querySelectorAll('p, li, blockquote, td'))) {
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
  return Array.from(el.querySelectorAll(HEADLINE_LINKS)).some((a) => {
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
