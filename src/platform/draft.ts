// The article draft the content script hands over for saving, and its check. Its limits are the
// saved record's (shared/article-record.ts LIMITS), so a draft that passes here is never
// refused later for a length the protocol let through.
import type { Article } from '../core/index';
import { LIMITS } from '../shared/article-record';
import { count, hasFields, oneOf, optional, text, textOrNull, type Field } from './fields';

/** The core's article without the removals log (diagnostics, and full of the very clutter we removed). */
export type ArticleDraft = Omit<Article, 'removals'>;

const DRAFT: { [K in keyof ArticleDraft]-?: Field<ArticleDraft[K]> } = {
  url: text(LIMITS.urlLength),
  canonicalUrl: textOrNull(LIMITS.urlLength),
  title: text(LIMITS.shortText),
  byline: textOrNull(LIMITS.shortText),
  siteName: textOrNull(LIMITS.shortText),
  publishedTime: textOrNull(LIMITS.dateLength),
  lang: textOrNull(LIMITS.langLength),
  dir: oneOf('ltr', 'rtl'),
  excerpt: textOrNull(LIMITS.shortText),
  html: text(LIMITS.htmlBytes),
  text: text(LIMITS.textBytes),
  wordCount: count,
  readingMinutes: count,
  leadImage: textOrNull(LIMITS.urlLength),
  listItems: optional(count),
  threadPosts: optional(count),
  acceptedPost: optional(count),
};

export const isArticleDraft = (v: unknown): v is ArticleDraft => hasFields(v, DRAFT);
