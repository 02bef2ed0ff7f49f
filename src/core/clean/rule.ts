// The contract every clean rule follows. A rule looks at the inert copy of the page and either
// removes elements (through `ctx.remove`, which records why) or rewrites them in place (lazy
// images, code languages). Rules never see the live page.
import type { Removal } from '../types';
import { describe, normalizedText } from '../dom';

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
  /** Removes `el` from the copy and records it under `rule`. */
  remove(el: Element, rule: string): void;
}

export interface CleanRule {
  /** Also the file name; shows up in `Removal.rule` and in `disabledRules`. */
  readonly name: string;
  run(ctx: CleanContext): void;
}

const MAX_LOGGED_TEXT = 120;

/** Builds the context that records removals into `log`. */
export function createCleanContext(
  doc: Document,
  url: string,
  layoutHidden: ReadonlySet<Element>,
  log: Removal[],
): CleanContext {
  return {
    doc,
    url,
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
