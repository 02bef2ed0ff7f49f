// Context-menu items and the keyboard command, each mapped to the same message the popup would
// send, so they share its handlers. Failures the user cannot see otherwise (a restricted page
// has no room for an overlay) flag the toolbar button with the reason.
import type { BackgroundMessage, Reply } from '../platform/messages';
import type { PlainKey } from '../shared/strings/t';

/** `title`: the item's words, a catalogue key (index.ts creates the items with t(title)). */
export const MENU_ITEMS = [
  { id: 'open-reader', title: 'menu_open_reader', contexts: ['page', 'selection'] },
  { id: 'copy-markdown', title: 'menu_copy_markdown', contexts: ['page', 'selection'] },
  { id: 'copy-text', title: 'copy_article_text', contexts: ['page', 'selection'] },
  { id: 'save-article', title: 'menu_save_article', contexts: ['page'] },
] as const satisfies readonly { id: string; title: PlainKey; contexts: readonly string[] }[];

/** Only pages Readwell can read get the items. */
export const DOCUMENT_PATTERNS = ['http://*/*', 'https://*/*', 'file:///*'];

export function menuMessage(id: string, tabId: number): BackgroundMessage | null {
  switch (id) {
    case 'open-reader': return { type: 'toggle-reader', tabId, allowSelection: true };
    case 'copy-markdown': return { type: 'copy-article', tabId, format: 'markdown' };
    case 'copy-text': return { type: 'copy-article', tabId, format: 'text' };
    case 'save-article': return { type: 'save-tab', tabId };
    default: return null;
  }
}

export function commandMessage(command: string, tabId: number): BackgroundMessage | null {
  return command === 'toggle-reader' ? { type: 'toggle-reader', tabId, allowSelection: true } : null;
}

/** The badge text for a reply: the failure's message, or null to clear the flag. */
export function flagFor(reply: Reply<unknown>): string | null {
  return reply.ok ? null : reply.error.message;
}
