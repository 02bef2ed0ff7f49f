// "Related", "Read more", "More from…" teasers. Two shapes: a labelled block of links (a heading
// or label saying "Related stories" followed by a list of headlines), and an inline promo
// paragraph ("READ MORE: Headline of another story"). Both are found by the label and by
// structure (mostly links, little prose); a label alone never removes anything. A page made only
// of teasers (a section front) loses them all, so that it reads as having no article and the
// reader shows it as a list instead (choose/listing-fallback.ts).
import { type CleanRule, liveElements } from './rule';
import { closestWithin, countDescendants, countWordsIn, descendantsWhere, linkDensity, nameTokens, normalizedText, tagIn, wordCountExceeds } from '../dom';
import { removeTeaserRivers } from './teaser-river';

/** Labels that announce links to other stories, in the languages we have seen them in. */
const TEASER_PHRASES = String.raw`related( (stories|articles|news|posts|content|coverage|reading|links|topics))?|read (more|next|also)|also read|more (from|on|in|about|stories|news|articles|like this|to read)|recommended( for you| stories| reading)?|you (may|might) (also )?(like|enjoy|be interested)|most (popular|read|viewed|shared)|popular (now|stories|posts)?|trending( now| stories)?|top stories|editor'?s picks|what to read next|don'?t miss|up next|keep reading|continue reading|читайте также|читать также|по теме|ещё по теме|смотрите также|lire aussi|à lire aussi|à lire également|voir aussi|weitere artikel|mehr zum thema|auch interessant|das könnte sie (auch )?interessieren|lesen sie (auch|mehr)|siehe auch|weiterführende links?|lee también|lea también|lea más|lea|le puede interesar|te puede interesar|también te puede interesar|leia também|leia mais|veja também|leggi anche|czytaj (też|także|również)|zobacz (też|także|również)|przeczytaj (też|także)|اقرأ أيضا|קרא עוד|相关(文章|阅读|新闻)|関連記事`;
/** A label that is only the phrase ("Related stories", "MORE FROM SPORT:" is a promo, below). */
const TEASER_LABEL = new RegExp(`^(?:${TEASER_PHRASES})(?:\\s+[\\p{L}\\p{N}'’&-]+){0,3}?\\s*[:.!›»>|-]?$`, 'iu');
/** An inline promo begins with the phrase and a colon: "Read more: <a>Other headline</a>". */
const PROMO_START = new RegExp(`^(?:${TEASER_PHRASES})\\s*[:›»|–—-]`, 'iu');
/** Tokens sites put on teaser containers by convention. */
const TEASER_NAME = /^(related|related-?(articles|stories|posts|content|links|news)|recommend(ed|ations)?|more-?(stories|articles|news|from)|read-?more|read-?next|outbrain|taboola|ob-widget|trc_related_container|mostread|most-?(read|popular)|also-?read|teasers?)$/;
const MAX_LABEL_WORDS = 8;
const MAX_BLOCK_WORDS = 200;
const isHrefLink = (el: Element): boolean => el.localName === 'a' && el.hasAttribute('href');
const isP = tagIn('p');
const isLabelTag = tagIn('h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'div', 'span', 'strong', 'b', 'header', 'li', 'dt', 'figcaption', 'aside');

export const relatedLinks: CleanRule = {
  name: 'related-links',
  run(ctx) {
    const body = ctx.doc.body;
    if (!body) return;
    // Named teaser containers that are mostly links.
    for (const el of liveElements(ctx, (e) => e.hasAttribute('class') || e.hasAttribute('id'))) {
      if (!el.isConnected || el === body) continue;
      if (nameTokens(el).some((t) => TEASER_NAME.test(t)) && isLinkBlock(el)) ctx.remove(el, this.name);
    }
    // Pages that are nothing but teasers (section fronts): see teaser-river.ts.
    removeTeaserRivers(ctx, (el) => ctx.remove(el, this.name));
    // Labelled blocks and inline promos.
    for (const label of liveElements(ctx, isLabelTag)) {
      if (!label.isConnected) continue;
      const text = normalizedText(label);
      if (!text) continue;
      if (TEASER_LABEL.test(text) && countWordsIn(text) <= MAX_LABEL_WORDS && label.children.length <= 2) {
        const block = teaserBlockFor(label);
        if (block) {
          for (const el of block) ctx.remove(el, this.name);
          continue;
        }
      }
      if (isInlinePromo(label, text) || isLabelledHeadline(label, text)) ctx.remove(label, this.name);
    }
  },
};

/** Mostly links and not long: a list of headlines, not an article. */
function isLinkBlock(el: Element): boolean {
  return countDescendants(el, isHrefLink, 1) >= 1 && !wordCountExceeds(el, MAX_BLOCK_WORDS) && linkDensity(el) >= 0.5 && countDescendants(el, isP, 7) <= 6;
}

/** The elements that make up the labelled teaser block, or null if the label stands alone. */
function teaserBlockFor(label: Element): Element[] | null {
  // The label heads a container of links: remove the container.
  const container = closestWithin(label, 3, (el) => el !== label && el.localName !== 'body' && countDescendants(el, isHrefLink, 2) >= 2 && isLinkBlock(el) && el.firstElementChild !== null && (el.firstElementChild === label || el.firstElementChild.contains(label)));
  if (container) return [container];
  // The label is followed by a list of links as its next sibling.
  const next = label.nextElementSibling;
  if (next && countDescendants(next, isHrefLink, 2) >= 2 && isLinkBlock(next)) return [label, next];
  return null;
}

/**
 * A paragraph that is a short label and one headline link, in any language: "VEA TAMBIÉN: <a>…</a>",
 * "<em><strong>Auch lesen:</strong></em> <a>…</a>". The label (three words at most, no link of its
 * own) announces the link and nothing else follows it; a headline is a few words at least, so
 * "Website: <a>example.org</a>" stays.
 */
function isLabelledHeadline(el: Element, text: string): boolean {
  // Cheapest tests first: this is asked of every paragraph and div on the page, the page's
  // outermost wrappers among them, whose text is most of the page.
  if (text.length > MAX_PROMO_CHARS || !isParagraph(el)) return false;
  const colon = text.search(/[:：]/);
  if (colon < 1 || countWordsIn(text.slice(0, colon)) > MAX_PROMO_LABEL_WORDS || countWordsIn(text) > MAX_PROMO_WORDS) return false;
  const links = descendantsWhere(el, isHrefLink);
  if (links.length !== 1 || links[0]!.getAttribute('href')!.startsWith('#')) return false;
  const linked = normalizedText(links[0]!);
  return countWordsIn(linked) >= MIN_HEADLINE_WORDS && text.slice(colon + 1).trim().replace(/[.!…]$/, '') === linked.replace(/[.!…]$/, '');
}
const MAX_PROMO_LABEL_WORDS = 3;
/** Label and headline together: a line, not a paragraph. */
const MAX_PROMO_WORDS = 30;
/** MAX_PROMO_WORDS words of headline and label fit in this many characters with room to spare. */
const MAX_PROMO_CHARS = 400;
const MIN_HEADLINE_WORDS = 3;
const isParagraph = tagIn('p', 'div');

/** "Read more: <a>Other headline</a>" as a paragraph of its own. */
function isInlinePromo(el: Element, text: string): boolean {
  if (!PROMO_START.test(text)) return false;
  const links = countDescendants(el, isHrefLink, 4);
  return links >= 1 && links <= 3 && countWordsIn(text) <= 40 && linkDensity(el) >= 0.5;
}
