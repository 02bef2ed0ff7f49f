// Readability's article or the prose candidate: which one the reader gets. Readability's choice
// stands unless it found nothing, or the prose candidate holds several times its prose: what a
// wrong or partial pick looks like (a form's messages, a paywall notice while the story is on the
// page, the intro of a roundup whose items sit in wrappers of their own, one post of a thread).
// Measured on the public corpora: at 1.4 times, author boxes, newsletter pitches and comment
// threads around a complete story outweighed what was found; at three times and a few paragraphs
// more, the gains win. The common page, where the two agree, pays one walk of Readability's output.
import type { ProseCandidate } from './prose-candidate';
import { textBlocks } from './text-blocks';
import { closestWhere } from '../dom';

/** Only a far larger body of prose overrules Readability: this many times its own... */
const MIN_RATIO = 3;
/** ...and this much more in absolute weight (a few paragraphs), so short pages never flip... */
const MIN_GAIN = 1200;
/**
 * ...and only when Readability's pick is short. A pick with this much prose (some 250 words) is
 * a story; a block several times longer beside it was, on the corpora, a comment thread that
 * no rule recognised far more often than a better article.
 */
const MAX_OVERRULED_PROSE = 1500;

/** A candidate with more of its text in links than this is navigation around the content. */
const MAX_CANDIDATE_LINK_SHARE = 0.4;

export type ContentSource = 'readability' | 'prose-candidate';

export interface ChosenContent {
  source: ContentSource;
  /** Why the candidate replaced Readability's choice, for `--explain`. */
  why: string | null;
}

export function chooseContent(readability: Element | null, candidate: ProseCandidate | null, discussion: () => boolean): ChosenContent | null {
  const keep = readability ? { source: 'readability' as const, why: null } : null;
  if (!candidate) return keep;
  if (!readability) {
    return { source: 'prose-candidate', why: 'Readability found no article; the block with the most prose did' };
  }
  const prose = proseWeight(readability);
  if (candidate.prose < prose * MIN_RATIO || candidate.prose - prose < MIN_GAIN) return keep;
  // On a discussion page the larger block is the rest of the thread, however long the first post.
  if (prose >= MAX_OVERRULED_PROSE && !discussion()) return keep;
  if (!isContainer(candidate) || inComplementary(candidate.el)) return keep;
  return { source: 'prose-candidate', why: `Readability's pick held ${Math.round(prose)} prose, another block ${Math.round(candidate.prose)}` };
}

/**
 * A block the page marks as a side box (`<aside>`, role=complementary) is beside the content by
 * the page's own word: a long sidebar widget (a party's whole programme, an author's bio) is not
 * a better article than the one Readability found.
 */
function inComplementary(el: Element): boolean {
  return closestWhere(el, (a) => a.localName === 'aside' || a.getAttribute('role')?.trim().toLowerCase() === 'complementary') !== null;
}

/** Prose weight of an element's text blocks (text-blocks.ts). */
export function proseWeight(el: Element): number {
  let sum = 0;
  for (const b of textBlocks(el)) if (b.kind === 'prose') sum += b.weight - b.linkWeight;
  return sum;
}

/**
 * A walk that never left the <body> found no container, only prose spread over the whole page (a
 * services page's sections, its mega-menu's blurbs): that is the page, not a better article. Nor
 * is a block whose text is mostly links: the page frame with its menus around the content.
 */
function isContainer(candidate: ProseCandidate): boolean {
  return candidate.el.localName !== 'body' && candidate.linkShare <= MAX_CANDIDATE_LINK_SHARE;
}
