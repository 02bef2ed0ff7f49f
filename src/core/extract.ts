// The pipeline, top to bottom: budget → inert copy → clean rules → Readability → sanitize →
// derive text and metadata. Takes a Document and the URL it came from; returns data. It never
// changes the document it is given and never touches extension APIs or storage, so the extension,
// the CLI and the tests all run exactly this.
import type { Article, ExtractOptions, ExtractResult, Removal } from './types';
import { DEFAULT_LIMITS, checkBudget, fromPrototype } from './budget';
import { makeInertCopy } from './inert-copy';
import { CLEAN_RULES, createCleanContext } from './clean/index';
import { runReadability } from './readability';
import { rememberWindow, sanitizeArticle } from './sanitize';
import { toPlainText } from './to-plain-text';
import { wordStats } from './words';
import { baseUrlOf, canonicalOf, cleanText, declaredLang, direction, isoDate, leadImageOf, validLang } from './metadata';

/** Shorter than this (in characters of clean text) is a fragment, not an article. */
const MIN_ARTICLE_CHARS = 200;

export const TOO_LARGE_MESSAGE = 'This page is too large or complex for reader view';
export const NO_ARTICLE_MESSAGE = 'No article found on this page';

export function extractArticle(doc: Document, url: string, options: ExtractOptions = {}): ExtractResult {
  // Through the prototype: a page's <img name="defaultView"> shadows document.defaultView.
  const view = fromPrototype<Window | null>(doc, 'defaultView');
  if (!view) return { ok: false, reason: 'error', message: 'The document has no window to sanitize with' };
  const budget = checkBudget(doc, {
    maxElements: options.maxElements ?? DEFAULT_LIMITS.maxElements,
    maxDepth: options.maxDepth ?? DEFAULT_LIMITS.maxDepth,
  });
  if (!budget.ok) return { ok: false, reason: 'too-large', message: `${TOO_LARGE_MESSAGE}: ${budget.why}.` };

  const { doc: copy, layoutHidden } = makeInertCopy(doc, options.useLayout ?? false);
  rememberWindow(copy, view);
  const base = baseUrlOf(copy, url);
  const removals: Removal[] = [];
  const ctx = createCleanContext(copy, base, layoutHidden, removals);
  const disabled = new Set(options.disabledRules ?? []);
  for (const rule of CLEAN_RULES) if (!disabled.has(rule.name)) rule.run(ctx);

  // Metadata from <head> is read before Readability rewrites the copy.
  const lang = declaredLang(copy);
  const canonicalUrl = canonicalOf(copy, base);
  const parsed = runReadability(copy, [...ctx.classesToPreserve], options.charThreshold ?? 250);
  if (!parsed) return noArticle();

  const { fragment, html } = sanitizeArticle(parsed.content, view);
  const text = toPlainText(fragment);
  if (text.length < MIN_ARTICLE_CHARS) return noArticle();
  const stats = wordStats(text);
  const articleLang = validLang(parsed.lang) ?? lang;
  const article: Article = {
    title: cleanText(parsed.title, 300) ?? cleanText(copy.title, 300) ?? 'Untitled',
    byline: cleanText(parsed.byline, 200),
    siteName: cleanText(parsed.siteName, 120),
    publishedTime: isoDate(parsed.publishedTime),
    lang: articleLang,
    dir: direction(parsed.dir, articleLang, text),
    excerpt: cleanText(parsed.excerpt, 400),
    html,
    text,
    wordCount: stats.words,
    readingMinutes: stats.readingMinutes,
    leadImage: leadImageOf(copy, fragment, base),
    canonicalUrl: canonicalUrl ?? (/^https?:/i.test(url) ? url : null),
    url,
    removals,
  };
  return { ok: true, article, content: fragment };
}

function noArticle(): ExtractResult {
  return { ok: false, reason: 'no-article', message: `${NO_ARTICLE_MESSAGE}.` };
}
