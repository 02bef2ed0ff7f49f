// What read aloud reads: the article's blocks in reading order (paragraphs, headings, list items,
// captions, quotes, table cells, definitions), each cut into sentences, and the marking of the
// sentence being spoken in place. The mark is spans around the sentence's text in the reader's
// own copy of the article, never the CSS Custom Highlight API: its registry belongs to the page's
// document, so a page script could read the Range from it and reach into the closed shadow root. Each block reads its own text, not
// that of blocks inside it (a <li> holding <p>s is read as those paragraphs, a list item's own
// words before its sub-list), code is skipped (read aloud it is noise), and a block with no
// words is left out.

export interface Sentence {
  text: string;
  /** Where it is in the block's own text (ownTexts joined). */
  start: number;
  end: number;
}

export interface SpokenBlock {
  element: HTMLElement;
  sentences: Sentence[];
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, dt, dd, blockquote, figcaption, td, th, caption';
const SKIP = 'pre, code, script, style, [aria-hidden="true"], [hidden]';

/** Sentence cuts: Intl.Segmenter where the browser has it (every current one), else at .!? and the CJK stops. */
function sentenceSpans(text: string, lang: string | null): [number, number][] {
  const spans: [number, number][] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (/[\p{L}\p{N}]/u.test(text.slice(start, end))) spans.push([start, end]);
  };
  const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  if (Segmenter) {
    let locale: string | undefined;
    try {
      locale = lang ? Intl.getCanonicalLocales(lang)[0] : undefined;
    } catch {
      locale = undefined; // a tag the page wrote wrongly: the default segmentation
    }
    for (const s of new Segmenter(locale, { granularity: 'sentence' }).segment(text)) push(s.index, s.index + s.segment.length);
    return spans;
  }
  const re = /[^.!?。！？]+(?:[.!?。！？]+|$)/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) push(m.index, m.index + m[0].length);
  return spans;
}

const MARK_CLASS = 'rw-spoken';

/**
 * Marks characters `start` to `end` of `block`'s own text: each text node's share of them is
 * wrapped in a span (a sentence can cross a link or emphasis). Returns the unmarking, which puts
 * the text back as it was (adjacent text nodes merged, the block's own text unchanged).
 */
export function markSentence(block: HTMLElement, sentence: Sentence): () => void {
  const doc = block.ownerDocument;
  const spans: HTMLElement[] = [];
  let offset = 0;
  for (const node of ownTexts(block)) {
    const length = node.data.length; // before any split below
    const from = Math.max(sentence.start, offset) - offset;
    const to = Math.min(sentence.end, offset + length) - offset;
    if (from < to) {
      const piece = from > 0 ? node.splitText(from) : node;
      if (to - from < piece.data.length) piece.splitText(to - from);
      const span = doc.createElement('span');
      span.className = MARK_CLASS;
      piece.replaceWith(span);
      span.append(piece);
      spans.push(span);
    }
    offset += length;
  }
  return () => {
    const parents = new Set<Node>();
    for (const span of spans) {
      const parent = span.parentNode;
      if (!parent) continue;
      span.replaceWith(...span.childNodes);
      parents.add(parent);
    }
    for (const parent of parents) parent.normalize();
  };
}

/** The text nodes `block` reads itself: not inside a nested block (read on its own) or skipped code. */
function ownTexts(block: HTMLElement): Text[] {
  const walker = block.ownerDocument.createTreeWalker(block, 4 /* SHOW_TEXT */);
  const texts: Text[] = [];
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const parent = node.parentElement;
    if (!parent || parent.closest(BLOCKS) !== block) continue;
    const skipped = parent.closest(SKIP);
    if (skipped && block.contains(skipped)) continue;
    texts.push(node);
  }
  return texts;
}

/** The blocks of `content` to read, in document order, with their sentences. */
export function spokenBlocks(content: HTMLElement, lang: string | null): SpokenBlock[] {
  const blocks: SpokenBlock[] = [];
  for (const element of content.querySelectorAll<HTMLElement>(BLOCKS)) {
    if (element.closest(SKIP)) continue;
    const texts = ownTexts(element);
    const text = texts.map((t) => t.data).join('');
    const sentences = sentenceSpans(text, lang).map(([start, end]) => ({ text: text.slice(start, end).replace(/\s+/g, ' '), start, end }));
    if (sentences.length) blocks.push({ element, sentences });
  }
  return blocks;
}
