// The real BackgroundCtx, over the polyfill: tab URLs, probing and injecting the content script,
// messaging a tab, opening our pages, and flagging the toolbar button; and the library database.
import browser from '../platform/polyfill';
import { t } from '../shared/strings/t';
import { sharedArticleStore } from './article-db';
import type { BackgroundCtx } from './context';

export function browserCtx(): BackgroundCtx {
  return {
    async tabUrl(tabId) {
      const tab = await browser.tabs.get(tabId);
      return tab.url || tab.pendingUrl || undefined;
    },
    fileAccess: () => browser.extension.isAllowedFileSchemeAccess(),
    async probe(tabId) {
      // Runs in the same isolated world as content.js, so it sees the script's marker.
      const [result] = await browser.scripting.executeScript({
        target: { tabId },
        // The marker is keyed by a symbol (see content/index.ts): a page element named like a
        // string key would answer through window's named access and fake a running script.
        func: () => Boolean((globalThis as unknown as Record<symbol, unknown>)[Symbol.for('readwell.content')]),
      });
      return result?.result === true;
    },
    async inject(tabId) {
      // content.js guards against running twice; re-injecting is cheap and always safe.
      await browser.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
    },
    async packagedFile(path) {
      const response = await fetch(browser.runtime.getURL(path));
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      return response.arrayBuffer();
    },
    sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message) as never,
    async openTab(path) {
      await browser.tabs.create({ url: browser.runtime.getURL(path) });
    },
    async flagTab(tabId, message) {
      await Promise.all([
        browser.action.setBadgeText({ tabId, text: message ? '!' : '' }),
        browser.action.setTitle({ tabId, title: message ? t('action_failed', message) : t('ext_name') }),
      ]).catch(() => undefined);
    },
    articles: sharedArticleStore,
  };
}
