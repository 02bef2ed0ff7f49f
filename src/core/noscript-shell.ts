// A script-built page read without its scripts: many forums, Q&A sites and app-like pages send an
// empty application shell and put the whole server-rendered thread inside <noscript> for browsers
// and crawlers without JavaScript. Readability (rightly, on most pages) drops <noscript>, so such a
// page has no article at all for the CLI, and in a browser whenever the page's scripts did not run
// or failed. When the <noscript> text is most of what the page would show, it is the page: its
// markup takes the place of the <noscript> element in the inert copy, disarmed like the rest.
//
// Judged by size alone, not by who made the page: the fallback must hold at least MIN_FALLBACK_CHARS
// of text and more than twice the text outside it, so a live page whose scripts already rendered the
// same posts (text outside ≈ text inside) is left as it is and nothing appears twice.

/** A <noscript> shorter than this ("Please enable JavaScript", a tracking pixel) is not a page. */
const MIN_FALLBACK_CHARS = 500;
/** The fallback must hold this many times the text the page shows outside it. */
const SHELL_RATIO = 2;

const NOT_SHOWN = new Set(['script', 'style', 'template', 'noscript']);

/**
 * Replaces the page-sized <noscript> fallbacks of `copy` with their content. `disarm` makes newly
 * parsed elements as inert as the rest of the copy (handlers, script URLs, clobbering names).
 * Returns how many fallbacks were opened (0 on almost every page, which pays one
 * getElementsByTagName).
 */
export function openNoscriptShell(copy: Document, disarm: (root: Element) => void): number {
  const body = copy.body;
  if (!body) return 0;
  const fallbacks = Array.from(body.getElementsByTagName('noscript')).filter((n) => rawLength(n) >= MIN_FALLBACK_CHARS);
  if (fallbacks.length === 0) return 0;

  // In a browser with scripting on, <noscript> holds its markup as one text node; parsed without
  // scripting (jsdom, the CLI) it already holds elements. Either way: elements, inside a <template>
  // of the copy's own document, where nothing loads or runs until they are disarmed and moved.
  const opened = fallbacks
    .filter((n) => !hasNoscriptAncestor(n, body))
    .map((noscript) => ({ noscript, content: contentOf(noscript, copy) }))
    .filter((f) => f.content.textLength >= MIN_FALLBACK_CHARS);
  if (opened.length === 0) return 0;
  const inside = opened.reduce((sum, f) => sum + f.content.textLength, 0);
  if (inside <= SHELL_RATIO * shownTextLength(body)) return 0;

  for (const { noscript, content } of opened) {
    for (const el of Array.from(content.fragment.children)) disarm(el);
    noscript.replaceWith(content.fragment);
  }
  return opened.length;
}

/** Its markup (browser) or its text (parsed without scripting): at least as long as its text. */
function rawLength(noscript: Element): number {
  return (noscript.textContent ?? '').length;
}

function hasNoscriptAncestor(el: Element, stop: Element): boolean {
  for (let at = el.parentElement; at && at !== stop; at = at.parentElement) if (at.localName === 'noscript') return true;
  return false;
}

function contentOf(noscript: Element, copy: Document): { fragment: DocumentFragment; textLength: number } {
  const template = copy.createElement('template') as HTMLTemplateElement;
  if (noscript.firstElementChild) {
    while (noscript.firstChild) template.content.appendChild(noscript.firstChild);
  } else {
    template.innerHTML = noscript.textContent ?? '';
  }
  const fragment = template.content;
  let textLength = 0;
  for (const el of Array.from(fragment.children)) textLength += shownTextLength(el);
  return { fragment, textLength };
}

/** Characters of text under `root` that a reader would see: not scripts, styles or fallbacks. */
function shownTextLength(root: Element): number {
  // Iterative: pages within the depth budget are still deeper than a comfortable call stack.
  let length = 0;
  const stack: Node[] = NOT_SHOWN.has(root.localName) ? [] : [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) length += (n as Text).data.trim().length;
      else if (n.nodeType === 1 && !NOT_SHOWN.has((n as Element).localName)) stack.push(n);
    }
  }
  return length;
}
