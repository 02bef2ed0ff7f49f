// The saved-article record: its one definition, the validator everything read from storage or
// from an import file goes through, and the rules for creating and re-saving a record.
// Storage and import files are user-reachable and outlive versions, so a record is rebuilt field
// by field from what was read, to what rendering needs: times a Date can show, bounded numbers
// and strings, metadata as clean single-line text, http(s) addresses. A wrong structural field
// rejects that record with a reason a person can act on, and never takes other records with it;
// display-only metadata is cleaned instead (an unreadable publication date becomes none).
// Straight from metadata.ts: core/index would pull the whole pipeline into the background bundle.
// Longer than 200 lines: the record's type and the only code allowed to produce one (validate,
// create, re-save) stay together, so no caller can build a record the validator never saw.
import { cleanText } from '../core/metadata';
import { HIGHLIGHT_LIMITS, mergeHighlights, validHighlight, type Highlight } from './highlights';
import { IMAGE_LIMITS, isImageHash, isImageType, type ImageRef } from './saved-images';
import { t } from './strings/t';

export interface ArticleRecord {
  id: string;
  /** Where the page really was (the tab's URL as the background saw it), never a page's claim. */
  url: string;
  canonicalUrl: string | null;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** An ISO 8601 date (as the core writes it), or null. */
  publishedTime: string | null;
  /** Milliseconds since the epoch. */
  savedAt: number;
  updatedAt: number;
  lang: string | null;
  dir: 'ltr' | 'rtl';
  /** Sanitized when extracted, and sanitized again whenever it is rendered. */
  html: string;
  text: string;
  wordCount: number;
  readingMinutes: number;
  excerpt: string | null;
  leadImage: string | null;
  tags: string[];
  /** How far the user has read, 0..1. */
  progress: number;
  /** The article's images kept with it (saved-images.ts), by the address its HTML names; none in records saved before version 4. */
  images: ImageRef[];
  /** The user's highlights and notes, in text order; none in records saved before version 4. */
  highlights: Highlight[];
}

/**
 * What an extraction hands over for saving (the protocol's ArticleDraft has this shape; shared
 * may not import platform, so the shape is restated here and TypeScript checks they agree).
 */
export type RecordDraft = Omit<ArticleRecord, 'id' | 'url' | 'savedAt' | 'updatedAt' | 'tags' | 'progress' | 'images' | 'highlights'>;

/** The one set of limits for article fields: records, and drafts as the protocol checks them. */
export const LIMITS = {
  idLength: 100,
  urlLength: 8_192,
  /** Title, byline, site name, excerpt. */
  shortText: 2_000,
  dateLength: 100,
  langLength: 40,
  htmlBytes: 8_000_000,
  textBytes: 4_000_000,
  tagLength: 40,
  tags: 30,
  /** 9999-12-31T23:59:59.999Z: the last time with a four-digit year (a Date reaches 275760). */
  maxTime: 253_402_300_799_999,
  /** Words in at most textBytes of text. */
  wordCount: 4_000_000,
  readingMinutes: 100_000,
} as const;

export type Validation<T> = { ok: true; value: T } | { ok: false; reason: string };

const LANG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8}){0,4}$/i;

/** http(s) and file pages are what a tab can show and Readwell can read. */
export function isSavableUrl(value: string): boolean {
  if (value.length > LIMITS.urlLength) return false;
  try {
    return ['http:', 'https:', 'file:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** A tag as stored: clean text (no controls or bidi overrides), lower case (tags are labels, not prose). */
export function normalizeTag(tag: string): string {
  return (cleanText(tag.normalize('NFC'), LIMITS.tagLength * 2) ?? '').toLowerCase().slice(0, LIMITS.tagLength).trim();
}

/** An http(s) address that parses (a prefix test let `https:` + anything through). */
export function isHttpUrl(value: string): boolean {
  if (value.length > LIMITS.urlLength) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** `2024-05-01`, `2024-05-01T10:00Z`, `2024-05-01T10:00:00.000+02:00`: a date the reader can show by its first ten characters. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** An ISO 8601 date with a four-digit year that parses, else null. */
export function isoDateOrNull(value: unknown): string | null {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return null;
  return Number.isNaN(Date.parse(value)) ? null : value;
}

class Invalid extends Error {}

function str(r: Record<string, unknown>, key: string, max: number, allowEmpty = true): string {
  const v = r[key];
  if (typeof v !== 'string') throw new Invalid(t('record_not_text', key));
  if (!allowEmpty && v.trim() === '') throw new Invalid(t('record_empty', key));
  if (v.length > max) throw new Invalid(t('record_too_long', key, max));
  return v;
}

function strOrNull(r: Record<string, unknown>, key: string, max: number): string | null {
  return r[key] === null || r[key] === undefined ? null : str(r, key, max);
}

/** Metadata shown as one line of text: bounded, then cleaned (cleaning never lengthens it). */
function meta(r: Record<string, unknown>, key: string): string | null {
  const v = strOrNull(r, key, LIMITS.shortText);
  return v === null ? null : cleanText(v, LIMITS.shortText);
}

function url(r: Record<string, unknown>, key: string): string {
  const v = str(r, key, LIMITS.urlLength, false);
  if (!isSavableUrl(v)) throw new Invalid(t('record_not_address', key));
  return v;
}

/** Milliseconds from 1970 to the end of year 9999: a time `new Date` and every date format can show. */
function time(r: Record<string, unknown>, key: string): number {
  const v = r[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > LIMITS.maxTime) throw new Invalid(t('record_not_time', key));
  return v;
}

function count(r: Record<string, unknown>, key: string, max: number): number {
  const v = r[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new Invalid(t('record_not_count', key));
  if (v > max) throw new Invalid(t('record_too_large', key, max));
  return v;
}

function tags(r: Record<string, unknown>): string[] {
  const v = r.tags ?? [];
  if (!Array.isArray(v)) throw new Invalid(t('record_tags_not_list'));
  if (v.length > LIMITS.tags) throw new Invalid(t('record_tags_too_many', LIMITS.tags));
  for (const tag of v) {
    if (typeof tag !== 'string' || tag !== normalizeTag(tag) || tag === '') throw new Invalid(t('record_tag_invalid', JSON.stringify(tag)));
  }
  if (new Set(v).size !== v.length) throw new Invalid(t('record_tags_repeat'));
  return [...v] as string[];
}

function images(r: Record<string, unknown>): ImageRef[] {
  const v = r.images ?? [];
  if (!Array.isArray(v)) throw new Invalid(t('record_images_not_list'));
  if (v.length > IMAGE_LIMITS.perArticle) throw new Invalid(t('record_images_too_many', IMAGE_LIMITS.perArticle));
  const seen = new Set<string>();
  return v.map((entry: unknown): ImageRef => {
    const e = (entry && typeof entry === 'object' ? entry : {}) as Record<string, unknown>;
    const { url: address, hash, type, bytes } = e;
    const ok = typeof address === 'string' && isHttpUrl(address) && !seen.has(address) && isImageHash(hash) && isImageType(type) &&
      typeof bytes === 'number' && Number.isInteger(bytes) && bytes > 0 && bytes <= IMAGE_LIMITS.perImageBytes;
    if (!ok) throw new Invalid(t('record_image_invalid', JSON.stringify(typeof address === 'string' ? address.slice(0, 200) : address ?? null)));
    seen.add(address);
    return { url: address, hash, type, bytes };
  });
}

/** The highlights that pass their check, once each by id: a damaged one is dropped, never the article with it. */
function highlights(r: Record<string, unknown>): Highlight[] {
  const v = r.highlights ?? [];
  if (!Array.isArray(v)) throw new Invalid(t('record_highlights_not_list'));
  if (v.length > HIGHLIGHT_LIMITS.perArticle) throw new Invalid(t('record_highlights_too_many', HIGHLIGHT_LIMITS.perArticle));
  const seen = new Set<string>();
  return v.flatMap((entry: unknown) => {
    const h = validHighlight(entry, LIMITS.maxTime);
    if (!h || seen.has(h.id)) return [];
    seen.add(h.id);
    return [h];
  });
}

/** Whatever was read (storage, an import file) → a complete record, or why it is not one. */
export function validateRecord(input: unknown): Validation<ArticleRecord> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return { ok: false, reason: t('record_not_object') };
  const r = input as Record<string, unknown>;
  try {
    const dir = r.dir ?? 'ltr';
    if (dir !== 'ltr' && dir !== 'rtl') throw new Invalid(t('record_dir'));
    const lang = strOrNull(r, 'lang', LIMITS.langLength);
    if (lang !== null && !LANG.test(lang)) throw new Invalid(t('record_lang'));
    const progress = r.progress ?? 0;
    if (typeof progress !== 'number' || !(progress >= 0 && progress <= 1)) throw new Invalid(t('record_progress'));
    const canonical = strOrNull(r, 'canonicalUrl', LIMITS.urlLength);
    if (canonical !== null && !isHttpUrl(canonical)) throw new Invalid(t('record_not_web_address', 'canonicalUrl'));
    const leadImage = strOrNull(r, 'leadImage', LIMITS.urlLength);
    if (leadImage !== null && !isHttpUrl(leadImage)) throw new Invalid(t('record_not_web_address', 'leadImage'));
    const record: ArticleRecord = {
      id: str(r, 'id', LIMITS.idLength, false),
      url: url(r, 'url'),
      canonicalUrl: canonical,
      title: cleanText(str(r, 'title', LIMITS.shortText), LIMITS.shortText) ?? '',
      byline: meta(r, 'byline'),
      siteName: meta(r, 'siteName'),
      publishedTime: isoDateOrNull(strOrNull(r, 'publishedTime', LIMITS.dateLength)),
      savedAt: time(r, 'savedAt'),
      updatedAt: time(r, 'updatedAt'),
      lang,
      dir,
      html: str(r, 'html', LIMITS.htmlBytes),
      text: str(r, 'text', LIMITS.textBytes),
      wordCount: count(r, 'wordCount', LIMITS.wordCount),
      readingMinutes: count(r, 'readingMinutes', LIMITS.readingMinutes),
      excerpt: meta(r, 'excerpt'),
      leadImage,
      tags: tags(r),
      progress,
      images: images(r),
      highlights: highlights(r),
    };
    if (record.updatedAt < record.savedAt) throw new Invalid(t('record_updated_early'));
    return { ok: true, value: record };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, reason: e.message };
    throw e;
  }
}

/**
 * A new record from a draft the content script produced. `url` is the tab's location as the
 * background saw it; the draft's own url is ignored because a page can lie about where it is.
 * Returns a reason when the draft cannot make a valid record.
 */
export function recordFromDraft(draft: RecordDraft, url: string, now: number, id: string, images: readonly ImageRef[] = []): Validation<ArticleRecord> {
  if (!draft || typeof draft !== 'object') return { ok: false, reason: t('record_no_article') };
  return validateRecord({
    id,
    url,
    canonicalUrl: draft.canonicalUrl && isHttpUrl(draft.canonicalUrl) ? draft.canonicalUrl : null,
    title: typeof draft.title === 'string' ? draft.title.trim().slice(0, LIMITS.shortText) : draft.title,
    byline: draft.byline,
    siteName: draft.siteName,
    publishedTime: draft.publishedTime,
    savedAt: now,
    updatedAt: now,
    lang: draft.lang && LANG.test(draft.lang) ? draft.lang : null,
    dir: draft.dir,
    html: draft.html,
    text: draft.text,
    wordCount: draft.wordCount,
    readingMinutes: draft.readingMinutes,
    excerpt: draft.excerpt,
    leadImage: draft.leadImage && isHttpUrl(draft.leadImage) ? draft.leadImage : null,
    tags: [],
    progress: 0,
    images,
    highlights: [],
  });
}

/** Saving a page again: fresh content, but the user's id, first save time, tags and progress stay. */
export function resave(existing: ArticleRecord, fresh: ArticleRecord): ArticleRecord {
  return {
    ...fresh,
    id: existing.id,
    savedAt: existing.savedAt,
    updatedAt: Math.max(fresh.updatedAt, existing.updatedAt),
    tags: existing.tags,
    progress: existing.progress,
    highlights: existing.highlights,
  };
}

/**
 * Two copies of the same article (an import meeting what is stored): the newer content wins,
 * the earliest save time and the user's tags from both are kept, and the id already stored stays
 * so links to the offline reader keep working.
 */
export function mergeRecords(stored: ArticleRecord, incoming: ArticleRecord): ArticleRecord {
  const newer = incoming.updatedAt > stored.updatedAt ? incoming : stored;
  const tagsUnion = [...new Set([...stored.tags, ...incoming.tags])].slice(0, LIMITS.tags);
  return {
    ...newer,
    id: stored.id,
    savedAt: Math.min(stored.savedAt, incoming.savedAt),
    updatedAt: Math.max(stored.updatedAt, incoming.updatedAt),
    tags: tagsUnion,
    highlights: mergeHighlights(newer.highlights, newer === stored ? incoming.highlights : stored.highlights),
  };
}

/** Field-by-field equality of two valid records (plain values, the tag list, the image list). */
export function sameRecord(a: ArticleRecord, b: ArticleRecord): boolean {
  const keys = Object.keys(a) as (keyof ArticleRecord)[];
  return keys.every((k) => {
    if (k === 'tags') return a.tags.length === b.tags.length && a.tags.every((t, i) => t === b.tags[i]);
    if (k === 'highlights') return JSON.stringify(a.highlights) === JSON.stringify(b.highlights);
    if (k === 'images') return a.images.length === b.images.length && a.images.every((x, i) => x.url === b.images[i]!.url && x.hash === b.images[i]!.hash);
    return a[k] === b[k];
  });
}
