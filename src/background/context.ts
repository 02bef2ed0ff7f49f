// What handlers may do with the browser and the library, as one small interface. index.ts builds
// it from the polyfill (tabs.ts); tests pass fakes, so no handler needs the real extension APIs.
import type { ArticleStore } from '../platform/article-store';
import type { ContentMessage, ContentRequests, Reply, SenderKind } from '../platform/messages';

export interface BackgroundCtx {
  /** The tab's URL when the extension may know it (activeTab granted or host permission). */
  tabUrl(tabId: number): Promise<string | undefined>;
  fileAccess(): Promise<boolean>;
  /** True when our content script is already running in the tab. Throws if the tab is off limits. */
  probe(tabId: number): Promise<boolean>;
  /** Injects content.js (idempotent). Throws if the tab is off limits. */
  inject(tabId: number): Promise<void>;
  sendToTab<K extends keyof ContentRequests>(tabId: number, message: Extract<ContentMessage, { type: K }>): Promise<Reply<ContentRequests[K]['reply']>>;
  openTab(path: string): Promise<void>;
  /** Marks the toolbar button of a tab with a failure the user could not otherwise see. */
  flagTab(tabId: number, message: string | null): Promise<void>;
  /** A file of the extension's own package, by its path there (the reading fonts). */
  packagedFile(path: string): Promise<ArrayBuffer>;
  /** The library database (save-tab, save-draft). */
  articles(): Promise<ArticleStore>;
}

/**
 * Who asked: `tabId` and `tabUrl` are the sending content script's tab as the browser reports
 * it (never what the page claims), if a content script asked.
 */
export interface RequestOrigin {
  kind: Exclude<SenderKind, 'foreign'> | 'internal';
  tabId?: number;
  tabUrl?: string;
}
