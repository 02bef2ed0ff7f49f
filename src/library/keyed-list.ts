// Keeps the library list's item elements across renders. The page renders again when indexing
// finishes, when another tab saves, after every keystroke in the search box; rebuilding every item
// each time detached the element a user (or a browser test) was about to click, and dropped what
// they had half typed into a tag box. An item is rebuilt only when its article changed: the model
// replaces a summary object whenever the store changes it, so object identity says "unchanged".
import type { Summary } from './library-model';

export class KeyedList {
  private built = new Map<string, { summary: Summary; el: HTMLLIElement }>();

  constructor(
    private readonly list: HTMLUListElement,
    private readonly build: (s: Summary) => HTMLLIElement,
  ) {}

  /** Shows `summaries` in this order, reusing the element of every article that did not change. */
  show(summaries: readonly Summary[]): HTMLLIElement[] {
    const next = new Map<string, { summary: Summary; el: HTMLLIElement }>();
    const els = summaries.map((summary) => {
      const kept = this.built.get(summary.id);
      const el = kept && kept.summary === summary ? kept.el : this.build(summary);
      next.set(summary.id, { summary, el });
      return el;
    });
    this.built = next;
    const current = this.list.children;
    const same = current.length === els.length && els.every((el, i) => current[i] === el);
    if (!same) this.list.replaceChildren(...els);
    return els;
  }
}
