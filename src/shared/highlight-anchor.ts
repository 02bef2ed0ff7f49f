// Highlights in a saved article, kept as what was highlighted rather than where it was: the quoted
// text, a little of the text each side, and its offset then (the W3C Web Annotation model's
// TextQuoteSelector with a TextPositionSelector as a hint). An article is rendered afresh each
// time it is opened, and not always the same way: a new version of the cleaner, an image that
// failed to load and became a line of alt text, different whitespace. A path through the DOM
// ("third <p>, second text node, offset 14") breaks on any of those; the words themselves are
// still there, and their context tells two copies of the same words apart. The stored offset only
// breaks ties between occurrences whose context matches equally well.
//
// Everything is measured on the root's text content: its Text nodes joined in document order,
// offsets counted in UTF-16 units as Ranges count them. Nothing here recurses over the tree (a
// page may nest thousands of elements deep), matches with a pattern built from page text, or
// looks at more than MAX_OCCURRENCES places.

/** Where a highlight is in an article's text: the quoted words, a little context each side, and where they were. */
export interface TextAnchor {
  /** The highlighted text exactly as selected (the text content of the range). */
  quote: string;
  /** Up to 32 characters of text just before the quote, and just after. */
  prefix: string;
  suffix: string;
  /** Offset of the quote's start in the root's text content when it was made: a tie-breaker only. */
  start: number;
}

const CONTEXT_CHARS = 32;
/** A quote this common (a single short word) is looked for in its first this-many places only. */
const MAX_OCCURRENCES = 1000;
const TEXT_NODE = 3;
const PROCESSING_INSTRUCTION_NODE = 7;
const COMMENT_NODE = 8;

/** A root's text content and the Text nodes it is made of, with where each starts in it. */
interface TextMap {
  text: string;
  nodes: Text[];
  starts: number[];
}

function textMap(root: Node): TextMap {
  const nodes: Text[] = [];
  if (root.nodeType === TEXT_NODE) nodes.push(root as Text);
  else {
    const walker = docOf(root).createTreeWalker(root, 4 /* SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  }
  const starts: number[] = [];
  const parts: string[] = [];
  let at = 0;
  for (const node of nodes) {
    starts.push(at);
    parts.push(node.data);
    at += node.data.length;
  }
  return { text: parts.join(''), nodes, starts };
}

const docOf = (node: Node): Document => node.ownerDocument ?? (node as Document);

/**
 * The text offset of the boundary point (container, offset), or -1 for a Text node that is not
 * one of `map`'s (outside its root). A point in an element is between its children:
 * its offset is where the first text at or after that child starts. A point inside a comment is
 * taken as just before it (a comment holds no text content).
 */
function offsetOf(map: TextMap, root: Node, container: Node, offset: number): number {
  if (container.nodeType === TEXT_NODE) {
    const i = map.nodes.indexOf(container as Text);
    return i < 0 ? -1 : map.starts[i]! + Math.min(offset, (container as Text).data.length);
  }
  const inData = container.nodeType === COMMENT_NODE || container.nodeType === PROCESSING_INSTRUCTION_NODE;
  let next: Node | null = inData ? container : (container.childNodes[offset] ?? null);
  if (!next) {
    // Past the container's last child: the first node after its whole subtree, inside root.
    let up: Node | null = container;
    while (up && up !== root && !up.nextSibling) up = up.parentNode;
    next = up && up !== root ? up.nextSibling : null;
  }
  if (!next) return map.text.length;
  let text: Node | null = next;
  if (next.nodeType !== TEXT_NODE) {
    const walker = docOf(root).createTreeWalker(root, 4 /* SHOW_TEXT */);
    walker.currentNode = next;
    text = walker.nextNode();
  }
  const i = text ? map.nodes.indexOf(text as Text) : -1;
  return i < 0 ? map.text.length : map.starts[i]!;
}

/** The index of the Text node holding character `at` (the last node starting at or before it, so never an empty one). */
function nodeAt(map: TextMap, at: number): number {
  let lo = 0;
  let hi = map.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map.starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The Range over characters `from` to `to` (from < to) of the map's text. */
function rangeOver(map: TextMap, root: Node, from: number, to: number): Range {
  const range = docOf(root).createRange();
  const first = nodeAt(map, from);
  const last = nodeAt(map, to - 1);
  range.setStart(map.nodes[first]!, from - map.starts[first]!);
  range.setEnd(map.nodes[last]!, to - map.starts[last]!);
  return range;
}

/** The anchor of `range` inside `root`, or null when the range is empty/whitespace-only or not inside root. */
export function anchorOf(root: Node, range: Range): TextAnchor | null {
  if (range.collapsed || !root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const map = textMap(root);
  let start = offsetOf(map, root, range.startContainer, range.startOffset);
  let end = offsetOf(map, root, range.endContainer, range.endOffset);
  if (start < 0 || end <= start) return null;
  const selected = map.text.slice(start, end);
  const quote = selected.trim();
  if (!quote) return null;
  start += selected.length - selected.trimStart().length;
  end = start + quote.length;
  return {
    quote,
    prefix: map.text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: map.text.slice(end, end + CONTEXT_CHARS),
    start,
  };
}

/** The range `anchor` names in `root` now, or null when its quote is no longer there. */
export function locate(root: Node, anchor: TextAnchor): Range | null {
  const quote = typeof anchor.quote === 'string' ? anchor.quote : '';
  if (!quote.trim()) return null;
  const prefix = typeof anchor.prefix === 'string' ? anchor.prefix : '';
  const suffix = typeof anchor.suffix === 'string' ? anchor.suffix : '';
  const near = Number.isFinite(anchor.start) ? anchor.start : 0;
  const map = textMap(root);

  const exact = bestOccurrence(map.text, quote, prefix, suffix, (at) => Math.abs(at - near));
  if (exact >= 0) return rangeOver(map, root, exact, exact + quote.length);

  // Rendered with other whitespace (a newline and an indent where a space was, or the reverse):
  // match with every run of whitespace as one space, then map the match back to real offsets.
  const { text, real } = collapsed(map.text, true);
  const q = collapsed(quote, false).text.trim();
  const found = bestOccurrence(text, q, collapsed(prefix, false).text, collapsed(suffix, false).text, (at) => Math.abs(real[at]! - near));
  if (found < 0) return null;
  return rangeOver(map, root, real[found]!, real[found + q.length - 1]! + 1);
}

/**
 * Where in `text` the quote is, judged by its context: the occurrence whose prefix and suffix
 * agree with the text around it for the most characters (read outward from the quote), the
 * nearest to where it was among equals. -1 when the quote does not occur.
 */
function bestOccurrence(text: string, quote: string, prefix: string, suffix: string, distance: (at: number) => number): number {
  let best = -1;
  let bestScore = -1;
  let bestDistance = Infinity;
  let seen = 0;
  for (let at = text.indexOf(quote); at >= 0 && seen < MAX_OCCURRENCES; at = text.indexOf(quote, at + 1), seen++) {
    const score = agreeBefore(text, at, prefix) + agreeAfter(text, at + quote.length, suffix);
    const d = distance(at);
    if (score > bestScore || (score === bestScore && d < bestDistance)) {
      best = at;
      bestScore = score;
      bestDistance = d;
    }
  }
  return best;
}

/** How many characters of `prefix`, from its end, the text just before `at` repeats. */
function agreeBefore(text: string, at: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && n < at && text.charCodeAt(at - 1 - n) === prefix.charCodeAt(prefix.length - 1 - n)) n++;
  return n;
}

/** How many characters of `suffix`, from its start, the text from `at` on repeats. */
function agreeAfter(text: string, at: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && at + n < text.length && text.charCodeAt(at + n) === suffix.charCodeAt(n)) n++;
  return n;
}

/**
 * `text` with each run of whitespace as one space, and (when `mapped`) for each of its characters
 * the offset in `text` it came from: a run's space maps to the run's first character.
 */
function collapsed(text: string, mapped: boolean): { text: string; real: Int32Array } {
  const real = new Int32Array(mapped ? text.length : 0);
  const parts: string[] = [];
  let j = 0;
  let run = 0; // where the current run of non-space characters started
  for (let i = 0; i < text.length; i++) {
    if (!isSpace(text.charCodeAt(i))) {
      if (mapped) real[j] = i;
      j++;
      continue;
    }
    parts.push(text.slice(run, i));
    if (i === 0 || !isSpace(text.charCodeAt(i - 1))) {
      parts.push(' ');
      if (mapped) real[j] = i;
      j++;
    }
    run = i + 1;
  }
  parts.push(text.slice(run));
  return { text: parts.join(''), real };
}

/** The characters String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator). */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Wraps the text of `range` in <mark> elements (one per text node it covers, whitespace-only text nodes skipped),
 * each made by `make()` (so the caller sets class / data attributes). Returns the marks in document order.
 * Does not change the text content of root.
 */
export function wrapRange(range: Range, make: () => HTMLElement): HTMLElement[] {
  if (range.collapsed) return [];
  const root = range.commonAncestorContainer;
  const map = textMap(root);
  const start = offsetOf(map, root, range.startContainer, range.startOffset);
  const end = offsetOf(map, root, range.endContainer, range.endOffset);
  const marks: HTMLElement[] = [];
  if (start < 0 || end <= start) return marks;
  // Each node is split only where the range cuts it; the pieces split off come after it and are
  // not in the list, so the offsets taken before any change stay right.
  for (let i = nodeAt(map, start); i < map.nodes.length && map.starts[i]! < end; i++) {
    const node = map.nodes[i]!;
    const from = Math.max(start, map.starts[i]!) - map.starts[i]!;
    const to = Math.min(end, map.starts[i]! + node.data.length) - map.starts[i]!;
    if (from >= to || !node.parentNode || !node.data.slice(from, to).trim()) continue;
    const piece = from > 0 ? node.splitText(from) : node;
    if (to - from < piece.data.length) piece.splitText(to - from);
    const mark = make();
    piece.parentNode!.insertBefore(mark, piece);
    mark.append(piece);
    marks.push(mark);
  }
  return marks;
}

/** Undoes wrapRange for these marks: their text goes back in place (adjacent text nodes normalized). */
export function unwrap(marks: readonly HTMLElement[]): void {
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    const before = mark.previousSibling;
    const stop = mark.nextSibling?.nextSibling ?? null;
    mark.replaceWith(...mark.childNodes);
    // Only the text nodes around where the mark was are joined, not the parent's whole subtree
    // (Node.normalize would walk all of it, and other highlights' marks with it).
    let node = before ?? parent.firstChild;
    while (node && node !== stop) {
      const next: ChildNode | null = node.nextSibling;
      if (node.nodeType === TEXT_NODE && next && next !== stop && next.nodeType === TEXT_NODE) {
        (node as Text).appendData((next as Text).data);
        next.remove();
      } else node = next;
    }
  }
}
