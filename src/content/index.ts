// Content script entry, injected on demand (scripting.executeScript files: ['content.js']).
// Injection may repeat, so it initializes once per live extension: a marker on the isolated
// world's global says a listener is already here. A marker left by a stale copy (the extension
// was reloaded under this page) is replaced, after that copy closes its overlay.
import browser from '../platform/browser';
import { settingsStore, sendToBackground, runtimeAlive } from '../platform/extension';
import { parseContentMessage, classifySender } from '../platform/validate';
import { fail } from '../platform/messages';
import { createReader } from './controller';
import { writeClipboard } from './clipboard';
import { showPageToast } from './page-toast';
import { handleContentMessage } from './handle-message';

interface Marker {
  alive(): boolean;
  dispose(): void;
}
const KEY = '__readwellContent';
const scope = globalThis as unknown as Record<string, Marker | undefined>;
const existing = scope[KEY];

if (!existing || !existing.alive()) {
  existing?.dispose();
  const reader = createReader({
    doc: document,
    url: () => location.href,
    settings: settingsStore(),
    saveDraft: (draft) => sendToBackground({ type: 'save-draft', draft }),
    writeClipboard: (payload) => writeClipboard(document, payload),
    pageToast: (text) => showPageToast(document, text),
  });
  const ownOrigin = browser.runtime.getURL('/');
  const listener = (message: unknown, sender: browser.Runtime.MessageSender) => {
    // Only our background speaks to us: our id, and not from a tab (content scripts of other
    // tabs cannot message tabs; pages cannot message us at all without externally_connectable).
    if (classifySender(sender, browser.runtime.id, ownOrigin) === 'foreign' || sender.tab) return undefined;
    const parsed = parseContentMessage(message);
    if (!parsed) return Promise.resolve(fail('invalid', 'Malformed request'));
    return handleContentMessage(reader, parsed);
  };
  browser.runtime.onMessage.addListener(listener);
  scope[KEY] = {
    alive: runtimeAlive,
    dispose: () => {
      reader.close();
      try {
        browser.runtime.onMessage.removeListener(listener);
      } catch {
        // The old runtime is gone; its listener went with it.
      }
    },
  };
}
