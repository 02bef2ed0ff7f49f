// The reader toggle's keyboard shortcut as the browser really bound it, for extension pages. The
// manifest only suggests a key: Chrome leaves it unbound when it clashes with one of its own
// shortcuts, and users change or clear it, so only commands.getAll() can say what works.
import browser from './polyfill';

/** The command name in manifest.json. */
export const TOGGLE_COMMAND = 'toggle-reader';

export interface ShortcutService {
  /** The bound key combination as the browser writes it ("Alt+Shift+V"), or '' for none. */
  bound(): Promise<string>;
  /** Opens the browser's page for changing extension shortcuts; false where none can be opened. */
  openSettings(): Promise<boolean>;
}

interface CommandsApi {
  getAll(): Promise<{ name?: string; shortcut?: string }[]>;
  /** Firefox 137+: opens about:addons at "Manage Extension Shortcuts" (no page may link there). */
  openShortcutSettings?(): Promise<void>;
}

export function shortcutService(): ShortcutService {
  const commands = browser.commands as unknown as CommandsApi;
  // Only Firefox has getBrowserInfo; a Firefox before 137 has no way in, so the popup explains.
  const firefox = typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
  return {
    async bound() {
      const all = await commands.getAll();
      return all.find((c) => c.name === TOGGLE_COMMAND)?.shortcut ?? '';
    },
    async openSettings() {
      try {
        if (typeof commands.openShortcutSettings === 'function') await commands.openShortcutSettings();
        else if (firefox) return false;
        // Chrome: extension pages may open chrome:// pages as tabs, though not follow links there.
        else await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
        return true;
      } catch {
        return false;
      }
    },
  };
}
