// The contract of a handler file (handlers/<type>.ts): its default export names the message type
// it answers, so the router can check that the file it loaded by that name is the right one.
import type { BackgroundMessage, BackgroundRequests, Reply } from '../platform/messages';
import type { BackgroundCtx, RequestOrigin } from './context';

export type MessageType = keyof BackgroundRequests;

export type Handler<K extends MessageType> = (
  message: Extract<BackgroundMessage, { type: K }>,
  ctx: BackgroundCtx,
  origin: RequestOrigin,
) => Promise<Reply<BackgroundRequests[K]['reply']>>;

export interface Route<K extends MessageType> {
  type: K;
  handle: Handler<K>;
}

/** The route of some message type. */
export type AnyRoute = { [K in MessageType]: Route<K> }[MessageType];

export function handler<K extends MessageType>(type: K, handle: Handler<K>): Route<K> {
  return { type, handle };
}
