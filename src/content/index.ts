// Content script entry, injected on demand (scripting.executeScript files: ['content.js']).
// Injection may repeat, so it initializes once per live extension: a marker on the isolated
// world's global (under a symbol) says a listener is already here. A marker left by a stale copy
// (the extension was reloaded under this page) is replaced, after that copy closes its overlay.
import { contentScriptApi, onRequest } from '../platform/content-script';
import { parseContentMessage, classifySender } from '../platform/validate';
import { fail } from '../platform/messages';
import { useBrowserStrings } from '../platform/i18n';
import { t } from '../shared/strings/t';
import { createReader } from './controller';
import { writeClipboard } from './clipboard';
import { showPageToast, showPageWorking } from './page-toast';
import { handleContentMessage } from './handle-message';
import { readerFonts } from './reader-fonts';

interface Marker {
  alive(): boolean;
  dispose(): void;
}
// A symbol, not a name: the isolated world shares the page's DOM, and named access lets a page
// answer to any string name on window (`<div id="__readwellContent">`), which made injection
// throw. tabs.ts probes the same symbol.
const KEY = Symbol.for('readwell.content');
const scope = globalThis as unknown as Record<symbol, unknown>;
const found = scope[KEY] as Partial<Marker> | undefined;
const existing = found && typeof found.alive === 'function' && typeof found.dispose === 'function' ? (found as Marker) : undefined;

if (!existing || !existing.alive()) {
  existing?.dispose();
  // The namespace with a real runtime, even where the page clobbered `chrome` (content-script.ts).
  const { api, settingsStore, positionStore, zapStore, sendToBackground, runtimeAlive } = contentScriptApi();
  useBrowserStrings(api);
  const reader = createReader({
    doc: document,
    url: () => location.href,
    settings: settingsStore(),
    positions: positionStore(),
    zaps: zapStore(),
    saveDraft: (draft) => sendToBackground({ type: 'save-draft', draft }),
    highlights: {
      load: async () => {
        const reply = await sendToBackground({ type: 'saved-highlights' });
        return reply.ok ? reply.value : null;
      },
      save: (highlights) => sendToBackground({ type: 'set-highlights', highlights: [...highlights] }),
    },
    // The content script's own fetch (its world's, not the page's): the page's cookies and
    // origin apply, which is what lets it read the pictures the page itself shows.
    fetchImage: (input, init) => fetch(input, init),
    writeClipboard: (payload) => writeClipboard(document, payload),
    pageToast: (text) => showPageToast(document, text),
    pageWorking: (text) => showPageWorking(document, text),
    fonts: readerFonts(document, async (files) => {
      const reply = await sendToBackground({ type: 'font-files', files });
      return reply.ok ? reply.value : {};
    }),
  });
  const ownOrigin = api.runtime.getURL('/');
  const stopListening = onRequest(api, (message, sender) => {
    // Only our background speaks to us: our id, and not from a tab (content scripts of other
    // tabs cannot message tabs; pages cannot message us at all without externally_connectable).
    if (classifySender(sender, api.runtime.id ?? '', ownOrigin) === 'foreign' || sender.tab) return undefined;
    const parsed = parseContentMessage(message);
    if (!parsed) return Promise.resolve(fail('invalid', t('error_malformed')));
    return handleContentMessage(reader, parsed);
  });
  scope[KEY] = {
    alive: runtimeAlive,
    dispose: () => {
      reader.close();
      try {
        stopListening();
      } catch {
        // The old runtime is gone; its listener went with it.
      }
    },
  };
}
