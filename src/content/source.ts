// What the reader shows for this page: the extracted article, or (with no article) the user's
// selection, or a message. Also turns either into the draft the library saves. Every path that
// reads the page (reader, copy, save, selection mode) comes through readPage, so the extraction
// budget is checked before anything of the page is read or copied, selections included.
import { cleanText, extractArticle, toPlainText, validLang, wordStats, type Article, type ExtractResult, type Removal, type ZapRule } from '../core/index';
import { fromPrototype } from '../core/budget';
import type { ArticleDraft, ErrorCode } from '../platform/messages';
import { t } from '../shared/strings/t';
import type { ReaderView } from './header';
import { pageSelection } from './selection';

/** What the reader asked to have back: removals to leave in place, rules to skip (those acting after Readability). */
export interface Restore {
  spare: Removal[];
  disabledRules: string[];
  /** The blocks the user removed by hand on this site (zap-mode.ts), removed again. */
  zaps: ZapRule[];
}

export const NOTHING_RESTORED: Restore = { spare: [], disabledRules: [], zaps: [] };

export type Extract = (doc: Document, url: string, restore?: Restore) => ExtractResult;
export const defaultExtract: Extract = (doc, url, restore = NOTHING_RESTORED) => extractArticle(doc, url, { useLayout: true, ...restore });

/** The rules that cut the article after Readability chose it: no element of the page to spare, so the rule is skipped. */
const AFTER_CHOICE = new Set(['trailing-teasers', 'trailing-headings']);

/** `restore` plus `which`. */
export function restoring(restore: Restore, which: readonly Removal[]): Restore {
  const disabledRules = new Set(restore.disabledRules);
  const spare = [...restore.spare];
  for (const r of which) {
    if (AFTER_CHOICE.has(r.rule)) disabledRules.add(r.rule);
    else spare.push(r);
  }
  return { ...restore, spare, disabledRules: [...disabledRules] };
}

/**
 * What a selection on the page may do: `never` count; show as the reader when there is no
 * article (`fallback`); or show even when there is one (`prefer`: the user asked to read it).
 */
export type SelectionUse = 'never' | 'fallback' | 'prefer';

export type Source =
  /** `hasSelection`: an article is shown while the page has a selection, which the popup offers instead. */
  | { ok: true; view: ReaderView; article: Article | null; content: DocumentFragment; hasSelection?: boolean }
  | { ok: false; code: ErrorCode; message: string; hasSelection: boolean };

export function readPage(doc: Document, url: string, extract: Extract, use: SelectionUse, restore?: Restore): Source {
  // The background's words for a PDF it could tell by its address (background/restricted.ts).
  if (doc.contentType === 'application/pdf') return { ok: false, code: 'restricted', message: t('restricted_pdf'), hasSelection: false };
  const result = restore ? extract(doc, url, restore) : extract(doc, url);
  // The budget is checked (extract) before the selection is read, with or without an article.
  const selection = (result.ok ? use === 'prefer' : result.reason === 'no-article') ? pageSelection(doc) : null;
  if (selection && use !== 'never') return { ok: true, view: selectionView(doc, selection), article: null, content: selection };
  if (result.ok) {
    return { ok: true, view: articleView(result.article, result.content), article: result.article, content: result.content, hasSelection: use !== 'never' && hasPageSelection(doc) };
  }
  return { ok: false, code: result.reason, message: failureMessage(result), hasSelection: !!selection };
}

/**
 * The core says why it found no article by code, with an English message for the CLI; the
 * reader says it in the interface's words. The budget's detail (which limit, by how much) is
 * left to the CLI: to a reader "too large" is the whole story.
 */
function failureMessage(result: Exclude<ExtractResult, { ok: true }>): string {
  if (result.reason === 'too-large') return t('reader_too_large');
  if (result.reason === 'no-article') return t('reader_no_article');
  return t('reader_failed', result.message);
}

export function articleView(a: Article, content: DocumentFragment): ReaderView {
  return { kind: 'article', title: a.title, byline: a.byline, siteName: a.siteName, publishedTime: a.publishedTime,
    readingMinutes: a.readingMinutes, wordCount: a.wordCount, leadImage: a.leadImage, lang: a.lang, dir: a.dir, content,
    ...(a.listItems ? { listItems: a.listItems } : {}),
    ...(a.threadPosts ? { threadPosts: a.threadPosts } : {}),
    ...(a.acceptedPost !== undefined ? { acceptedPost: a.acceptedPost } : {}),
    ...(a.removals.length ? { removals: a.removals } : {}) };
}

/** Selection mode's title: the page's, cleaned like every extracted title (no controls or bidi overrides, 300 characters). */
const TITLE_MAX = 300;

export function selectionView(doc: Document, content: DocumentFragment): ReaderView {
  const stats = wordStats(toPlainText(content));
  // Through the prototypes: `<img name="title">` shadows document.title.
  const root = fromPrototype<Element | null>(doc, 'documentElement');
  return { kind: 'selection', title: cleanText(fromPrototype<string>(doc, 'title'), TITLE_MAX) ?? t('reader_selection'), readingMinutes: stats.readingMinutes,
    wordCount: stats.words, lang: validLang(root?.getAttribute('lang')), dir: pageDir(doc), content };
}

const words = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The page's selection when it lies inside the article: all of its text is article text. A page
 * script can select anything (the whole body, comments and all), and Readwell cannot tell a
 * selection the user made from one a script made; so a selection counts only when copying it
 * gives nothing the clean article does not hold. Otherwise the caller copies the article.
 */
export function selectionInArticle(doc: Document, article: Article): DocumentFragment | null {
  const selected = pageSelection(doc);
  if (!selected) return null;
  return words(article.text).includes(words(toPlainText(selected))) ? selected : null;
}

/** Whether the page has selected text, without copying any of it (the offer is only a button). */
function hasPageSelection(doc: Document): boolean {
  const sel = doc.getSelection();
  return !!sel && !sel.isCollapsed && sel.toString().trim() !== '';
}

export function messageView(message: string): ReaderView {
  return { kind: 'message', title: t('ext_name'), message };
}

function pageDir(doc: Document): 'ltr' | 'rtl' {
  const root = fromPrototype<Element | null>(doc, 'documentElement');
  const body = fromPrototype<HTMLElement | null>(doc, 'body');
  return (root?.getAttribute('dir') || body?.getAttribute('dir') || '').trim().toLowerCase() === 'rtl' ? 'rtl' : 'ltr';
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
