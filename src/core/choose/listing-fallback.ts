// When a page has no article, its list of items may be what the reader came for (a section
// front, a topic page, a shop category): page-kind/listing.ts finds the list, and this builds the
// reader's content from it, a clean list with one item a line (title linked, then what the card
// says), which the pipeline sanitizes and derives text from like any article.
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

export interface ListingContent {
  /** The inert copy the list was found in (its head still holds the page's metadata). */
  copy: Document;
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
  return { copy, content: list, items: listing.items.length };
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
