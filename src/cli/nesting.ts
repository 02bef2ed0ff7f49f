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

/** An upper-bound-ish estimate from start and end tags; malformed pages can only push it up. */
function roughDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    const tag = m[2]!.toLowerCase();
    if (NO_NESTING.has(tag) || m[3]) continue;
    depth += m[1] ? -1 : 1;
    if (depth > max) max = depth;
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
