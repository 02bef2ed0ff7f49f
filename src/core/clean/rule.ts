// The contract every clean rule follows. A rule looks at the inert copy of the page and either
// removes elements (through `ctx.remove`, which records why) or rewrites them in place (lazy
// images, code languages). Rules never see the live page.
import type { Removal } from '../types';
import { describe, elementsUnder, normalizedText } from '../dom';

export interface CleanContext {
  /** The inert copy being cleaned. */
  readonly doc: Document;
  /** The page URL, for resolving relative links. */
  readonly url: string;
  /** Elements of the copy that the browser reported as not rendered (empty without layout). */
  readonly layoutHidden: ReadonlySet<Element>;
  /** Class names Readability must keep (the code-language rule adds `language-*`). */
  readonly classesToPreserve: Set<string>;
  /** Parents of removed elements: the empty-leftovers rule checks whether they are now empty. */
  readonly emptiedParents: Set<Element>;
  /**
   * Every element under the copy's body in document order, walked once and shared by the rules
   * (in jsdom one `querySelectorAll` over the page costs more than a whole rule's own logic).
   * Removed elements stay in the list: a rule keeps only those still `isConnected`, which is what
   * `body.querySelectorAll` would return. Rules only remove or rewrite in place; one that inserts
   * new elements calls `elementsChanged` so the rules after it see them.
   */
  readonly elements: readonly Element[];
  /** Drops the shared snapshot, to be walked again on the next read of `elements`. */
  elementsChanged(): void;
  /** Removes `el` from the copy and records it under `rule`. */
  remove(el: Element, rule: string): void;
}

export interface CleanRule {
  /** Also the file name; shows up in `Removal.rule` and in `disabledRules`. */
  readonly name: string;
  run(ctx: CleanContext): void;
}

const MAX_LOGGED_TEXT = 120;

/** The snapshot's elements passing `test` that are still in the copy, in document order. */
export function liveElements(ctx: CleanContext, test: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  for (const el of ctx.elements) if (test(el) && el.isConnected) out.push(el);
  return out;
}

/** Builds the context that records removals into `log`. */
export function createCleanContext(
  doc: Document,
  url: string,
  layoutHidden: ReadonlySet<Element>,
  log: Removal[],
): CleanContext {
  let snapshot: Element[] | null = null;
  return {
    doc,
    url,
    get elements() {
      snapshot ??= doc.body ? elementsUnder(doc.body) : [];
      return snapshot;
    },
    elementsChanged() {
      snapshot = null;
    },
    layoutHidden,
    classesToPreserve: new Set(),
    emptiedParents: new Set(),
    remove(el, rule) {
      if (!el.isConnected) return; // already gone with an ancestor
      if (el.parentElement) this.emptiedParents.add(el.parentElement);
      log.push({ rule, selector: describe(el), text: normalizedText(el).slice(0, MAX_LOGGED_TEXT) });
      el.remove();
    },
  };
}
