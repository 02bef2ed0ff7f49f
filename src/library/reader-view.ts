// The offline reader's markup: a bar back to the library, then title, byline, site and date, a
// link to the original, and the saved article sanitized again here, at render time, through the
// core (stored HTML is data from disk or an import file, so it is not trusted as markup).
import { sanitizeHtml } from '../core/index';
import type { ArticleRecord } from '../shared/article-record';
import { markLongArticle, markThread } from '../shared/reader-theme';
import { t, tn } from '../shared/strings/t';
import { formatDate, h } from './dom';
import { savedLeadFigure, showSavedMedia } from './offline-media';

export interface ReaderElements {
  progress: HTMLElement;
  content: HTMLElement;
  /** A line in the bar for what the page has to say (a highlight not saved, highlights not shown). */
  status: HTMLElement;
}

/** `kept`: each kept image's page address → the blob: address of its stored bytes (offline-media.ts). */
export function renderArticle(doc: Document, r: ArticleRecord, kept: ReadonlyMap<string, string> = new Map()): ReaderElements {
  const title = r.title.trim() || t('untitled');
  doc.title = title;
  const progress = h(doc, 'span', { class: 'progress', 'aria-label': t('offline_progress') });
  const status = h(doc, 'span', { class: 'status', role: 'status', 'data-testid': 'reader-page-status' });
  const bar = h(doc, 'nav', { class: 'bar', 'aria-label': t('ext_name') }, [
    h(doc, 'a', { href: 'library.html' }, [t('offline_back')]),
    h(doc, 'span', { class: 'spacer' }, [status]),
    progress,
  ]);
  const byline = [r.byline, r.siteName].filter(Boolean).join(' · ');
  const dates = [r.publishedTime ? t('offline_published', r.publishedTime.slice(0, 10)) : null, t('offline_saved', formatDate(r.savedAt)), tn('min_read', r.readingMinutes)];
  const content = h(doc, 'div', { class: 'content', 'data-testid': 'reader-page-content' });
  let lead: HTMLElement | null = null;
  // In the sanitizer's inert document, before anything can start loading in this page. The lead
  // image first: it is compared with the content's own page addresses.
  const body = sanitizeHtml(r.html, doc, r.url, {
    prepare: (clean) => {
      lead = savedLeadFigure(doc, clean, r.leadImage, kept);
      showSavedMedia(doc, clean, kept, r.url);
    },
  });
  content.append(body);
  markLongArticle(content);
  markThread(content);
  const article = h(doc, 'article', { class: 'page', lang: r.lang, dir: r.dir }, [
    h(doc, 'h1', { class: 'title', 'data-testid': 'reader-page-title' }, [title]),
    byline ? h(doc, 'p', { class: 'byline' }, [byline]) : null,
    h(doc, 'p', { class: 'meta' }, [dates.filter(Boolean).join(' · '), ' · ', h(doc, 'a', { href: r.url, rel: 'noopener noreferrer' }, [t('original')])]),
    lead,
    content,
  ]);
  doc.body.replaceChildren(bar, h(doc, 'main', {}, [article]));
  return { progress, content, status };
}

export function renderMessage(doc: Document, text: string): void {
  doc.title = t('ext_name');
  doc.body.replaceChildren(
    h(doc, 'nav', { class: 'bar' }, [h(doc, 'a', { href: 'library.html' }, [t('offline_back')])]),
    h(doc, 'p', { class: 'message', role: 'alert' }, [text]),
  );
}
