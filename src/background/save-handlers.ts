// Saving articles from the background: `save-tab` (popup, context menu) asks the tab's content
// script for its article, `save-draft` (the reader's `s` key) stores what the content script
// sent, `open-library` opens the library page. The URL stored is always the tab's location as the
// browser reports it, never what the page says about itself (<base>, og:url, the draft's url).
// Extension APIs come in through `SaveDeps` (save-browser.ts binds them), so tests run these
// handlers in Node.
import { StoreError, type ArticleStore } from '../platform/article-store';
import { fail, ok, type ArticleDraft, type Reply, type SaveResult } from '../platform/messages';
import { SAVE_MESSAGES } from '../shared/save-result';

export interface SaveDeps {
  store(): Promise<ArticleStore>;
  /** The tab's URL as the browser reports it; undefined when we may not see it. */
  tabUrl(tabId: number): Promise<string | undefined>;
  /** Asks the tab's content script (injecting it when needed) for the page's article. */
  requestDraft(tabId: number): Promise<Reply<ArticleDraft>>;
  openTab(url: string): Promise<void>;
  libraryUrl(): string;
}

/** The parts of `runtime.MessageSender` the handlers read. */
export interface SaveSender {
  tab?: { id?: number; url?: string };
  frameId?: number;
}

async function store(deps: SaveDeps, url: string, draft: ArticleDraft): Promise<Reply<SaveResult>> {
  try {
    const db = await deps.store();
    const { record, updated } = await db.saveDraft(draft, url);
    return ok({ id: record.id, updated, title: record.title });
  } catch (e) {
    if (e instanceof StoreError) return fail(e.code === 'not-found' ? 'error' : e.code, e.message);
    return fail('error', `${SAVE_MESSAGES.failed} (${e instanceof Error ? e.message : String(e)})`);
  }
}

export function createSaveHandlers(deps: SaveDeps) {
  const saveTab = async (tabId: number): Promise<Reply<SaveResult>> => {
    const url = await deps.tabUrl(tabId).catch(() => undefined);
    if (!url || !/^(https?|file):/i.test(url)) return fail('restricted', SAVE_MESSAGES.restricted);
    const draft = await deps.requestDraft(tabId);
    if (!draft.ok) return draft;
    return store(deps, url, draft.value);
  };

  return {
    'save-tab': (message: { tabId: number }): Promise<Reply<SaveResult>> => saveTab(message.tabId),

    'save-draft': async (message: { draft: ArticleDraft }, sender: SaveSender): Promise<Reply<SaveResult>> => {
      // Only a content script in a tab's top frame speaks for that tab's page.
      const url = sender.tab?.url;
      if (!url || (sender.frameId !== undefined && sender.frameId !== 0)) return fail('invalid', SAVE_MESSAGES.noTab);
      if (!/^(https?|file):/i.test(url)) return fail('restricted', SAVE_MESSAGES.restricted);
      return store(deps, url, message.draft);
    },

    'open-library': async (): Promise<Reply<null>> => {
      try {
        await deps.openTab(deps.libraryUrl());
        return ok(null);
      } catch (e) {
        return fail('error', `The library could not be opened (${e instanceof Error ? e.message : String(e)}).`);
      }
    },

    /** The context menu's "Save article" on `tab`. */
    saveFromMenu: (tab: { id?: number } | undefined): Promise<Reply<SaveResult>> =>
      tab?.id === undefined ? Promise.resolve(fail('restricted', SAVE_MESSAGES.restricted)) : saveTab(tab.id),
  };
}

/** The context-menu entry; the background's menu setup creates it and routes clicks to saveFromMenu. */
export const SAVE_MENU_ITEM = { id: 'readwell-save-article', title: 'Save article', contexts: ['page', 'selection'] } as const;
