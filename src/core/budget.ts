// Refuses pages too big or too deep before any expensive work starts. Readability and the DOM
// serializers recurse per nesting level, so a page nested thousands deep would overflow the stack;
// a page with hundreds of thousands of elements would freeze the tab. Both are measured here with
// one iterative walk that never recurses.

export interface BudgetLimits {
  maxElements: number;
  maxDepth: number;
}

export const DEFAULT_LIMITS: BudgetLimits = { maxElements: 150_000, maxDepth: 800 };

export type BudgetVerdict = { ok: true; elements: number; depth: number } | { ok: false; why: string };

export function checkBudget(doc: Document, limits: BudgetLimits): BudgetVerdict {
  const elements = doc.getElementsByTagName('*').length;
  if (elements > limits.maxElements) {
    return { ok: false, why: `${elements.toLocaleString('en')} elements (limit ${limits.maxElements.toLocaleString('en')})` };
  }
  const root = doc.documentElement;
  if (!root) return { ok: true, elements, depth: 0 };
  // Depth-first walk over element children with an explicit cursor: down to the first child,
  // else across to the next sibling, else back up until a sibling exists.
  let depth = 1;
  let maxDepth = 1;
  let node: Element | null = root;
  while (node) {
    const child: Element | null = node.firstElementChild;
    if (child) {
      node = child;
      depth++;
      if (depth > maxDepth) {
        maxDepth = depth;
        if (maxDepth > limits.maxDepth) {
          return { ok: false, why: `elements nested ${maxDepth}+ deep (limit ${limits.maxDepth})` };
        }
      }
      continue;
    }
    while (node && !node.nextElementSibling) {
      node = node.parentElement;
      depth--;
      if (node === root) node = null;
    }
    node = node ? node.nextElementSibling : null;
  }
  return { ok: true, elements, depth: maxDepth };
}
