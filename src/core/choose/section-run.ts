// A page built of sections with no <main> to say where they are: a service's "what we do", "how
// it works", "pricing", each a `div.container` or `section.block` of its own, one after another.
// Readability keeps the one with most paragraphs, as on a page with a main region
// (main-region.ts), and the reader shows a fifth of the page. The sections say they belong
// together by their shape: siblings of one kind (the same tag and the same first class name, the
// name a page builder gives every section it lays out), each with text of its own. When
// Readability's pick lies in such a run of siblings, the run is the region main-region.ts judges:
// the reader gets it when the pick is under half of it, it is text rather than links, and its
// headings are not teaser headlines.
//
// The run is found after Readability, from where its pick came from in a copy of the cleaned
// body taken before, so that the copy is made only on pages where it can be used: undated pages
// that declare no article and have neither a main region (those are main-region.ts's) nor an
// <article> element (where the page says its content is, and Readability finds it).
import { countWordsIn, normalizedText, wordCountExceeds } from '../dom';

/** Fewer sections than this in a row are a layout's columns, not a page of sections. */
const MIN_SECTIONS = 3;
/** A section of the run says something: a heading and a line at least. */
const MIN_SECTION_WORDS = 8;
/** How far above the pick's first line the run's sections may be. */
const MAX_LEVELS = 8;
/** The pick is found in the copy by the start of its first line. */
const LEAD_CHARS = 40;

/** Does the page give a date of publication where Readability reads one (the `<head>`'s meta)? */
export function declaresDate(doc: Document): boolean {
  for (const meta of Array.from(doc.getElementsByTagName('meta'))) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? '').trim().toLowerCase();
    if ((key === 'article:published_time' || key === 'parsely-pub-date') && (meta.getAttribute('content') ?? '').trim()) return true;
  }
  return false;
}

/**
 * The run of like sections around where `pick` came from in `body` (a copy the reader may take),
 * gathered into one element in page order; null when the pick is not found there or sits in no
 * run of at least MIN_SECTIONS sections with more words than twice the pick's.
 */
export function sectionRunAround(body: Element, pick: Element): Element | null {
  const origin = originOf(body, pick);
  if (!origin) return null;
  const pickWords = countWordsIn(normalizedText(pick));
  let level = 0;
  for (let at: Element | null = origin; at && at !== body && level < MAX_LEVELS; at = at.parentElement, level++) {
    const run = runOf(at);
    if (run.length < MIN_SECTIONS) continue;
    const words = run.reduce((sum, el) => sum + countWordsIn(normalizedText(el)), 0);
    if (words <= 2 * pickWords) continue;
    const holder = body.ownerDocument.createElement('div');
    for (const el of run) holder.append(el);
    return holder;
  }
  return null;
}

/** The element in `body` that holds the first line of `pick`'s text. */
function originOf(body: Element, pick: Element): Element | null {
  const lead = firstLine(pick);
  if (!lead) return null;
  const walker = body.ownerDocument.createTreeWalker(body, 0x4); // text
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (collapse(node.nodeValue ?? '').includes(lead)) return node.parentElement;
  }
  return null;
}

function firstLine(el: Element): string | null {
  const walker = el.ownerDocument.createTreeWalker(el, 0x4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = collapse(node.nodeValue ?? '');
    if (text.length >= 12) return text.slice(0, LEAD_CHARS);
  }
  return null;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * `el` and its siblings of the same kind on both sides, those with text of their own; siblings
 * without text (a <br>, an <hr>, an empty spacer) do not break the run, anything else with text does.
 */
function runOf(el: Element): Element[] {
  const kind = kindOf(el);
  if (kind === null) return [];
  const run: Element[] = [el];
  for (const step of ['previousElementSibling', 'nextElementSibling'] as const) {
    for (let sib = el[step]; sib; sib = sib[step]) {
      // Early-exit counts: a sibling may be most of the page, and only "any words?" and "enough?" are asked.
      if (kindOf(sib) !== kind) {
        if (!wordCountExceeds(sib, 0)) continue;
        break;
      }
      if (wordCountExceeds(sib, MIN_SECTION_WORDS - 1)) step === 'previousElementSibling' ? run.unshift(sib) : run.push(sib);
    }
  }
  return wordCountExceeds(el, MIN_SECTION_WORDS - 1) ? run : [];
}

/**
 * A section's kind: its tag and first class name, as a page builder names every section alike.
 * A <div> without a class has no kind: an old theme's #header, #content, #sidebar and #footer are
 * such divs side by side, and they are a page's layout, not its sections. A <section> is one by its tag.
 */
function kindOf(el: Element): string | null {
  const first = (el.getAttribute('class') ?? '').trim().split(/\s+/)[0] ?? '';
  if (!first && el.localName !== 'section') return null;
  return `${el.localName}.${first}`;
}
