// When the prose candidate overrules Readability, Readability's short pick is often the piece the
// candidate walked past: a thread's first post (the question) above the container of replies, an
// article's standfirst above its body wrapper. The candidate descends into whichever child holds
// most of the prose, so a leading block worth a few percent is left behind. If an ancestor close
// above the candidate holds the pick before the candidate and little else, the reader gets that
// ancestor: both answers, in page order, and nothing more. A pick after the candidate (an author
// box, a comment) is left out, as the candidate meant.
import { normalizedText } from '../dom';
import { textBlocks } from './text-blocks';

/** How far above the candidate the common ancestor may be. */
export const MAX_LEVELS = 3;
/** What the ancestor may hold beyond the two, in text weight: a post's header, a few short lines. */
const SLACK = 400;
/** The pick is recognised by the start of its first prose block. */
const LEAD_CHARS = 100;

export function widenToPick(candidate: Element, pick: Element): Element {
  const pickBlocks = textBlocks(pick);
  const first = pickBlocks.find((b) => b.kind === 'prose');
  if (!first) return candidate;
  const lead = normalizedText(first.el).slice(0, LEAD_CHARS);
  const pickWeight = pickBlocks.reduce((sum, b) => sum + b.weight, 0);
  const candidateWeight = textWeightOf(candidate);
  let at: Element = candidate;
  for (let level = 0; level < MAX_LEVELS && at.parentElement && at.parentElement.localName !== 'body'; level++) {
    at = at.parentElement;
    const blocks = textBlocks(at);
    const match = blocks.find((b) => b.kind === 'prose' && normalizedText(b.el).startsWith(lead));
    if (!match) continue;
    if (candidate.contains(match.el)) return candidate;
    const before = (candidate.compareDocumentPosition(match.el) & 2) !== 0; // DOCUMENT_POSITION_PRECEDING
    const weight = blocks.reduce((sum, b) => sum + b.weight, 0);
    return before && weight <= candidateWeight + pickWeight + SLACK ? at : candidate;
  }
  return candidate;
}

function textWeightOf(el: Element): number {
  return textBlocks(el).reduce((sum, b) => sum + b.weight, 0);
}
