// The browser side of the save handlers: tabs, on-demand injection of the content script, the
// library database. Kept apart from save-handlers.ts because the polyfill cannot load in Node.
import browser from '../platform/browser';
import { openArticleStore, type ArticleStore } from '../platform/article-store';
import { fail, type ArticleDraft, type Reply } from '../platform/messages';
import { SAVE_MESSAGES } from '../shared/save-result';
import type { SaveDeps } from './save-handlers';

const MISSING_RECEIVER = /receiving end does not exist|could not establish connection|no matching message handler/i;
const CANNOT_SCRIPT = /cannot access|cannot be scripted|missing host permission|extensions gallery|chrome-extension|permission/i;

async function askContent(tabId: number): Promise<Reply<ArticleDraft> | undefined> {
  return (await browser.tabs.sendMessage(tabId, { type: 'reader-draft' })) as Reply<ArticleDraft> | undefined;
}

async function requestDraft(tabId: number): Promise<Reply<ArticleDraft>> {
  let reply: Reply<ArticleDraft> | undefined;
  try {
    reply = await askContent(tabId);
  } catch (e) {
    if (!MISSING_RECEIVER.test(String(e))) return fail('error', `${SAVE_MESSAGES.failed} (${String(e)})`);
    // The content script is injected on demand; this tab does not have it yet.
    try {
      await browser.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
      reply = await askContent(tabId);
    } catch (err) {
      return CANNOT_SCRIPT.test(String(err)) ? fail('restricted', SAVE_MESSAGES.restricted) : fail('error', `${SAVE_MESSAGES.failed} (${String(err)})`);
    }
  }
  return reply ?? fail('error', SAVE_MESSAGES.failed);
}

let opened: Promise<ArticleStore> | null = null;

export function browserSaveDeps(): SaveDeps {
  return {
    store() {
      // One connection per service-worker life; a failed open is retried on the next save.
      opened ??= openArticleStore().catch((e) => {
        opened = null;
        throw e;
      });
      return opened;
    },
    async tabUrl(tabId) {
      return (await browser.tabs.get(tabId)).url;
    },
    requestDraft,
    async openTab(url) {
      await browser.tabs.create({ url });
    },
    libraryUrl: () => browser.runtime.getURL('library.html'),
  };
}
