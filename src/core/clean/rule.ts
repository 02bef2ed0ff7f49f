// The contract every clean rule follows. A rule looks at the inert copy of the page and either
// removes elements (through `ctx.remove`, which records why) or rewrites them in place (lazy
// images, code languages). Rules never see the live page.
import type { Removal } from '../types';
import { describe, elementsUnder, normalizedText } from '../dom';
import { createRemovalGuard } from './removal-guard';
import { isDiscussionPage, unmarkedThread } from '../page-kind/discussion';
import type { ShapedThread } from '../page-kind/thread-shape';
import { announcedAsComments, commentThreads } from './comment-threads';

/** A reply-able thread holding this share of the page's prose makes the page a discussion. */
const DISCUSSION_SHARE = 0.5;

/** Rules that remove what nobody sees: hidden text is never the article, whatever its size. */
const UNGUARDED_RULES = new Set(['hidden', 'visually-hidden']);

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
  /**
   * Removes `el` from the copy and records it under `rule`, unless it holds most of the page's
   * prose (removal-guard.ts): then it stays, and the refusal is recorded in `guarded`. A rule
   * whose evidence is the element's shape rather than its name may pass `unguarded`; one that is
   * unguarded by default (hidden text) passes `guarded` where its evidence is weaker.
   */
  remove(el: Element, rule: string, options?: { unguarded?: boolean; guarded?: boolean }): void;
  /** Removals the guard refused, for `--explain` and tests. */
  readonly guarded: Removal[];
  /**
   * Whether the page is a discussion (a forum thread, a Q&A page) whose posts are its content:
   * it says so in schema.org markup, or a thread of reply-able items holds most of its prose.
   */
  readonly discussion: boolean;
  /**
   * The posts of a thread the page marks up nowhere, found by their repeated shape before the
   * first guarded removal (page-kind/thread-shape.ts), or null. Such a thread makes the page a
   * discussion, and no guarded rule may remove a post's body or what holds it: a short reply
   * under its row of "share · save · report" links reads like a share bar to the rules.
   */
  readonly unmarkedThread: ShapedThread | null;
}

export interface CleanRule {
  /** Also the file name; shows up in `Removal.rule` and in `disabledRules`. */
  readonly name: string;
  run(ctx: CleanContext): void;
}

const MAX_LOGGED_TEXT = 120;

/** A removal's identity across runs on the same page: what the reader's "Show again" names. */
const removalKey = (r: Removal) => `${r.rule}\u0000${r.selector}\u0000${r.text}`;

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
  options: { guard?: boolean; spare?: readonly Removal[] } = {},
): CleanContext {
  const guarding = options.guard ?? true;
  const spared = new Set((options.spare ?? []).map(removalKey));
  let snapshot: Element[] | null = null;
  let guard: ReturnType<typeof createRemovalGuard> | null = null;
  let discussion: boolean | null = null;
  let unmarked: ShapedThread | null | undefined;
  /** The shaped thread's post bodies and every element above them. */
  let holdsPost: Set<Element> | null = null;
  const guardOf = (ctx: CleanContext) => (guard ??= createRemovalGuard(doc.body));
  const holdsPostIn = (ctx: CleanContext, el: Element) => {
    if (!holdsPost) {
      holdsPost = new Set();
      for (const body of ctx.unmarkedThread?.bodies ?? []) for (let up: Element | null = body; up && !holdsPost.has(up); up = up.parentElement) holdsPost.add(up);
    }
    return holdsPost.has(el);
  };
  return {
    get discussion() {
      discussion ??=
        isDiscussionPage(doc, this.elements, guardOf(this)) ||
        commentThreads(this.elements).some((t) => guardOf(this).share(t) >= DISCUSSION_SHARE && !announcedAsComments(t)) ||
        this.unmarkedThread !== null;
      return discussion;
    },
    get unmarkedThread() {
      if (unmarked === undefined) unmarked = unmarkedThread(this.elements, guardOf(this));
      return unmarked;
    },
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
    guarded: [],
    remove(el, rule, options) {
      if (!el.isConnected) return; // already gone with an ancestor
      if (guarding && (options?.guarded || (!UNGUARDED_RULES.has(rule) && !options?.unguarded))) {
        if (guardOf(this).protects(el) || holdsPostIn(this, el)) {
          this.guarded.push({ rule, selector: describe(el), text: normalizedText(el).slice(0, MAX_LOGGED_TEXT) });
          return;
        }
      }
      const removal = { rule, selector: describe(el), text: normalizedText(el).slice(0, MAX_LOGGED_TEXT) };
      if (spared.size && spared.has(removalKey(removal))) return; // the reader asked for it back
      if (el.parentElement) this.emptiedParents.add(el.parentElement);
      log.push(removal);
      el.remove();
    },
  };
}
