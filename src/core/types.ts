// The data the pipeline hands out. Plain values only (plus one DocumentFragment), so the
// extension can send an article across contexts and the CLI can print it as JSON.

/** One element a clean rule took out, kept so "why did this vanish?" has an answer. */
export interface Removal {
  /** Name of the clean rule (the file name under core/clean/). */
  rule: string;
  /** A short CSS-like description of the element, e.g. `svg.icon#share`. */
  selector: string;
  /** The first characters of its text, whitespace collapsed. */
  text: string;
}

export interface Article {
  title: string;
  byline: string | null;
  siteName: string | null;
  /** ISO 8601 string as the page declared it, or null. */
  publishedTime: string | null;
  /** A validated BCP 47 tag such as `en` or `pt-BR`, or null. */
  lang: string | null;
  dir: 'ltr' | 'rtl';
  excerpt: string | null;
  /** Sanitized article HTML: safe to parse into any document. */
  html: string;
  /** Plain text with paragraphs separated by a blank line. */
  text: string;
  wordCount: number;
  readingMinutes: number;
  /** Absolute http(s) URL of the lead image, or null. */
  leadImage: string | null;
  /** The page's canonical URL (validated http(s)), else the URL we were given. */
  canonicalUrl: string | null;
  /** The URL the page was read from (the caller's claim, never a `<base>` or `og:url`). */
  url: string;
  removals: Removal[];
  /**
   * Set when the page has no article and `html` is instead its list of items (a section front,
   * a category page), one `<li>` an item: how many. The reader says so.
   */
  listItems?: number;
  /**
   * Set when the page is a discussion and `html` is its posts, one `<article>` a post (a
   * `<header>` line with author and date, then the body): how many. The reader shows a thread.
   */
  threadPosts?: number;
  /** On a Q&A page, the index among the posts of the answer the asker accepted. */
  acceptedPost?: number;
}

/** Which way of finding the article produced it (core/choose/), and why when it was not Readability. */
export interface ContentChoice {
  source: 'readability' | 'prose-candidate' | 'main-region' | 'section-run' | 'listing' | 'thread';
  why: string | null;
}

export type ExtractFailureReason = 'no-article' | 'too-large' | 'error';

export type ExtractResult =
  | { ok: true; article: Article; content: DocumentFragment; choice: ContentChoice }
  | { ok: false; reason: ExtractFailureReason; message: string };

export interface ExtractOptions {
  /**
   * Clean rules (and the PIPELINE_STEPS of extract.ts, e.g. `removal-guard`) to skip, by name. Used
   * by tests to prove each fixture fails without the rule that makes it pass, and by anyone
   * asking "what does this rule do?".
   */
  disabledRules?: readonly string[];
  /**
   * When given, the live document is asked which elements the browser actually renders
   * hidden (computed style, zero size, off-screen). jsdom has no layout, so the CLI leaves this
   * off and the markup-only rules do the work.
   */
  useLayout?: boolean;
  /** Refuse pages with more elements than this (default 60 000: budget.ts). */
  maxElements?: number;
  /** Refuse pages nested deeper than this (default 256: budget.ts). */
  maxDepth?: number;
  /** Minimum article length in characters for Readability (default 500, its own). */
  charThreshold?: number;
  /**
   * Profiling hook for benchmarks (scripts/bench-chromium.mjs): called after each step of the
   * pipeline with its name (`budget`, `copy:clone`, `copy:layout`, `copy:disarm`, `copy:setup`, `rule:<name>`,
   * `prose-candidate`, `thread` (discussion pages only), `readability`, `choose`, `sanitize`, `text`, `metadata`) and the
   * milliseconds it took. Absent, the pipeline reads no clock at all.
   */
  onStage?: (stage: string, ms: number) => void;
  /**
   * Removals of an earlier run to leave in place this time (the reader's "Show again"): a clean
   * rule skips an element whose rule, selector and text are those of one of these. Rules that
   * act after Readability (trailing-teasers, trailing-headings) are brought back with
   * `disabledRules` instead.
   */
  spare?: readonly Removal[];
  /**
   * Blocks the user removed from this site's pages by hand (the reader's zap), removed from the
   * copy before the clean rules run, under the rule name `zapped`, the removal guard still
   * keeping the article itself. Default: none.
   */
  zaps?: readonly ZapRule[];
}

/**
 * A block the user removed by hand, as it is found again on the site's pages: by a CSS selector
 * built from the page's own classes and ids (the same box on every article), or, where the page
 * gives no usable name, by its text (the same words on every article). Either may be null, not both.
 */
export interface ZapRule {
  selector: string | null;
  text: string | null;
}
