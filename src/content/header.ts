// The article's header inside the overlay: title, byline, and one meta line (site · date ·
// reading time), plus the lead image when the content does not already show it.
import type { Removal } from '../core/index';
import { t, tn, uiLang } from '../shared/strings/t';
import { showsPicture } from '../shared/saved-images';
import { h } from './dom';

export interface ReaderView {
  kind: 'article' | 'selection' | 'message';
  title: string;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  readingMinutes?: number;
  wordCount?: number;
  leadImage?: string | null;
  lang?: string | null;
  dir?: 'ltr' | 'rtl';
  /** Sanitized content (from the core), in any document; the overlay imports a copy. */
  content?: DocumentFragment;
  message?: string;
  /** Set when the page had no article and `content` is its list of links: how many. */
  listItems?: number;
  /** Set when `content` is a discussion's posts (one <article> a post): how many. */
  threadPosts?: number;
  /** On a Q&A page, which of the posts is the accepted answer. */
  acceptedPost?: number;
  /** What the clean rules took out of the page (an article only). */
  removals?: Removal[];
}

export const TITLE_ID = 'rw-title';

export function formatDate(iso: string | null | undefined, lang: string | null | undefined): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  try {
    return new Intl.DateTimeFormat(lang ?? undefined, { dateStyle: 'long' }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

export function metaParts(v: ReaderView): string[] {
  const parts: string[] = [];
  if (v.kind === 'selection') parts.push(t('reader_selection'));
  if (v.siteName) parts.push(v.siteName);
  const date = formatDate(v.publishedTime, v.lang);
  if (date) parts.push(date);
  // A list is scanned, not read: its note says how many links instead.
  if (v.readingMinutes && !v.listItems) parts.push(readingTime(v.readingMinutes, v.lang));
  return parts;
}

const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];

/**
 * How long the article takes to read, in the article's language like its date: the interface's
 * "N min read" when both are one language, else a duration in the article's (Intl's own unit
 * names: "2 минуты", "٣ دقائق"), so no English sits inside an Arabic article.
 */
export function readingTime(minutes: number, lang: string | null | undefined): string {
  if (lang && primary(lang) !== primary(uiLang())) {
    try {
      return new Intl.NumberFormat(lang, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(minutes);
    } catch {
      // not a language tag Intl knows: the interface's words
    }
  }
  return tn('min_read', minutes);
}

export function buildHeader(doc: Document, v: ReaderView): HTMLElement {
  const header = h(doc, 'header', {}, [h(doc, 'h1', { class: 'title', id: TITLE_ID, 'data-testid': 'reader-title' }, [v.title])]);
  // A list is not passed off as an article: the reader says what it shows.
  if (v.listItems) header.append(h(doc, 'p', { class: 'note', 'data-testid': 'reader-list-note' }, [tn('reader_list', v.listItems)]));
  if (v.threadPosts) header.append(h(doc, 'p', { class: 'note', 'data-testid': 'reader-thread-note' }, [tn('reader_thread', v.threadPosts)]));
  if (v.byline) header.append(h(doc, 'p', { class: 'byline', 'data-testid': 'reader-byline' }, [v.byline]));
  // Each part isolated (<bdi>), so "1 min read" stays whole inside a right-to-left article.
  const parts = metaParts(v).flatMap((part, i) => (i ? [' · ', h(doc, 'bdi', {}, [part])] : [h(doc, 'bdi', {}, [part])]));
  if (parts.length) header.append(h(doc, 'p', { class: 'meta', 'data-testid': 'reader-meta' }, parts));
  return header;
}

/** The lead image as a figure, unless the article content already shows that picture (at any size). */
export function leadFigure(doc: Document, v: ReaderView, content: ParentNode): HTMLElement | null {
  if (!v.leadImage || !/^https?:/i.test(v.leadImage) || showsPicture(content, v.leadImage, doc.baseURI)) return null;
  const img = h(doc, 'img', { alt: '', decoding: 'async' });
  img.src = v.leadImage;
  return h(doc, 'figure', { class: 'lead' }, [img]);
}
