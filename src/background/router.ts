// The background's routing: a message's type names its handler file (handlers/<type>.ts), and
// `dispatch` checks the sender and the message shape against the message's declaration
// (platform/messages.ts) before any handler runs. Errors leave as data.
import { fail, failFrom, type BackgroundMessage, type Reply } from '../platform/messages';
import { allowedFrom, classifySender, parseBackgroundMessage, type SenderLike } from '../platform/validate';
import { t } from '../shared/strings/t';
import type { BackgroundCtx, RequestOrigin } from './context';
import type { AnyRoute, MessageType } from './handler';

/** Finds the handler of a message type. */
export type Routes = (type: MessageType) => Promise<AnyRoute>;

/**
 * The handler file named like the message type. esbuild bundles every file under handlers/ for
 * this pattern (no dynamic import is left in the worker), so a new message needs no entry here;
 * `type` is always a declared one, validated before it reaches this path.
 */
export async function handlerFile(type: MessageType): Promise<AnyRoute> {
  const route = ((await import(`./handlers/${type}.ts`)) as { default?: AnyRoute }).default;
  if (route?.type !== type) throw new Error(`handlers/${type}.ts does not export the ${type} handler`);
  return route;
}

/** Runs an already-validated message (also used by the shortcut, the menus and test hooks). */
export async function run(message: BackgroundMessage, ctx: BackgroundCtx, origin: RequestOrigin, routes: Routes = handlerFile): Promise<Reply<unknown>> {
  try {
    const route = await routes(message.type);
    return await (route.handle as (m: BackgroundMessage, c: BackgroundCtx, o: RequestOrigin) => Promise<Reply<unknown>>)(message, ctx, origin);
  } catch (err) {
    return failFrom(err);
  }
}

export interface Identity {
  id: string;
  /** Our origin with a trailing slash, as runtime.getURL('/') gives it. */
  origin: string;
}

/** A message from runtime.onMessage: foreign senders and malformed shapes never reach a handler. */
export function dispatch(raw: unknown, sender: SenderLike, me: Identity, ctx: BackgroundCtx, routes: Routes = handlerFile): Promise<Reply<unknown>> {
  const kind = classifySender(sender, me.id, me.origin);
  if (kind === 'foreign') return Promise.resolve(fail('invalid', t('error_foreign_sender')));
  const message = parseBackgroundMessage(raw);
  if (!message) return Promise.resolve(fail('invalid', t('error_malformed')));
  if (!allowedFrom(kind, message)) return Promise.resolve(fail('invalid', t('error_not_allowed', message.type)));
  return run(message, ctx, { kind, tabId: sender.tab?.id, tabUrl: sender.tab?.url }, routes);
}
