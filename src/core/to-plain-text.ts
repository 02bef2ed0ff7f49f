// Plain text of a sanitized article: paragraphs separated by one blank line, headings and list
// items on their own lines, table cells separated by tabs, code kept verbatim. SVG and media carry
// no prose and are skipped. The walk is iterative, so no article is too deep for it.

const BLOCKS = new Set(['address', 'article', 'aside', 'blockquote', 'details', 'dd', 'div', 'dl', 'dt', 'figcaption',
  'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'main', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'ul', 'caption']);
// <rt>/<rp> are ruby annotations, the readings printed above a word (Japanese furigana): inline
// in plain text they repeat each word, "子こども" for 子ども. The HTML keeps them as ruby.
const SKIP = new Set(['rt', 'rp', 'svg', 'script', 'style', 'template', 'noscript', 'img', 'picture', 'video', 'audio', 'source', 'track', 'canvas', 'iframe', 'head', 'title']);
/** Separator strengths: a line break, or a paragraph break (blank line). */
const LINE = 1;
const PARAGRAPH = 2;

type Piece = string | { sep: number } | { raw: string; marker?: true };

export function toPlainText(root: Node): string {
  const pieces: Piece[] = [];
  const sep = (n: number) => pieces.push({ sep: n });
  // Stack entries: a node to enter, or a marker to run when leaving an element.
  const stack: (Node | { leave: Element })[] = [root];
  let preDepth = 0;
  const listCounters: number[] = [];
  while (stack.length) {
    const item = stack.pop()!;
    if ('leave' in item) {
      const el = item.leave;
      const tag = el.localName;
      if (tag === 'pre') preDepth--;
      if (tag === 'ul' || tag === 'ol') {
        listCounters.pop();
        sep(listCounters.length ? LINE : PARAGRAPH);
      } else if (tag === 'li' || tag === 'tr' || tag === 'dt' || tag === 'dd') sep(LINE);
      else if (tag === 'td' || tag === 'th') pieces.push('\t');
      else if (BLOCKS.has(tag)) sep(PARAGRAPH);
      continue;
    }
    const node = item;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      // Only HTML's own whitespace collapses; a no-break space is the author's and stays.
      pieces.push(preDepth > 0 ? { raw: data } : data.replace(/[ \t\n\r\f]+/g, ' '));
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11 && node.nodeType !== 9) continue;
    if (node.nodeType === 1) {
      const el = node as Element;
      const tag = el.localName;
      if (SKIP.has(tag)) continue;
      if (tag === 'br') {
        pieces.push(preDepth > 0 ? { raw: '\n' } : { sep: 0.5 });
        continue;
      }
      if (tag === 'pre') preDepth++;
      if (tag === 'ul' || tag === 'ol') {
        sep(listCounters.length ? LINE : PARAGRAPH);
        listCounters.push(tag === 'ol' ? Number(el.getAttribute('start') ?? 1) - 1 : -1);
      } else if (tag === 'li') {
        sep(LINE);
        const depth = Math.max(0, listCounters.length - 1);
        const counter = listCounters[listCounters.length - 1];
        let marker = '- ';
        if (counter !== undefined && counter >= 0) {
          listCounters[listCounters.length - 1] = counter + 1;
          marker = `${counter + 1}. `;
        }
        pieces.push({ raw: '  '.repeat(depth) + marker, marker: true });
      } else if (tag === 'tr' || tag === 'dt' || tag === 'dd') sep(LINE);
      else if (BLOCKS.has(tag)) sep(PARAGRAPH);
      stack.push({ leave: el });
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return join(pieces);
}

/**
 * Blanks at the end of a line. The lookbehind starts a match only where a run of blanks begins:
 * `[ \t]+$` alone retried from every blank of a long run followed by text (quadratic).
 */
const TRAILING_BLANKS = /(?<![ \t])[ \t]+$/;
const BLANKS_BEFORE_NEWLINE = /(?<![ \t])[ \t]+\n/g;

/** Merges separators (the strongest wins) and trims the spaces around line breaks. */
function join(pieces: Piece[]): string {
  let out = '';
  let pending = 0;
  let line = '';
  let indented = false; // the line began with verbatim text (code, a nested list marker): keep its indent
  let markerOnly = false; // the line holds just a list marker: its item's first block starts here
  const flushLine = () => {
    out += (indented ? line : line.replace(/^ +/, '')).replace(TRAILING_BLANKS, '');
    line = '';
    indented = false;
  };
  for (const p of pieces) {
    if (typeof p === 'object' && 'sep' in p) {
      // <li><p>text</p></li>: the paragraph belongs on the marker's line, not below it.
      if (!markerOnly) pending = Math.max(pending, p.sep);
      continue;
    }
    const text = typeof p === 'string' ? p : p.raw;
    if (!text) continue;
    if (typeof p === 'string' && !text.trim() && (pending || markerOnly)) continue; // whitespace between blocks
    markerOnly = typeof p === 'object' && p.marker === true;
    if (pending) {
      flushLine();
      if (out) out += pending >= PARAGRAPH ? '\n\n' : '\n';
      pending = 0;
    }
    if (typeof p === 'object') {
      // Verbatim text (code, list markers) may hold its own newlines.
      if (line === '') indented = true;
      const parts = text.split('\n');
      line += parts[0];
      for (const part of parts.slice(1)) {
        out += line.replace(TRAILING_BLANKS, '') + '\n';
        line = part;
        indented = true;
      }
    } else {
      line += line.endsWith(' ') || line === '' ? text.replace(/^ /, '') : text;
    }
  }
  flushLine();
  return out.replace(BLANKS_BEFORE_NEWLINE, '\n').replace(/\n{3,}/g, '\n\n').trim();
}
