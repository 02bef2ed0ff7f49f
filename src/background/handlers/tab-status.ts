// tab-status: may Readwell read this tab, and is reader view open there? Asked each time the
// popup opens, so it does not inject: it only probes whether our content script is present.
import { fail, ok } from '../../platform/messages';
import { checkRestricted } from '../access';
import { handler } from '../handler';
import { injectionFailure } from '../restricted';

export default handler('tab-status', async (m, ctx) => {
  const restricted = await checkRestricted(ctx, m.tabId);
  if (restricted) return restricted;
  let present: boolean;
  try {
    present = await ctx.probe(m.tabId);
  } catch {
    return fail('restricted', injectionFailure(await ctx.tabUrl(m.tabId).catch(() => undefined)));
  }
  if (!present) return ok({ accessible: true, readerOpen: false });
  const status = await ctx.sendToTab(m.tabId, { type: 'reader-status' }).catch(() => null);
  return ok({ accessible: true, readerOpen: !!status?.ok && status.value.open });
});
