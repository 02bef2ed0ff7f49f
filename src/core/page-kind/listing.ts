// Is this page a list of other pages (a section front, a topic or tag page, a blog index, a
// product category, search results), and if so, what are its items? Asked only when the page has
// no article: the reader then shows the list itself, one clean line per item (its title linked,
// a line of what the card says), and says it is a list, instead of "No article found" or a teaser
// passed off as an article.
//
// Recognised by structure alone: one container whose children repeat the same shape (tag and
// class names), at least MIN_ITEMS of them, each short and led by a link of a few words to
// another page. Navigation does not count: menus sit in nav/header/footer landmarks and their
// links are one or two words. Of several such groups, the one holding the most words wins (the
// main river, not a sidebar's "most read").
import { countWordsIn, normalizedText, wordCountExceeds } from '../dom';

const MIN_ITEMS = 4;
/** An item is a card, not a story: this many words at the most. */
const MAX_ITEM_WORDS = 150;
/** A card's title link: a headline or a product name, not "More" or "Home". */
const MIN_TITLE_WORDS = 2;
/** The items must share their container with little else. */
const MIN_GROUP_SHARE = 0.5;
/** A group this small in words is a menu or a tag cloud, not the page. */
const MIN_GROUP_WORDS = 40;
/** The summary shown under each title. */
const MAX_SUMMARY_WORDS = 40;
/** A link of this many words or fewer beside the title is a tag, a section or "Read more". */
const SHORT_LINK_WORDS = 3;
/** A word that is only a separator between a card's parts. */
const SEPARATOR = /^[·•|–—-]+$/u;
const CHROME = /^(?:nav|header|footer|aside|form|menu)$/;
const CHROME_ROLES = /^(?:navigation|banner|contentinfo|menu|menubar|complementary|search)$/;
const HIDDEN_IN_SUMMARY = 'script, style, noscript, template, button, select, svg, img, picture, video, audio, iframe';

export interface ListingItem {
  title: string;
  /** Absolute http(s) address of the item's page. */
  href: string;
  /** What else the card says (a summary, a price, a date), on one line; may be empty. */
  summary: string;
}

export interface Listing {
  container: Element;
  items: ListingItem[];
}

/** The page's main list of items, or null when it has none. */
export function findListing(body: Element, base: string): Listing | null {
  // Parsed once: every card's links are resolved against it and compared with it.
  const here = new URL(base);
  let best: { container: Element; cards: Card[]; words: number } | null = null;
  const stack: Element[] = [body];
  while (stack.length) {
    const el = stack.pop()!;
    if (el !== body && isChrome(el)) continue;
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
    if (el.childElementCount < MIN_ITEMS) continue;
    const group = largestSameShapeGroup(el);
    if (group.length < MIN_ITEMS || group.length < el.childElementCount * MIN_GROUP_SHARE) continue;
    const cards: Card[] = [];
    let words = 0;
    for (const member of group) {
      const card = cardOf(member, here);
      if (!card) continue;
      cards.push(card);
      words += card.words;
    }
    if (cards.length < MIN_ITEMS || cards.length < group.length * MIN_GROUP_SHARE || words < MIN_GROUP_WORDS) continue;
    if (!best || words > best.words) best = { container: el, cards, words };
  }
  // Summaries (a clone of each card) only for the list that won.
  return best ? { container: best.container, items: best.cards.map((c) => ({ title: c.title, href: c.href, summary: summaryOf(c.member, c.title) })) } : null;
}

function isChrome(el: Element): boolean {
  return CHROME.test(el.localName) || CHROME_ROLES.test(el.getAttribute('role') ?? '');
}

/** The children of `el` that share the most common shape (tag and class names). */
function largestSameShapeGroup(el: Element): Element[] {
  const groups = new Map<string, Element[]>();
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (c.localName === 'script' || c.localName === 'style' || c.localName === 'template') continue;
    const key = shapeOf(c);
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  let largest: Element[] = [];
  for (const list of groups.values()) if (list.length > largest.length) largest = list;
  return largest;
}

/** Class names that mark one sibling among alike ones: numbered, state, or a BEM modifier (`card--first`). */
const SIBLING_MARK = /\d|^(?:is|has)-|--|(?:^|[-_])(?:first|last|odd|even|active|selected|featured|current|hero|large|small|wide)$/i;

/**
 * Tag and class names, without the ones that tell siblings apart (`item-3`, `is-active`, `first`):
 * a card grid marks its first, last or featured card, and those are items all the same.
 */
function shapeOf(el: Element): string {
  const classes = (el.getAttribute('class') ?? '')
    .split(/\s+/)
    .filter((c) => c && !SIBLING_MARK.test(c))
    .sort();
  return `${el.localName}.${classes.join('.')}`;
}

/** One item while groups compete: its element, title link and size. */
interface Card {
  member: Element;
  title: string;
  href: string;
  words: number;
}

/** The card's title link and address, or null when it is not a short card leading elsewhere. */
function cardOf(member: Element, here: URL): Card | null {
  // Early exit first: a wrapper holding a whole story is never read through.
  if (wordCountExceeds(member, MAX_ITEM_WORDS)) return null;
  const words = countWordsIn(normalizedText(member));
  if (words === 0) return null;
  const link = titleLink(member, here);
  return link ? { member, title: link.title, href: link.href, words } : null;
}

/**
 * The link with the longest text that leads to another page (of any site: shops link out too).
 * A linked picture's description names the item only when no link has words of its own: beside a
 * headline, an image's alt is a description of the photo, not the title.
 */
function titleLink(member: Element, here: URL): { title: string; href: string } | null {
  let best: { title: string; href: string; words: number } | null = null;
  let pictured: { title: string; href: string } | null = null;
  const links = member.localName === 'a' ? [member] : Array.from(member.getElementsByTagName('a'));
  for (const a of links) {
    const href = linkTarget(a, here);
    // A link back to this very page (same origin, path and query) leads nowhere new.
    if (!href || (href.origin === here.origin && href.pathname === here.pathname && href.search === here.search)) continue;
    const title = normalizedText(a) || (a.getAttribute('title') ?? '').trim();
    const words = countWordsIn(title);
    if (words >= MIN_TITLE_WORDS && (!best || words > best.words)) best = { title, href: href.href, words };
    if (!title && !pictured) {
      const alt = (a.getElementsByTagName('img')[0]?.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim();
      if (countWordsIn(alt) >= MIN_TITLE_WORDS) pictured = { title: alt, href: href.href };
    }
  }
  return best ? { title: best.title, href: best.href } : pictured;
}

/** An http(s) address a link leads to, or null (fragments, scripts, mail, unparsable). */
function linkTarget(a: Element, base: URL): URL | null {
  const raw = a.getAttribute('href');
  if (!raw || raw.startsWith('#')) return null;
  try {
    const href = new URL(raw, base);
    return /^https?:$/.test(href.protocol) ? href : null;
  } catch {
    return null;
  }
}

/** What the card says besides its title, on one line and cut to MAX_SUMMARY_WORDS. */
function summaryOf(member: Element, title: string): string {
  const copy = member.cloneNode(true) as Element;
  for (const el of Array.from(copy.querySelectorAll(HIDDEN_IN_SUMMARY))) el.remove();
  // Short links beside the title are the card's tags, section and author links, not its summary.
  // The title's own link (and its image twin, gone with the images) is the line above the summary.
  for (const a of Array.from(copy.getElementsByTagName('a'))) {
    const words = normalizedText(a);
    if (words === title || countWordsIn(words) <= SHORT_LINK_WORDS) a.remove();
  }
  // Text node by text node: a card's blocks sit side by side in the markup with no space between.
  let text = textNodesJoined(copy);
  // The name written again beside a picture link that carried it.
  if (text.startsWith(title)) text = text.slice(title.length).trim();
  const words = withoutDanglingSeparators(text.split(' ').filter(Boolean));
  return words.length > MAX_SUMMARY_WORDS ? `${words.slice(0, MAX_SUMMARY_WORDS).join(' ')}…` : words.join(' ');
}

/**
 * The separators the removed links stood between ("Author · date · tag") would dangle: none at
 * either end, never two in a row. Word by word, not by a pattern anchored at the end (which
 * backtracks quadratically on a long run of them).
 */
function withoutDanglingSeparators(words: string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    const separator = SEPARATOR.test(w);
    if (separator && (out.length === 0 || SEPARATOR.test(out[out.length - 1]!))) continue;
    out.push(w);
  }
  while (out.length && SEPARATOR.test(out[out.length - 1]!)) out.pop();
  return out;
}

function textNodesJoined(root: Element): string {
  const parts: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push(n.nodeValue ?? '');
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
