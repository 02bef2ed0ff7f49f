// Popup entry: finds the target tab (`?tabId=N` when the popup is opened as a tab, as the
// browser tests do; else the active tab of this window) and wires the real services.
import { browser, sendToBackground, settingsStore, zapStore } from '../platform/extension-page';
import { useBrowserStrings } from '../platform/i18n';
import { localizePage } from '../shared/strings/localize-page';
import { t } from '../shared/strings/t';
import { shortcutService } from '../platform/shortcuts';
import { startPopup } from './popup';
import { mountSettingsForm } from './settings-form';
import { mountShortcut } from './shortcut';
import { mountSiteZaps } from './site-zaps';

async function targetTab(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** The tab's address, where the popup may read it (activeTab grants it for the tab the popup opened over). */
async function tabUrl(tabId: number): Promise<string | undefined> {
  try {
    return (await browser.tabs.get(tabId)).url;
  } catch {
    return undefined;
  }
}

async function writeClipboard(text: string, html?: string): Promise<boolean> {
  try {
    if (html && typeof ClipboardItem === 'function') {
      await navigator.clipboard.write([new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) })]);
    } else {
      await navigator.clipboard.writeText(text);
    }
    return true;
  } catch {
    return false;
  }
}

async function main() {
  useBrowserStrings(browser);
  localizePage(document);
  void mountSettingsForm(document.querySelector<HTMLElement>('[data-testid="popup-settings"]')!, settingsStore());
  void mountShortcut(document, shortcutService());
  const tabId = await targetTab();
  if (tabId === undefined) {
    document.querySelector('[data-testid="popup-status"]')!.textContent = t('popup_no_tab');
    return;
  }
  startPopup(document, { tabId, send: sendToBackground, writeClipboard });
  const zapSection = document.querySelector<HTMLElement>('[data-testid="popup-zaps"]')!;
  void tabUrl(tabId).then((url) => mountSiteZaps(document, zapSection, { url, zaps: zapStore() }));
}

void main();
