// Service worker. Listeners are registered at the top level, synchronously, so an event that
// wakes the worker finds them; everything else is routing (router.ts) into one handler per file.
import browser, { type Runtime } from '../platform/polyfill';
import type { BackgroundMessage } from '../platform/messages';
import { useBrowserStrings } from '../platform/i18n';
import { t } from '../shared/strings/t';
import { dispatch, run } from './router';
import { browserCtx } from './tabs';
import { DOCUMENT_PATTERNS, MENU_ITEMS, commandMessage, flagFor, menuMessage } from './menus';

useBrowserStrings(browser);
const ctx = browserCtx();
const me = () => ({ id: browser.runtime.id, origin: browser.runtime.getURL('/') });

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => dispatch(message, sender, me(), ctx));

/** A shortcut or menu click: run it, and flag the toolbar button if it failed. */
async function runForTab(message: BackgroundMessage | null, tabId: number | undefined) {
  if (!message || tabId === undefined || tabId < 0) return null;
  const reply = await run(message, ctx, { kind: 'internal' });
  await ctx.flagTab(tabId, flagFor(reply));
  return reply;
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}

browser.commands.onCommand.addListener(async (command, tab) => {
  const tabId = tab?.id ?? (await activeTabId());
  if (tabId !== undefined) await runForTab(commandMessage(command, tabId), tabId);
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  if (tab?.id !== undefined) void runForTab(menuMessage(String(info.menuItemId), tab.id), tab.id);
});

// Menus persist across worker restarts; (re)create them once per install or update.
browser.runtime.onInstalled.addListener(async () => {
  await browser.contextMenus.removeAll();
  for (const item of MENU_ITEMS) {
    browser.contextMenus.create({ id: item.id, title: t(item.title), contexts: [...item.contexts], documentUrlPatterns: DOCUMENT_PATTERNS });
  }
});

// For the browser tests (shortcuts and menus cannot be triggered headless): the same paths,
// callable with `sw.evaluate`. Reachable only from the worker's own global scope.
Object.assign(globalThis, {
  __readwell: {
    run: (message: BackgroundMessage) => run(message, ctx, { kind: 'internal' }),
    menu: (id: string, tabId: number) => runForTab(menuMessage(id, tabId), tabId),
    command: (name: string, tabId: number) => runForTab(commandMessage(name, tabId), tabId),
  },
});
