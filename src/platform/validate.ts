// Shape and sender checks for every message a context receives. Messages cross a trust
// boundary (a content script lives inside a web page), so each field is checked here rather
// than trusted by type; anything else is rejected before a handler sees it. Pure: no polyfill,
// so tests and every context can use it.
import type { ArticleDraft, BackgroundMessage, ContentMessage, CopyFormat } from './messages';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTabId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isFormat = (v: unknown): v is CopyFormat => v === 'text' || v === 'markdown' || v === 'html';
const isStr = (v: unknown, max = 10_000_000): v is string => typeof v === 'string' && v.length <= max;
const strOrNull = (v: unknown, max = 2048) => v === null || isStr(v, max);
const count = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Only these keys may appear on a message of each type (besides `type`). */
function onlyKeys(m: Obj, allowed: string[]): boolean {
  return Object.keys(m).every((k) => k === 'type' || allowed.includes(k));
}

export function isArticleDraft(d: unknown): d is ArticleDraft {
  return isObj(d) && isStr(d.url, 8192) && strOrNull(d.canonicalUrl, 8192) && isStr(d.title, 1000)
    && strOrNull(d.byline) && strOrNull(d.siteName) && strOrNull(d.publishedTime, 100) && strOrNull(d.lang, 100)
    && (d.dir === 'ltr' || d.dir === 'rtl') && strOrNull(d.excerpt, 4000) && isStr(d.html) && isStr(d.text)
    && count(d.wordCount) && count(d.readingMinutes) && strOrNull(d.leadImage, 8192);
}

/** A request for the background, or null when it is malformed. */
export function parseBackgroundMessage(m: unknown): BackgroundMessage | null {
  if (!isObj(m)) return null;
  switch (m.type) {
    case 'tab-status':
    case 'save-tab':
      return isTabId(m.tabId) && onlyKeys(m, ['tabId']) ? (m as BackgroundMessage) : null;
    case 'toggle-reader':
      return isTabId(m.tabId) && (m.allowSelection === undefined || typeof m.allowSelection === 'boolean')
        && onlyKeys(m, ['tabId', 'allowSelection']) ? (m as BackgroundMessage) : null;
    case 'copy-article':
      return isTabId(m.tabId) && isFormat(m.format) && onlyKeys(m, ['tabId', 'format']) ? (m as BackgroundMessage) : null;
    case 'save-draft':
      return isArticleDraft(m.draft) && onlyKeys(m, ['draft']) ? (m as BackgroundMessage) : null;
    case 'open-library':
      return onlyKeys(m, []) ? (m as BackgroundMessage) : null;
    default:
      return null;
  }
}

/** A request for the content script, or null when it is malformed. */
export function parseContentMessage(m: unknown): ContentMessage | null {
  if (!isObj(m)) return null;
  switch (m.type) {
    case 'reader-toggle':
      return typeof m.allowSelection === 'boolean' && onlyKeys(m, ['allowSelection']) ? (m as ContentMessage) : null;
    case 'reader-copy':
      return isFormat(m.format) && onlyKeys(m, ['format']) ? (m as ContentMessage) : null;
    case 'reader-status':
    case 'reader-draft':
      return onlyKeys(m, []) ? (m as ContentMessage) : null;
    default:
      return null;
  }
}

/** The parts of `runtime.MessageSender` the checks read. */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

export type SenderKind = 'extension-page' | 'content-script' | 'foreign';

/**
 * Who sent a message. Only this extension counts: `sender.id` must be our id. Our own pages
 * (popup, library, also when opened in a tab) have a URL in our origin; anything else with our
 * id is one of our content scripts, running inside a web page.
 */
export function classifySender(sender: SenderLike | undefined, runtimeId: string, ownOrigin: string): SenderKind {
  if (!sender || !runtimeId || sender.id !== runtimeId) return 'foreign';
  if (typeof sender.url === 'string' && sender.url.startsWith(ownOrigin)) return 'extension-page';
  return sender.tab ? 'content-script' : 'foreign';
}

/** What a content script may ask for: it speaks for its own page only. */
const CONTENT_SCRIPT_REQUESTS = new Set<BackgroundMessage['type']>(['save-draft', 'open-library']);

export function allowedFrom(kind: SenderKind, message: BackgroundMessage): boolean {
  if (kind === 'extension-page') return true;
  if (kind === 'content-script') return CONTENT_SCRIPT_REQUESTS.has(message.type);
  return false;
}
