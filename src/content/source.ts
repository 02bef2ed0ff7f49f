// What the reader shows for this page: the extracted article, or (with no article) the user's
// selection, or a message. Also turns either into the draft the library saves.
import { extractArticle, toPlainText, wordStats, type Article, type ExtractResult } from '../core/index';
import type { ArticleDraft, ErrorCode } from '../platform/messages';
import type { ReaderView } from './header';
import { pageSelection } from './selection';

export type Extract = (doc: Document, url: string) => ExtractResult;
export const defaultExtract: Extract = (doc, url) => extractArticle(doc, url, { useLayout: true });

export const PDF_MESSAGE = 'Reader view cannot read PDFs shown in the browser’s PDF viewer.';

export type Source =
  | { ok: true; view: ReaderView; article: Article | null; content: DocumentFragment }
  | { ok: false; code: ErrorCode; message: string; hasSelection: boolean };

export function readPage(doc: Document, url: string, extract: Extract, allowSelection: boolean): Source {
  if (doc.contentType === 'application/pdf') return { ok: false, code: 'restricted', message: PDF_MESSAGE, hasSelection: false };
  const result = extract(doc, url);
  if (result.ok) return { ok: true, view: articleView(result.article, result.content), article: result.article, content: result.content };
  const selection = result.reason === 'no-article' ? pageSelection(doc) : null;
  if (selection && allowSelection) return { ok: true, view: selectionView(doc, selection), article: null, content: selection };
  return { ok: false, code: result.reason === 'too-large' ? 'too-large' : result.reason === 'no-article' ? 'no-article' : 'error', message: result.message, hasSelection: !!selection };
}

export function articleView(a: Article, content: DocumentFragment): ReaderView {
  return { kind: 'article', title: a.title, byline: a.byline, siteName: a.siteName, publishedTime: a.publishedTime,
    readingMinutes: a.readingMinutes, wordCount: a.wordCount, leadImage: a.leadImage, lang: a.lang, dir: a.dir, content };
}

export function selectionView(doc: Document, content: DocumentFragment): ReaderView {
  const stats = wordStats(toPlainText(content));
  return { kind: 'selection', title: doc.title.trim() || 'Selection', readingMinutes: stats.readingMinutes, wordCount: stats.words,
    lang: doc.documentElement.lang || null, dir: pageDir(doc), content };
}

export function messageView(message: string): ReaderView {
  return { kind: 'message', title: 'Readwell', message };
}

function pageDir(doc: Document): 'ltr' | 'rtl' {
  return (doc.documentElement.dir || doc.body?.dir || '').toLowerCase() === 'rtl' ? 'rtl' : 'ltr';
}

export function toDraft(url: string, article: Article | null, view: ReaderView, content: DocumentFragment): ArticleDraft {
  if (article) {
    const { removals: _removals, ...draft } = article;
    return draft;
  }
  const box = content.ownerDocument.createElement('div');
  box.append(content.cloneNode(true));
  const text = toPlainText(content).trim();
  return { url, canonicalUrl: /^https?:/i.test(url) ? url : null, title: view.title, byline: null, siteName: null, publishedTime: null,
    lang: view.lang ?? null, dir: view.dir ?? 'ltr', excerpt: null, html: box.innerHTML, text, wordCount: view.wordCount ?? 0,
    readingMinutes: view.readingMinutes ?? 1, leadImage: null };
}
