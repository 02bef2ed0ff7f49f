// The article draft the content script hands over for saving, and its check. Its limits are the
// saved record's (shared/article-record.ts LIMITS), so a draft that passes here is never
// refused later for a length the protocol let through.
import type { Article } from '../core/index';
import { LIMITS } from '../shared/article-record';
import { IMAGE_LIMITS, type DraftImage } from '../shared/saved-images';
import { count, hasOnlyFields, hasFields, isObj, oneOf, optional, text, textOrNull, type Field } from './fields';

/**
 * The core's article without the removals log (diagnostics, and full of the very clutter we
 * removed), with the images the content script kept for reading offline and how many it could not.
 */
export type ArticleDraft = Omit<Article, 'removals'> & { images?: DraftImage[]; imagesSkipped?: number };

/** Base64 of the largest image one article may keep. */
const IMAGE_DATA = Math.ceil(IMAGE_LIMITS.perImageBytes / 3) * 4;
const draftImage = (v: unknown): v is DraftImage =>
  isObj(v) && hasOnlyFields(v, { url: text(LIMITS.urlLength), data: text(IMAGE_DATA) }) && /^https?:/i.test(v.url as string);
/** At most as many images as a record keeps, and no more bytes together than one article may hold. */
const draftImages: Field<DraftImage[]> = (v): v is DraftImage[] =>
  Array.isArray(v) && v.length <= IMAGE_LIMITS.perArticle && v.every(draftImage) &&
  v.reduce((sum: number, i: DraftImage) => sum + i.data.length, 0) <= Math.ceil(IMAGE_LIMITS.perArticleBytes / 3) * 4;

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
  images: optional(draftImages),
  imagesSkipped: optional(count),
};

export const isArticleDraft = (v: unknown): v is ArticleDraft => hasFields(v, DRAFT);
