// The one message protocol between Readwell's contexts. Each message is one declaration below: its
// fields (which give both its TypeScript type and its runtime check, fields.ts), its reply, and for
// requests to the background the senders that may make it; the background routes it to the
// handler file of the same name (background/handlers/<type>.ts). Replies are always `Reply<T>`, so
// errors cross contexts as data with a code and a message a person can read, never as exceptions.
//
//   popup / library / content ──► background : BACKGROUND_MESSAGES
//   background ──► content script (in a tab)  : CONTENT_MESSAGES

import { HIGHLIGHT_LIMITS, validHighlight, type Highlight } from '../shared/highlights';
import { type ArticleDraft, isArticleDraft } from './draft';
import { bool, oneOf, optional, tabId, type Field, type FieldsOf, type Shape } from './fields';
import { FONT_FILE_NAMES } from '../shared/fonts';
import type { CopyFormat } from '../shared/action-text';

export type { ArticleDraft } from './draft';
export type { CopyFormat } from '../shared/action-text';

export type ErrorCode =
  | 'restricted' //     a page the extension may not touch (browser pages, stores, PDF viewer)
  | 'no-article' //     nothing article-like and no selection
  | 'too-large' //      over the extraction budget
  | 'quota' //          storage is full; nothing was changed
  | 'stale' //          the extension was updated under this page's content script
  | 'invalid' //        a message or record that failed validation
  | 'not-found'
  | 'error';

export interface ReplyError {
  code: ErrorCode;
  message: string;
  /** With `no-article`: the page has a selection the reader could show instead. */
  hasSelection?: boolean;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ReplyError };

/** What the popup shows about the current tab. */
export interface TabStatus {
  /** False for pages the extension may not touch; `message` says why in plain words. */
  accessible: boolean;
  readerOpen: boolean;
  message?: string;
}

export interface ReaderStatus {
  open: boolean;
  /**
   * `article` normally; `selection` when the page had no article but the user selected text;
   * `message` when the overlay shows only a message (no article, page too large).
   */
  source?: 'article' | 'selection' | 'message';
  title?: string;
  /** With `article`: the page also has a selection, which the popup offers to read instead. */
  hasSelection?: boolean;
}

export interface CopyResult {
  format: CopyFormat;
  /** What was copied, for the confirmation ("Copied 1,204 words as Markdown"). */
  words: number;
  fromSelection: boolean;
  /**
   * False when the content script could not write the clipboard itself (no user gesture, no
   * permission); the clean payload is then in `text`/`html` so an extension page that does hold
   * a gesture (the popup) can write it.
   */
  copied: boolean;
  text?: string;
  html?: string;
}

export interface SaveResult {
  id: string;
  /** True when a record for the same URL already existed and was updated. */
  updated: boolean;
  title: string;
  /** Images of the article that could not be kept for offline reading (too large, refused, not a picture). */
  imagesSkipped?: number;
}

/** Who sent a request, as platform/validate.ts classifies the sender. */
export type SenderKind = 'extension-page' | 'content-script' | 'foreign';

/** A reply type carried by a declaration; there is nothing to check at runtime (we sent it). */
type ReplyMarker<T> = { readonly reply?: T };
const replies = <T>(): ReplyMarker<T> => ({});

interface Declaration {
  fields: Shape;
  reply: ReplyMarker<unknown>;
}
interface BackgroundDeclaration extends Declaration {
  /** Who may send it. The background itself (shortcut, menus) runs any message directly, with no sender. */
  from: readonly Exclude<SenderKind, 'foreign'>[];
}

const format = oneOf<CopyFormat>('text', 'markdown', 'html');
/** Names of the fonts the extension ships, each at most once: nothing else of the package can be read out. */
const fontFiles: Field<string[]> = (v): v is string[] =>
  Array.isArray(v) && v.length > 0 && new Set(v).size === v.length && v.every((f) => typeof f === 'string' && FONT_FILE_NAMES.includes(f));
/** A page's highlights as the content script sends them: each one checked as a stored one is. */
const highlightList: Field<Highlight[]> = (v): v is Highlight[] =>
  Array.isArray(v) && v.length <= HIGHLIGHT_LIMITS.perArticle && v.every((h) => validHighlight(h, Number.MAX_SAFE_INTEGER) !== null);
/** Our own pages: the popup, the library, the offline reader. */
const PAGES = ['extension-page'] as const;

export const BACKGROUND_MESSAGES = {
  'tab-status': { fields: { tabId }, reply: replies<TabStatus>(), from: PAGES },
  /**
   * `allowSelection` (default true): with no article, show the user's selection instead;
   * `preferSelection`: show the selection even where there is an article.
   */
  'toggle-reader': { fields: { tabId, allowSelection: optional(bool), preferSelection: optional(bool) }, reply: replies<ReaderStatus>(), from: PAGES },
  'copy-article': { fields: { tabId, format }, reply: replies<CopyResult>(), from: PAGES },
  'save-tab': { fields: { tabId }, reply: replies<SaveResult>(), from: PAGES },
  /** From the content script (the `s` key in the reader): store this draft. It speaks for its own page only. */
  'save-draft': { fields: { draft: isArticleDraft }, reply: replies<SaveResult>(), from: ['content-script'] },
  'open-library': { fields: {}, reply: replies<null>(), from: ['extension-page', 'content-script'] },
  /** From the content script: the highlights of its page's saved copy (null when the page is not saved). */
  'saved-highlights': { fields: {}, reply: replies<Highlight[] | null>(), from: ['content-script'] },
  /** From the content script: its page's highlights now (the saved copy's, replaced); `not-found` when the page is not saved. */
  'set-highlights': { fields: { highlights: highlightList }, reply: replies<null>(), from: ['content-script'] },
  /** From the content script: the reading fonts its overlay needs, base64 by file name (content/reader-fonts.ts says why). */
  'font-files': { fields: { files: fontFiles }, reply: replies<Record<string, string>>(), from: ['content-script'] },
} as const satisfies Record<string, BackgroundDeclaration>;

/** Only the background sends these (content/index.ts checks the sender). */
export const CONTENT_MESSAGES = {
  'reader-toggle': { fields: { allowSelection: bool, preferSelection: optional(bool) }, reply: replies<ReaderStatus>() },
  'reader-status': { fields: {}, reply: replies<ReaderStatus>() },
  'reader-copy': { fields: { format }, reply: replies<CopyResult>() },
  'reader-draft': { fields: {}, reply: replies<ArticleDraft>() },
} as const satisfies Record<string, Declaration>;

type Requests<D extends Record<string, Declaration>> = {
  [K in keyof D]: { request: FieldsOf<D[K]['fields']>; reply: D[K]['reply'] extends ReplyMarker<infer T> ? T : never };
};
export type BackgroundRequests = Requests<typeof BACKGROUND_MESSAGES>;
export type ContentRequests = Requests<typeof CONTENT_MESSAGES>;

export type BackgroundMessage = { [K in keyof BackgroundRequests]: { type: K } & BackgroundRequests[K]['request'] }[keyof BackgroundRequests];
export type ContentMessage = { [K in keyof ContentRequests]: { type: K } & ContentRequests[K]['request'] }[keyof ContentRequests];

export function fail(code: ErrorCode, message: string, extra: Omit<ReplyError, 'code' | 'message'> = {}): { ok: false; error: ReplyError } {
  return { ok: false, error: { code, message, ...extra } };
}

/**
 * Anything thrown, as an error reply: the one place errors become data. `doing` says what failed
 * ("Saving failed"), before the error's own text.
 */
export function failFrom(err: unknown, doing?: string): { ok: false; error: ReplyError } {
  const text = err instanceof Error ? err.message : String(err);
  return fail('error', doing ? `${doing} (${text})` : text);
}

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** The reply type of a request, by message type, for either direction. */
export type ReplyOf<K extends keyof BackgroundRequests | keyof ContentRequests> = Reply<
  K extends keyof BackgroundRequests ? BackgroundRequests[K]['reply'] : K extends keyof ContentRequests ? ContentRequests[K]['reply'] : never
>;
