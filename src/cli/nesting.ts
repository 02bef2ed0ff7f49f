// Refuses pages nested too deep for jsdom before jsdom sees them. jsdom builds its tree
// recursively: a page nested 50,000 levels deep took ~40 s of CPU and then overflowed the stack.
// Browsers cap parser nesting (Chromium at 512), so such a page is hostile or broken, never an
// article. A cheap scan of the tags flags the suspicious pages; only those pay for an exact count
// with parse5 (jsdom's own HTML parser, without jsdom's tree).
import { parse, type DefaultTreeAdapterMap } from 'parse5';

/** Deeper than this the pipeline would refuse the page anyway (its own limit is lower). */
export const MAX_PARSE_DEPTH = 2_000;

/** Elements that end implicitly or never: they do not make a page deeper in the scan below. */
const NO_NESTING = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'colgroup',
  'caption', 'rb', 'rt', 'rp', 'rtc', 'html', 'head', 'body', 'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link',
  'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'image']);

const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57) || c === 95 || c === 45;

/**
 * An upper-bound-ish estimate from start and end tags; malformed pages can only push it up. A tag
 * is `<name …>` or `</name …>` up to the first `>`, and `/>` closes itself. Scanned by hand, each
 * character once: the regex this replaces searched for the `>` again from every `<`, so a page
 * ending in 150,000 `<a` without one took 42 s.
 */
function roughDepth(html: string): number {
  let depth = 0;
  let max = 0;
  let i = html.indexOf('<');
  while (i !== -1) {
    const closing = html.charCodeAt(i + 1) === 47; // '/'
    const start = closing ? i + 2 : i + 1;
    let end = start;
    if (isNameStart(html.charCodeAt(end))) {
      while (isNameChar(html.charCodeAt(end))) end++;
      const gt = html.indexOf('>', end);
      if (gt === -1) break; // no '>' anywhere after: no tag can end
      const tag = html.slice(start, end).toLowerCase();
      const selfClosing = gt > end && html.charCodeAt(gt - 1) === 47;
      if (!NO_NESTING.has(tag) && !selfClosing) {
        depth += closing ? -1 : 1;
        if (depth > max) max = depth;
      }
      end = gt + 1;
    }
    i = html.indexOf('<', Math.max(end, i + 1));
  }
  return max;
}

type Node = DefaultTreeAdapterMap['parentNode'];

/** The exact element depth of the parsed page, with an explicit stack (no recursion). */
function exactDepth(html: string): number {
  const stack: [Node, number][] = [[parse(html), 0]];
  let max = 0;
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > max) max = depth;
    for (const child of node.childNodes ?? []) {
      if ('childNodes' in child) stack.push([child as Node, depth + 1]);
    }
  }
  return max;
}

/** The page's nesting depth when it exceeds `limit`, else null. */
export function excessiveNesting(bytes: Buffer, limit = MAX_PARSE_DEPTH): number | null {
  // latin1 keeps every byte one character: tags are ASCII in every encoding a page may declare.
  const html = bytes.toString('latin1');
  if (roughDepth(html) <= limit) return null;
  const depth = exactDepth(html);
  return depth > limit ? depth : null;
}
