// When a page has no article, its list of items may be what the reader came for (a section
// front, a topic page, a shop category): page-kind/listing.ts finds the list, and this builds the
// reader's content from it, a clean list with one item a line (title linked, then what the card
// says), which the pipeline sanitizes and derives text from like any article.
// It also stands in for a pick that is only a fragment of such a list: on a list page with no
// article, Readability sometimes settles on one or two cards (a short pick whose words are the
// list's own); a short article that merely has a list of links beside it keeps its article.
// The clean rules had removed the cards as teasers (rightly, beside a story), and Readability has
// taken the copy apart, so the list is looked for in a fresh inert copy where only the rules for
// text no reader sees have run: this costs a second copy, paid only by pages with no article.
import { createCleanContext } from '../clean/index';
import { hidden } from '../clean/hidden';
import { visuallyHidden } from '../clean/visually-hidden';
import { svgIcons } from '../clean/svg-icons';
import { iconFonts } from '../clean/icon-fonts';
import { makeInertCopy } from '../inert-copy';
import { findListing, type ListingItem } from '../page-kind/listing';
import { baseUrlOf } from '../metadata';
import { rememberWindow } from '../sanitize';

/** The rules whose removals are right on any page: text that nobody sees, icon names. */
const INVISIBLE_TEXT_RULES = [hidden, visuallyHidden, svgIcons, iconFonts];

/** A pick shorter than this may be a fragment of the page's list... */
export const SHORT_PICK_WORDS = 150;
/** ...when the list holds at least this many times its words... */
const LIST_OVER_PICK = 2;
/** ...and this share of the pick's distinct words are the list's too. */
const SHARED_WORDS = 0.5;

export interface ListingContent {
  /** The inert copy the list was found in (its head still holds the page's metadata). */
  copy: Document;
  /** The copy's base for links (honouring its <base>), which the items were resolved against. */
  base: string;
  /** A `<ul>` in `copy`, one `<li>` an item. */
  content: Element;
  items: number;
}

export function listingContent(doc: Document, url: string, view: Window, useLayout: boolean): ListingContent | null {
  const { doc: copy, layoutHidden } = makeInertCopy(doc, useLayout, null);
  rememberWindow(copy, view);
  if (!copy.body) return null;
  const base = baseUrlOf(copy, url);
  const ctx = createCleanContext(copy, base, layoutHidden, [], { guard: false });
  for (const rule of INVISIBLE_TEXT_RULES) rule.run(ctx);
  const listing = findListing(copy.body, base);
  if (!listing) return null;
  const list = copy.createElement('ul');
  for (const item of listing.items) list.append(itemElement(copy, item));
  return { copy, base, content: list, items: listing.items.length };
}

function itemElement(doc: Document, item: ListingItem): Element {
  const li = doc.createElement('li');
  const a = doc.createElement('a');
  a.setAttribute('href', item.href);
  a.textContent = item.title;
  const title = doc.createElement('p');
  title.append(a);
  li.append(title);
  if (item.summary) {
    const summary = doc.createElement('p');
    summary.textContent = item.summary;
    li.append(summary);
  }
  return li;
}

/** Whether `pick` (a short extraction) is a part of `list` (the page's list of links) rather than an article beside it. */
export function isFragmentOfList(pick: { text: string; wordCount: number }, list: { text: string; wordCount: number }): boolean {
  if (list.wordCount < LIST_OVER_PICK * pick.wordCount) return false;
  const mine = distinctWords(pick.text);
  if (mine.size === 0) return true;
  const theirs = distinctWords(list.text);
  let shared = 0;
  for (const w of mine) if (theirs.has(w)) shared++;
  return shared / mine.size >= SHARED_WORDS;
}

/** Lower-cased words of three letters or more: the words that say what a text is about. */
function distinctWords(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2));
}
