// Saving articles from the background, as routes for router.ts: `save-tab` (popup, and the
// context menu through menus.ts) asks the tab's content script for its article; `save-draft`
// (the reader's `s` key) stores what the content script sent. The URL stored is always the tab's
// location as the browser reports it, never what the page says about itself (<base>, og:url, or
// the draft's own url field). `open-library` is handlers/open-library.ts.
import { StoreError, openArticleStore, type ArticleStore } from '../platform/article-store';
import { fail, ok, type ArticleDraft, type Reply, type SaveResult } from '../platform/messages';
import { SAVE_MESSAGES } from '../shared/save-result';
import { withContent } from './access';
import type { RequestOrigin } from './context';
import type { Routes } from './router';

const SAVABLE = /^(https?|file):/i;
const CHANGED = 'The page changed before Readwell could save it. Try again.';

async function store(open: () => Promise<ArticleStore>, url: string, draft: ArticleDraft): Promise<Reply<SaveResult>> {
  try {
    const { record, updated } = await (await open()).saveDraft(draft, url);
    return ok({ id: record.id, updated, title: record.title });
  } catch (e) {
    if (e instanceof StoreError) return fail(e.code === 'not-found' ? 'error' : e.code, e.message);
    return fail('error', `${SAVE_MESSAGES.failed} (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** `open` gives the library database; the default opens it once per service-worker life. */
export function createSaveHandlers(open: () => Promise<ArticleStore>): Pick<Routes, 'save-tab' | 'save-draft'> {
  return {
    'save-tab': async (m, ctx) => {
      const url = await ctx.tabUrl(m.tabId).catch(() => undefined);
      const draft = await withContent(ctx, m.tabId, () => ctx.sendToTab(m.tabId, { type: 'reader-draft' }));
      if (!draft.ok) return draft;
      if (!url || !SAVABLE.test(url)) return fail('restricted', SAVE_MESSAGES.restricted);
      // The article must be the one at `url`: a navigation while extracting would mislabel it.
      if ((await ctx.tabUrl(m.tabId).catch(() => undefined)) !== url) return fail('error', CHANGED);
      return store(open, url, draft.value);
    },

    'save-draft': async (m, ctx, origin) => {
      if (origin.kind !== 'content-script' || origin.tabId === undefined) return fail('invalid', SAVE_MESSAGES.noTab);
      const url = senderTabUrl(origin) ?? (await ctx.tabUrl(origin.tabId).catch(() => undefined));
      if (!url || !SAVABLE.test(url)) return fail('restricted', SAVE_MESSAGES.restricted);
      return store(open, url, m.draft);
    },
  };
}

/**
 * `sender.tab.url` when the router passes it along (see the note in the report of issue 4);
 * otherwise the handler asks for the tab's URL, which is the same unless the tab navigated since.
 */
function senderTabUrl(origin: RequestOrigin): string | undefined {
  const url = (origin as RequestOrigin & { tabUrl?: unknown }).tabUrl;
  return typeof url === 'string' ? url : undefined;
}

let opened: Promise<ArticleStore> | null = null;

/** One connection per service-worker life; a failed open is retried on the next save. */
function sharedStore(): Promise<ArticleStore> {
  opened ??= openArticleStore().catch((e) => {
    opened = null;
    throw e;
  });
  return opened;
}

export const saveHandlers = createSaveHandlers(sharedStore);
