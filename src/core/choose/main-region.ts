// A page made of sections (a service's features, how it works, pricing; a product's description
// and specifications) loses most of itself to Readability, which keeps the one section with the
// most paragraphs and leaves its siblings, each a heading and a few short lines, behind. Such
// pages say where their content is: the one <main> (or role="main"), which holds the page's own
// content and leaves the site's header, menus and footer outside. When Readability's pick is a
// small part of that region and the region is text rather than links, the reader gets the region.
// Not on a page that declares itself an article (page-kind/declared-article.ts) or gives a date of
// publication: there the story is what Readability picked, and <main> often holds teasers, a
// newsletter box and comments around it. A service or product page is not dated.
import { countWordsIn, linkDensity, normalizedText } from '../dom';

/**
 * Readability's pick holding less than this share of the region's words is a piece of it.
 * Measured on the public corpora: between a half and two thirds, the rest of the region was as
 * often a story's teasers and boxes as a service page's other sections.
 */
const MAX_PICK_SHARE = 0.5;
/** A region with more of its text in links than this is a list of links, not a page of sections. */
const MAX_LINK_DENSITY = 0.35;
/**
 * A region whose headings are mostly links, this share of them and at least MIN_TEASERS, is a
 * story among teasers (each card a linked headline), not a page of sections, whose headings
 * name what follows them.
 */
const MAX_LINKED_HEADINGS = 0.5;
const MIN_TEASERS = 3;
/** The pick is found in the region by the start of its text. */
const LEAD_CHARS = 80;

/** The page's one outermost main region, or null when it has none or several. */
export function mainRegionOf(doc: Document): Element | null {
  const found = Array.from(doc.querySelectorAll('main, [role="main"]'));
  const outermost = found.filter((el) => !found.some((other) => other !== el && other.contains(el)));
  return outermost.length === 1 ? outermost[0]! : null;
}

/** Whether the reader should get `region` (a copy of the main region) instead of `pick`. */
export function regionHoldsMore(region: Element, pick: Element): boolean {
  // Script and style text is no reader's text (the sanitizer drops it too), but it is the
  // region's textContent, and a page builder's inline JSON outweighs many a section.
  for (const el of Array.from(region.querySelectorAll('script, style, template, noscript'))) el.remove();
  const regionText = normalizedText(region);
  const pickText = normalizedText(pick);
  if (!regionText.includes(pickText.slice(0, LEAD_CHARS))) return false; // the pick is elsewhere on the page
  if (countWordsIn(pickText) >= MAX_PICK_SHARE * countWordsIn(regionText)) return false;
  if (linkDensity(region) > MAX_LINK_DENSITY) return false;
  const headings = Array.from(region.querySelectorAll('h1, h2, h3, h4, h5, h6'));
  const linked = headings.filter(isLinkedHeading).length;
  return linked < MIN_TEASERS || linked < MAX_LINKED_HEADINGS * headings.length;
}

/** A heading whose text is (nearly) all one link or inside one: a teaser's headline. */
function isLinkedHeading(heading: Element): boolean {
  if (!normalizedText(heading)) return false;
  return heading.closest('a') !== null || linkDensity(heading) >= 0.8;
}
