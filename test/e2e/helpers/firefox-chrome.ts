// Firefox's own window (the browser "chrome": toolbar, key bindings), reached over WebDriver BiDi
// with --remote-allow-system-access and `"moz:scope": "chrome"`. This is how the suite does what
// a user does outside the page, which BiDi input cannot: BiDi key presses go to the page, where
// Firefox never looks for extension shortcuts (checked: Alt+Shift+V sent to the page does
// nothing), and the extension's toolbar button is not in any page.
// - pressShortcut: real key events sent to the browser window through nsITextInputProcessor (the
//   way Firefox's own tests type), so Firefox's key handling finds the extension's binding, fires
//   commands.onCommand and grants activeTab, as a real press does;
// - clickToolbarButton: Firefox's action trigger (what a click on the button, or the
//   _execute_action shortcut, runs): grants activeTab and opens the real popup;
// - realPopup: that popup's document, reached from the driver through extension.getViews().
import type { Page } from 'puppeteer-core';
import { bidiSend, type LaunchedFirefox } from './firefox.js';
import { until } from './wait.js';

async function browserWindow(ff: LaunchedFirefox): Promise<string> {
  const tree = (await bidiSend(ff.browser, 'browsingContext.getTree', { 'moz:scope': 'chrome' })) as {
    result: { contexts: { context: string; url: string }[] };
  };
  const win = tree.result.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!win) throw new Error('no Firefox browser window over BiDi (is --remote-allow-system-access set?)');
  return win.context;
}

/** Evaluates `expression` (may be a promise) in Firefox's browser window; the result comes back through JSON. */
export async function inBrowserWindow<T>(ff: LaunchedFirefox, expression: string): Promise<T> {
  const context = await browserWindow(ff);
  const r = (await bidiSend(ff.browser, 'script.evaluate', {
    expression: `(async () => JSON.stringify(await (${expression}) ?? null))()`,
    target: { context },
    awaitPromise: true,
    resultOwnership: 'none',
  })) as { result: { type: string; result?: { value?: string }; exceptionDetails?: { text?: string } } };
  if (r.result.type !== 'success') throw new Error(`browser window: ${r.result.exceptionDetails?.text ?? JSON.stringify(r.result)}`);
  return JSON.parse(r.result.result?.value ?? 'null') as T;
}

const MODIFIERS: Record<string, [key: string, code: string, keyCode: number]> = {
  Alt: ['Alt', 'AltLeft', 18],
  Shift: ['Shift', 'ShiftLeft', 16],
  Ctrl: ['Control', 'ControlLeft', 17],
  Command: ['Meta', 'MetaLeft', 224],
  MacCtrl: ['Control', 'ControlLeft', 17],
};

/** Key events for a manifest shortcut such as "Alt+Shift+V": [key, code, keyCode] in press order. */
export function shortcutKeys(shortcut: string): [string, string, number][] {
  const parts = shortcut.split('+');
  const last = parts.pop()!;
  if (!/^[A-Z0-9]$/.test(last)) throw new Error(`pressShortcut handles letter and digit keys, not "${last}"`);
  const mods = parts.map((m) => {
    const k = MODIFIERS[m];
    if (!k) throw new Error(`unknown modifier ${m} in ${shortcut}`);
    return k;
  });
  return [...mods, [last, /\d/.test(last) ? `Digit${last}` : `Key${last}`, last.charCodeAt(0)]];
}

/** Presses `shortcut` in the browser window, the page's tab selected, as a user would. */
export async function pressShortcut(ff: LaunchedFirefox, page: Page, shortcut: string): Promise<void> {
  await page.bringToFront();
  const keys = shortcutKeys(shortcut);
  // Keyboard focus on the page's tab in the tab strip: events sent to the browser window while
  // the (out-of-process) page has focus go on to the page without Firefox's shortcut lookup.
  await inBrowserWindow(ff, `(() => {
    gBrowser.selectedTab.focus();
    const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
    if (!tip.beginInputTransactionForTests(window)) throw new Error('no input transaction');
    const events = ${JSON.stringify(keys)}.map(([key, code, keyCode]) => new KeyboardEvent('', { key, code, keyCode }));
    for (const e of events) tip.keydown(e);
    for (const e of events.reverse()) tip.keyup(e);
    return true;
  })()`);
  await page.bringToFront(); // focus back in the page, for the keys that follow
}

/** Activates Readwell's toolbar button for the page's tab (in front), as a click on it does. */
export async function clickToolbarButton(ff: LaunchedFirefox, page: Page): Promise<void> {
  // A click while the popup is open closes it; headless, a popup stays open when focus moves on
  // (the user would have clicked elsewhere), so close the last one first.
  await closeRealPopup(ff);
  await page.bringToFront();
  await inBrowserWindow(ff, `(async () => {
    const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
    const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(ff.geckoId)});
    await ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
    return true;
  })()`);
}

const popupViews = () => (globalThis as unknown as { browser: { extension: { getViews(o: object): Window[] } } }).browser.extension.getViews({ type: 'popup' });

/** Closes the real popup if one is open (window.close() in a popup closes its panel). */
export async function closeRealPopup(ff: LaunchedFirefox): Promise<void> {
  const open = () => ff.driver.evaluate(`(${popupViews})().length`) as Promise<number>;
  if (!(await open())) return;
  await ff.driver.evaluate(`(${popupViews})().forEach((w) => w.close())`);
  await until('the popup to close', async () => (await open()) === 0);
}

/**
 * Waits for the real popup (opened by clickToolbarButton) to know its tab, then clicks `testid`
 * in it. The popup's document is reached from the driver (same extension, same process) through
 * extension.getViews({type: 'popup'}); the click is a DOM click, the gesture that counts
 * (activeTab) was the toolbar button's. Returns the popup's status line.
 */
export async function clickInRealPopup(ff: LaunchedFirefox, testid: string): Promise<string> {
  const find = (id: string) => {
    const views = (globalThis as unknown as { browser: { extension: { getViews(o: object): Window[] } } }).browser.extension.getViews({ type: 'popup' });
    const button = views[0]?.document.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`);
    const status = views[0]?.document.querySelector('[data-testid="popup-status"]')?.textContent ?? '';
    // Thrown, so that a timeout says what the popup showed.
    if (!button || button.disabled || /Checking/.test(status)) throw new Error(`${views.length} popup(s); ${id}: ${button ? (button.disabled ? 'disabled' : 'enabled') : 'missing'}; status: ${status}`);
    button.click();
    return status;
  };
  return until(`the real popup to offer ${testid}`, () => ff.driver.evaluate(find, testid), 10_000);
}

/** The text of `testid` in the real popup (or, with `attribute`, that attribute: 'true'/'false' for a boolean one), once the popup is open. */
export async function realPopupText(ff: LaunchedFirefox, testid: string, attribute?: string): Promise<string> {
  const read = ([id, attr]: [string, string | null]) => {
    const views = (globalThis as unknown as { browser: { extension: { getViews(o: object): Window[] } } }).browser.extension.getViews({ type: 'popup' });
    const el = views[0]?.document.querySelector(`[data-testid="${id}"]`);
    if (!el) return null;
    if (attr === null) return el.textContent ?? '';
    return el.hasAttribute(attr) ? el.getAttribute(attr) || 'true' : 'false';
  };
  return until('the real popup', () => ff.driver.evaluate(read, [testid, attribute ?? null] as [string, string | null]).then((s) => s ?? undefined), 10_000);
}

/**
 * Starts collecting Content Security Policy reports from every process, as Firefox's console
 * service (the Browser Console) gets them. BiDi preload scripts do not run in moz-extension://
 * pages, so a `securitypolicyviolation` listener cannot be put there before they load.
 */
export async function watchCspReports(ff: LaunchedFirefox): Promise<void> {
  await inBrowserWindow(ff, `(() => {
    if (window.__readwellCsp) return true;
    const seen = (window.__readwellCsp = []);
    Services.console.registerListener((m) => {
      let e = null;
      try { e = m.QueryInterface(Ci.nsIScriptError); } catch { return; }
      if (/^CSP/.test(e.category)) seen.push(e.sourceName + ': ' + e.errorMessage.slice(0, 300));
    });
    return true;
  })()`);
}

/** The CSP reports collected since watchCspReports from documents at `origin`. */
export function cspReports(ff: LaunchedFirefox, origin: string): Promise<string[]> {
  return inBrowserWindow<string[]>(ff, `window.__readwellCsp.filter((t) => t.startsWith(${JSON.stringify(origin)}))`);
}
