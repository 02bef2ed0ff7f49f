// Driving the content script the way the background does (scripting.executeScript, then a typed
// `reader-*` message to the tab), from the service worker of the test build (dist/chrome-test,
// which may inject into 127.0.0.1 without a gesture). Used for the overlay's own behaviour; the
// user paths (toolbar button, popup) have their own tests.
import type { Page } from 'playwright-core';
import { tabIdOf, type Launched } from './chromium.js';

declare const chrome: {
  scripting: { executeScript(o: { target: { tabId: number }; files: string[] }): Promise<unknown> };
  tabs: { sendMessage(tabId: number, m: unknown): Promise<unknown> };
};

export async function contentRequest<T = unknown>(l: Launched, page: Page, message: { type: string } & Record<string, unknown>): Promise<T> {
  const tabId = await tabIdOf(l, page);
  return (await l.sw.evaluate(
    async ([id, m]) => {
      await chrome.scripting.executeScript({ target: { tabId: id }, files: ['content.js'] });
      return chrome.tabs.sendMessage(id, m);
    },
    [tabId, message] as const,
  )) as T;
}

export const toggleDirect = (l: Launched, page: Page) =>
  contentRequest<{ ok: boolean; value?: { open: boolean; source?: string }; error?: { code: string; message: string } }>(l, page, { type: 'reader-toggle', allowSelection: true });
