// The one message protocol between Readwell's contexts, typed per direction. Each request type
// maps to its payload and its reply; replies are always `Reply<T>` so errors cross contexts as
// data with a code and a message a person can read, never as thrown exceptions.
//
//   popup / library / content ──► background : BackgroundRequests
//   background ──► content script (in a tab)  : ContentRequests

import type { Article } from '../core/index';

export type CopyFormat = 'text' | 'markdown' | 'html';

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

/**
 * A clean article as the content script hands it over for saving: the core's article without the
 * removals log (diagnostics, and full of the very clutter we removed).
 */
export type ArticleDraft = Omit<Article, 'removals'>;

export interface SaveResult {
  id: string;
  /** True when a record for the same URL already existed and was updated. */
  updated: boolean;
  title: string;
}

export interface BackgroundRequests {
  'tab-status': { request: { tabId: number }; reply: TabStatus };
  /** `allowSelection` (default true): with no article, show the user's selection instead. */
  'toggle-reader': { request: { tabId: number; allowSelection?: boolean }; reply: ReaderStatus };
  'copy-article': { request: { tabId: number; format: CopyFormat }; reply: CopyResult };
  'save-tab': { request: { tabId: number }; reply: SaveResult };
  /** From the content script (the `s` key in the reader): store this draft. */
  'save-draft': { request: { draft: ArticleDraft }; reply: SaveResult };
  'open-library': { request: Record<never, never>; reply: null };
}

export interface ContentRequests {
  'reader-toggle': { request: { allowSelection: boolean }; reply: ReaderStatus };
  'reader-status': { request: Record<never, never>; reply: ReaderStatus };
  'reader-copy': { request: { format: CopyFormat }; reply: CopyResult };
  'reader-draft': { request: Record<never, never>; reply: ArticleDraft };
}

export type BackgroundMessage = { [K in keyof BackgroundRequests]: { type: K } & BackgroundRequests[K]['request'] }[keyof BackgroundRequests];
export type ContentMessage = { [K in keyof ContentRequests]: { type: K } & ContentRequests[K]['request'] }[keyof ContentRequests];

export function fail(code: ErrorCode, message: string, extra: Omit<ReplyError, 'code' | 'message'> = {}): { ok: false; error: ReplyError } {
  return { ok: false, error: { code, message, ...extra } };
}

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** The reply type of a request, by message type, for either direction. */
export type ReplyOf<K extends keyof BackgroundRequests | keyof ContentRequests> = Reply<
  K extends keyof BackgroundRequests ? BackgroundRequests[K]['reply'] : K extends keyof ContentRequests ? ContentRequests[K]['reply'] : never
>;

export const STALE_MESSAGE = 'Readwell was updated — reload the page';
