// The content script's routing table: one line per request from the background.
import type { ContentMessage, ContentRequests, Reply } from '../platform/messages';
import { failFrom, ok } from '../platform/messages';
import type { Reader } from './controller';

type Handlers = { [K in keyof ContentRequests]: (reader: Reader, m: Extract<ContentMessage, { type: K }>) => Promise<Reply<ContentRequests[K]['reply']>> };

const HANDLERS: Handlers = {
  'reader-toggle': (r, m) => r.toggle(m.allowSelection, m.preferSelection),
  'reader-status': async (r) => ok(r.status()),
  'reader-copy': (r, m) => r.copy(m.format),
  'reader-draft': async (r) => r.draft(),
};

export function handleContentMessage(reader: Reader, m: ContentMessage): Promise<Reply<unknown>> {
  const handler = HANDLERS[m.type] as (r: Reader, m: ContentMessage) => Promise<Reply<unknown>>;
  return handler(reader, m).catch((err: unknown) => failFrom(err));
}
