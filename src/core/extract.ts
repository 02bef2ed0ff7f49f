// The pipeline, top to bottom: budget → inert copy → clean rules → Readability → sanitize →
// derive text and metadata. Takes a Document and the URL it came from; returns data. It never
// changes the document it is given and never touches extension APIs or storage, so the extension,
// the CLI and the tests all run exactly this.
import type { Article, ContentChoice, ExtractOptions, ExtractResult, Removal } from './types';
import { DEFAULT_LIMITS, checkBudget, fromPrototype } from './budget';
import { disarmSubtree, makeInertCopy } from './inert-copy';
import { openNoscriptShell } from './noscript-shell';
import { CLEAN_RULES, createCleanContext } from './clean/index';
import { removeZapped, ZAPPED } from './zap';
import { runReadability } from './readability';
import { proseCandidate } from './choose/prose-candidate';
import { chooseContent } from './choose/choose-content';
import { dropTitleHeading } from './choose/drop-title-heading';
import { TRAILING_HEADINGS, dropTrailingHeadings } from './choose/trailing-headings';
import { TRAILING_TEASERS, dropTrailingTeasers } from './choose/trailing-teasers';
import { MAX_LEVELS as WIDEN_LEVELS, widenToPick } from './choose/widen-to-pick';
import { isFragmentOfList, listingContent, SHORT_PICK_WORDS } from './choose/listing-fallback';
import { threadContent, threadCoversPick } from './choose/thread-content';
import { countWordsIn } from './dom';
import { mainRegionOf, regionHoldsMore } from './choose/main-region';
import { declaresDate, sectionRunAround } from './choose/section-run';
import { declaresArticle } from './page-kind/declared-article';
import { rememberWindow, sanitizeArticle } from './sanitize';
import { toPlainText } from './to-plain-text';
import { wordStats } from './words';
import { firstHeadline, withoutSiteSuffix } from './title-suffix';
import { baseUrlOf, canonicalOf, cleanText, declaredLang, declaredSiteName, direction, isoDate, leadImageOf, validLang } from './metadata';

/**
 * Readability's own default. Below it Readability retries with fewer of its filters and keeps the
 * longest attempt, so a short page still gets its text, but a 75-word paywall or promo box no
 * longer passes as the article when the story is on the page.
 */
const DEFAULT_CHAR_THRESHOLD = 500;

/** The pipeline step that shows a page's list of items when it has no article (choose/listing-fallback.ts). */
const LISTING = 'listing';

/** The pipeline step that rebuilds a discussion from its marked-up posts (choose/thread-content.ts). */
const THREAD = 'thread';

/** The pipeline step that shows a page of sections whole (choose/main-region.ts). */
const MAIN_REGION = 'main-region';

/** The pipeline step that shows a page of like sections whole when it has no main region (choose/section-run.ts). */
const SECTION_RUN = 'section-run';

/** Shorter than this (in characters of clean text) is a fragment, not an article. */
const MIN_ARTICLE_CHARS = 200;
/**
 * A photo series reads in its pictures: this many of them with at least this much text (a title
 * and a caption line) is the page's content though it is shorter than an article.
 */
const MIN_PHOTO_STORY_IMAGES = 4;
const MIN_PHOTO_STORY_CHARS = 60;

export const TOO_LARGE_MESSAGE = 'This page is too large or complex for reader view';
export const NO_ARTICLE_MESSAGE = 'No article found on this page';

/**
 * Steps of the pipeline besides the clean rules that `disabledRules` can switch off, so that
 * each has a fixture that fails without it, like every rule.
 */
export const PIPELINE_STEPS = ['removal-guard', 'prose-candidate', 'widen-to-pick', 'noscript-shell', TRAILING_HEADINGS, TRAILING_TEASERS, LISTING, THREAD, MAIN_REGION, SECTION_RUN] as const;

export function extractArticle(doc: Document, url: string, options: ExtractOptions = {}): ExtractResult {
  const lap = stopwatch(options.onStage);
  // Through the prototype: a page's <img name="defaultView"> shadows document.defaultView.
  const view = fromPrototype<Window | null>(doc, 'defaultView');
  if (!view) return { ok: false, reason: 'error', message: 'The document has no window to sanitize with' };
  const budget = checkBudget(doc, {
    maxElements: options.maxElements ?? DEFAULT_LIMITS.maxElements,
    maxDepth: options.maxDepth ?? DEFAULT_LIMITS.maxDepth,
  });
  lap?.('budget');
  if (!budget.ok) return { ok: false, reason: 'too-large', message: `${TOO_LARGE_MESSAGE}: ${budget.why}.` };

  const disabled = new Set(options.disabledRules ?? []);
  const { copy, base, ctx, removals } = cleanedCopy(doc, url, view, options, disabled, lap);

  // Metadata from <head> is read before Readability rewrites the copy.
  const lang = declaredLang(copy);
  const headline = firstHeadline(copy);
  const canonicalUrl = canonicalOf(copy, base);
  // The second candidate is found before Readability, which takes the copy apart as it works: its
  // surroundings (the levels widen-to-pick may climb) are cloned first, so that when it wins the
  // reader gets it intact. One native subtree clone, where rebuilding a second cleaned copy of the
  // page cost the pages it won on a quarter of their time in Chromium.
  // Whether the page is a discussion (the comments rule has already asked) is read before
  // Readability takes the copy apart.
  const discussion = copy.body && !disabled.has('prose-candidate') ? ctx.discussion : false;
  const candidate = copy.body && !disabled.has('prose-candidate') ? proseCandidate(copy.body, { discussion }) : null;
  const intact = candidate ? cloneAround(candidate.el, WIDEN_LEVELS) : null;
  lap?.('prose-candidate');
  // A discussion's posts, copied out of the copy while it is whole.
  const readThread = ctx.discussion && copy.body && !disabled.has(THREAD);
  const thread = readThread ? threadContent(copy, copy.body!, ctx.unmarkedThread?.posts ?? null) : null;
  if (readThread) lap?.(THREAD);
  // A page of sections keeps its main region whole for the reader (choose/main-region.ts): copied
  // now, as the second candidate's surroundings are, before Readability takes the copy apart.
  // The main region is looked up once: it decides between the two steps below.
  const region = !copy.body || ctx.discussion ? null : mainRegionOf(copy);
  const regionCopy = region && !disabled.has(MAIN_REGION) && !declaresArticle(copy) ? (region.cloneNode(true) as Element) : null;
  // Without a main region, the run of like sections the pick sits in (choose/section-run.ts) is
  // found in a copy of the cleaned body, made only where it could be used: undated pages that are
  // no discussion, have no <article> element and declare no article (the head's date is the one
  // Readability would report). Most news pages have an <article> and skip the copy.
  const bodyCopy = !disabled.has(SECTION_RUN) && copy.body && !ctx.discussion && !region && !copy.body.getElementsByTagName('article').length && !declaresDate(copy) && !declaresArticle(copy) ? (copy.body.cloneNode(true) as Element) : null;
  const parsed = runReadability(copy, [...ctx.classesToPreserve], options.charThreshold ?? DEFAULT_CHAR_THRESHOLD);
  lap?.('readability');
  const chosen = chooseContent(parsed?.content ?? null, candidate, () => discussion);
  const listing = () => (disabled.has(LISTING) ? noArticle() : fromListing(doc, url, view, options, removals, lap));
  const src: Sources = { copy, base, parsed, lang, headline, canonicalUrl, url, removals };
  if (thread) {
    const pick = chosen?.source === 'readability' ? parsed!.content : chosen ? intact?.candidate : null;
    if (threadCoversPick(thread, pick ? countWordsIn(pick.textContent ?? '') : 0)) {
      const why = `A discussion of ${thread.posts} posts, ${thread.foundBy === 'markup' ? "read from the page's own markup of them" : 'found by their repeated shape (name, date, text)'}`;
      // The opening post's author is the thread's byline; Readability's guess on a board is
      // whatever line says "by" first ("Post by NAME » DATE").
      const done = finish(thread.content, { ...src, parsed: { ...parsed, byline: thread.starter ?? parsed?.byline } }, view, lap, { source: THREAD, why }, {
        threadPosts: thread.posts,
        ...(thread.accepted !== null ? { acceptedPost: thread.accepted } : {}),
      });
      if (done) return done;
    }
  }
  if (!chosen) return listing();
  let content = chosen.source === 'readability' ? parsed!.content : (intact?.candidate ?? null);
  let choice: ContentChoice = { source: chosen.source, why: chosen.why };
  if (!content) return listing();
  if (chosen.source === 'prose-candidate' && parsed?.content && !disabled.has('widen-to-pick')) content = widenToPick(content, parsed.content);
  if (regionCopy && !parsed?.publishedTime && regionHoldsMore(regionCopy, content)) {
    content = regionCopy;
    choice = { source: MAIN_REGION, why: "Readability's pick was one section of many" };
  } else if (bodyCopy && !parsed?.publishedTime) {
    const run = sectionRunAround(bodyCopy, content);
    if (run && regionHoldsMore(run, content)) {
      content = run;
      choice = { source: SECTION_RUN, why: "Readability's pick was one of a run of like sections" };
    }
  }
  dropTitleHeading(content, parsed?.title ?? copy.title);
  if (!disabled.has(TRAILING_TEASERS)) removals.push(...dropTrailingTeasers(content));
  if (!disabled.has(TRAILING_HEADINGS)) removals.push(...dropTrailingHeadings(content));
  lap?.('choose');
  const picked = finish(content, src, view, lap, choice);
  if (!picked) {
    // Too little text for an article: a list of items if the page is one, else a photo series
    // (pictures with a line or two each) is still what the page is.
    const list = listing();
    return list.ok ? list : (finish(content, src, view, lap, choice, {}, true) ?? list);
  }
  // A short pick made of a list's own words is a card or two of that list: show the whole list.
  if (picked.ok && picked.article.wordCount < SHORT_PICK_WORDS && !disabled.has(LISTING)) {
    const list = fromListing(doc, url, view, options, removals, lap);
    if (list.ok && isFragmentOfList(picked.article, list.article)) return list;
  }
  return picked;
}

/** What the article's metadata is read from: the copy's head and what Readability found. */
interface Sources {
  copy: Document;
  base: string;
  /** What Readability found (for a list: only the site's name, from the head). */
  parsed: Partial<NonNullable<ReturnType<typeof runReadability>>> | null;
  lang: string | null;
  headline: string | null;
  canonicalUrl: string | null;
  url: string;
  removals: Removal[];
}

/** What the content is when it is not an article's prose: a list, a thread. */
type PageKindFields = Pick<Article, 'listItems' | 'threadPosts' | 'acceptedPost'>;

/** Sanitizes the chosen content and derives the article; null when it is too short to be one. */
function finish(content: Element, src: Sources, view: Window, lap: Lap | null, choice: ContentChoice, kind: PageKindFields = {}, photoStory = false): ExtractResult | null {
  const { copy, base, parsed, lang, headline, canonicalUrl, url, removals } = src;
  const { fragment, html } = sanitizeArticle(content, view);
  lap?.('sanitize');
  const text = toPlainText(fragment);
  lap?.('text');
  if (text.length < MIN_ARTICLE_CHARS) {
    const enough = photoStory && text.length >= MIN_PHOTO_STORY_CHARS && fragment.querySelectorAll('img').length >= MIN_PHOTO_STORY_IMAGES;
    if (!enough) return null;
  }
  const stats = wordStats(text);
  const articleLang = validLang(parsed?.lang) ?? lang;
  const article: Article = {
    title: cleanText(withoutSiteSuffix(parsed?.title || copy.title || '', headline, parsed?.siteName ?? null), 300) ?? 'Untitled',
    byline: cleanText(parsed?.byline, 200),
    siteName: cleanText(parsed?.siteName, 120),
    publishedTime: isoDate(parsed?.publishedTime),
    lang: articleLang,
    dir: direction(parsed?.dir, articleLang, text),
    excerpt: cleanText(parsed?.excerpt, 400),
    html,
    text,
    wordCount: stats.words,
    readingMinutes: stats.readingMinutes,
    leadImage: leadImageOf(copy, fragment, base),
    canonicalUrl: canonicalUrl ?? (/^https?:/i.test(url) ? url : null),
    url,
    removals,
    ...kind,
  };
  lap?.('metadata');
  return { ok: true, article, content: fragment, choice };
}

/** A page with no article: its list of items, when it is a list (choose/listing-fallback.ts). */
function fromListing(doc: Document, url: string, view: Window, options: ExtractOptions, removals: Removal[], lap: Lap | null): ExtractResult {
  const found = listingContent(doc, url, view, options.useLayout ?? false);
  lap?.(LISTING);
  if (!found) return noArticle();
  const { copy, base } = found;
  const siteName = declaredSiteName(copy);
  const src: Sources = { copy, base, parsed: siteName ? { siteName } : null, lang: declaredLang(copy), headline: firstHeadline(copy), canonicalUrl: canonicalOf(copy, base), url, removals };
  const why = `No article; the page is a list of ${found.items} items`;
  return finish(found.content, src, view, lap, { source: LISTING, why }, { listItems: found.items }) ?? noArticle();
}

/** The inert copy of `doc` after the clean rules: the copy Readability and the second candidate read. */
function cleanedCopy(doc: Document, url: string, view: Window, options: ExtractOptions, disabled: ReadonlySet<string>, lap: Lap | null) {
  const { doc: copy, layoutHidden } = makeInertCopy(doc, options.useLayout ?? false, lap);
  rememberWindow(copy, view);
  if (!disabled.has('noscript-shell')) openNoscriptShell(copy, disarmSubtree);
  const base = baseUrlOf(copy, url);
  const removals: Removal[] = [];
  const ctx = createCleanContext(copy, base, layoutHidden, removals, { guard: !disabled.has('removal-guard'), spare: options.spare });
  lap?.('copy:setup');
  // The user's own choices first: what they removed by hand is gone before any rule measures the page.
  if (options.zaps?.length && !disabled.has(ZAPPED)) removeZapped(ctx, options.zaps);
  for (const rule of CLEAN_RULES) {
    if (disabled.has(rule.name)) continue;
    rule.run(ctx);
    // The shared element snapshot and the removal guard are built by whichever rule reads them first.
    lap?.(`rule:${rule.name}`);
  }
  return { copy, base, ctx, removals };
}

type Lap = (stage: string) => void;

/**
 * For `options.onStage`: a function that reports the time since its previous call (or since it
 * was made) under the given stage name. Null without a hook, so `lap?.(...)` costs nothing, not
 * even building the stage's name.
 */
function stopwatch(onStage: ExtractOptions['onStage']): Lap | null {
  if (!onStage) return null;
  let last = performance.now();
  return (stage) => {
    const now = performance.now();
    onStage(stage, now - last);
    last = now;
  };
}

/**
 * A clone of the element `levels` above `el` (not above the body's children), and `el`'s twin in
 * it, found by child indices.
 */
function cloneAround(el: Element, levels: number): { candidate: Element | null } {
  let top = el;
  for (let i = 0; i < levels && top.parentElement && top.parentElement.localName !== 'body'; i++) top = top.parentElement;
  const path: number[] = [];
  for (let at = el; at !== top && at.parentElement; at = at.parentElement) path.unshift(Array.prototype.indexOf.call(at.parentElement.children, at));
  let twin: Element | null = top.cloneNode(true) as Element;
  for (const i of path) twin = twin?.children[i] ?? null;
  return { candidate: twin };
}

function noArticle(): ExtractResult {
  return { ok: false, reason: 'no-article', message: `${NO_ARTICLE_MESSAGE}.` };
}
