// Shape and sender checks for every message a context receives, driven by the declarations in
// messages.ts: a message of an undeclared type, with a field that fails its check or with a key
// its declaration does not name, is rejected before a handler sees it. Pure: no polyfill, so
// tests and every context can use it.
import { BACKGROUND_MESSAGES, CONTENT_MESSAGES, type BackgroundMessage, type ContentMessage, type SenderKind } from './messages';
import { hasOnlyFields, isObj, type Shape } from './fields';

function parse<M>(declarations: Record<string, { fields: Shape }>, m: unknown): M | null {
  if (!isObj(m) || typeof m.type !== 'string' || !Object.hasOwn(declarations, m.type)) return null;
  return hasOnlyFields(m, declarations[m.type]!.fields, ['type']) ? (m as M) : null;
}

/** A request for the background, or null when it is malformed. */
export const parseBackgroundMessage = (m: unknown) => parse<BackgroundMessage>(BACKGROUND_MESSAGES, m);

/** A request for the content script, or null when it is malformed. */
export const parseContentMessage = (m: unknown) => parse<ContentMessage>(CONTENT_MESSAGES, m);

/** The parts of `runtime.MessageSender` the checks read. */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

/**
 * Who sent a message. Only this extension counts: `sender.id` must be our id. Our own pages
 * (popup, library, also when opened in a tab) have a URL in our origin; anything else with our
 * id is one of our content scripts, running inside a web page.
 */
export function classifySender(sender: SenderLike | undefined, runtimeId: string, ownOrigin: string): SenderKind {
  if (!sender || !runtimeId || sender.id !== runtimeId) return 'foreign';
  if (typeof sender.url === 'string' && sender.url.startsWith(ownOrigin)) return 'extension-page';
  return sender.tab ? 'content-script' : 'foreign';
}

/** Whether the message's declaration lets this kind of sender make it. */
export function allowedFrom(kind: SenderKind, message: BackgroundMessage): boolean {
  return kind !== 'foreign' && (BACKGROUND_MESSAGES[message.type].from as readonly SenderKind[]).includes(kind);
}
