// The page as blocks of text, the unit the second candidate is chosen from: each run of text
// belongs to the nearest block-level element around it (a paragraph, a list item, a cell, or a
// <div> that holds text directly, as "div soup" pages do). A block is prose when it has a
// sentence or more of text that is mostly not links; prose is what an article is made of.
// One iterative walk of the subtree, no selector queries, no per-element text reads.

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
]);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Text in these never reaches a reader. */
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'textarea', 'select', 'option', 'button']);

/** Prose needs this much text outside links (CJK characters count for three: they are words). */
export const MIN_PROSE_WEIGHT = 80;
/** And at most this share of it inside links. */
export const MAX_PROSE_LINK_SHARE = 0.4;

export interface TextBlock {
  el: Element;
  /** Text weight: characters, CJK counted ×3 so a Chinese paragraph weighs like an English one. */
  weight: number;
  linkWeight: number;
  kind: 'prose' | 'heading' | 'other';
}

export function textBlocks(root: Element): TextBlock[] {
  const blocks = new Map<Element, TextBlock>();
  const order: TextBlock[] = [];
  // The walk keeps a stack of the open block elements and how many <a> are open.
  const blockStack: Element[] = [root];
  let linkDepth = 0;
  let node: Node | null = root.firstChild;
  const leave = (el: Element) => {
    if (blockStack[blockStack.length - 1] === el) blockStack.pop();
    if (el.localName === 'a') linkDepth--;
  };
  while (node) {
    let descend = false;
    if (node.nodeType === 3) {
      const weight = textWeight((node as Text).data);
      if (weight > 0) {
        const owner = blockStack[blockStack.length - 1]!;
        let block = blocks.get(owner);
        if (!block) {
          block = { el: owner, weight: 0, linkWeight: 0, kind: 'other' };
          blocks.set(owner, block);
          order.push(block);
        }
        block.weight += weight;
        if (linkDepth > 0) block.linkWeight += weight;
      }
    } else if (node.nodeType === 1) {
      const el = node as Element;
      if (!SKIPPED_TAGS.has(el.localName) && el.firstChild) {
        if (BLOCK_TAGS.has(el.localName)) blockStack.push(el);
        if (el.localName === 'a') linkDepth++;
        descend = true;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Climb out of finished elements, closing their state, to the next sibling.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root) leave(node as Element);
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  for (const b of order) b.kind = HEADING_TAGS.has(b.el.localName) ? 'heading' : isProse(b) ? 'prose' : 'other';
  return order;
}

function isProse(b: TextBlock): boolean {
  return b.weight - b.linkWeight >= MIN_PROSE_WEIGHT && b.linkWeight <= b.weight * MAX_PROSE_LINK_SHARE;
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;

/** Characters that are not whitespace, CJK ones counted three times. */
export function textWeight(text: string): number {
  let weight = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 160) weight++;
  }
  if (weight === 0) return 0;
  const cjk = text.match(CJK)?.length ?? 0;
  return weight + 2 * cjk;
}
