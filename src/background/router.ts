// The background's routing table: message type → handler (one file each), and `dispatch`, which
// checks the sender and the message shape before any handler runs. Errors leave as data.
import { fail, type BackgroundMessage, type BackgroundRequests, type Reply } from '../platform/messages';
import { allowedFrom, classifySender, parseBackgroundMessage, type SenderLike } from '../platform/validate';
import type { BackgroundCtx, RequestOrigin } from './context';
import { copyArticle } from './handlers/copy-article';
import { openLibrary } from './handlers/open-library';
import { tabStatus } from './handlers/tab-status';
import { toggleReader } from './handlers/toggle-reader';
// save-tab and save-draft: the library's routes, kept with the article store they write to.
import { saveHandlers } from './save-handlers';

export type Handler<K extends keyof BackgroundRequests> = (
  message: Extract<BackgroundMessage, { type: K }>,
  ctx: BackgroundCtx,
  origin: RequestOrigin,
) => Promise<Reply<BackgroundRequests[K]['reply']>>;

export type Routes = { [K in keyof BackgroundRequests]: Handler<K> };

export const ROUTES: Routes = {
  'tab-status': tabStatus,
  'toggle-reader': toggleReader,
  'copy-article': copyArticle,
  'open-library': openLibrary,
  ...saveHandlers,
};

/** Runs an already-validated message (also used by the shortcut, the menus and test hooks). */
export async function run(message: BackgroundMessage, ctx: BackgroundCtx, origin: RequestOrigin, routes: Routes = ROUTES): Promise<Reply<unknown>> {
  const handler = routes[message.type] as (m: BackgroundMessage, c: BackgroundCtx, o: RequestOrigin) => Promise<Reply<unknown>>;
  try {
    return await handler(message, ctx, origin);
  } catch (err) {
    return fail('error', err instanceof Error ? err.message : String(err));
  }
}

export interface Identity {
  id: string;
  /** Our origin with a trailing slash, as runtime.getURL('/') gives it. */
  origin: string;
}

/** A message from runtime.onMessage: foreign senders and malformed shapes never reach a handler. */
export function dispatch(raw: unknown, sender: SenderLike, me: Identity, ctx: BackgroundCtx, routes: Routes = ROUTES): Promise<Reply<unknown>> {
  const kind = classifySender(sender, me.id, me.origin);
  if (kind === 'foreign') return Promise.resolve(fail('invalid', 'Messages are accepted only from Readwell itself.'));
  const message = parseBackgroundMessage(raw);
  if (!message) return Promise.resolve(fail('invalid', 'Malformed request.'));
  if (!allowedFrom(kind, message)) return Promise.resolve(fail('invalid', `A page may not ask for ${message.type}.`));
  return run(message, ctx, { kind, tabId: sender.tab?.id, tabUrl: sender.tab?.url }, routes);
}
