// saved-highlights (the reader overlay, when it opens): the highlights of the saved copy of the
// sender's page, found by its tab's URL as the browser reports it, so the overlay can show them.
import { fail, ok } from '../../platform/messages';
import { t } from '../../shared/strings/t';
import { handler } from '../handler';

export default handler('saved-highlights', async (_m, ctx, origin) => {
  if (origin.kind !== 'content-script' || origin.tabId === undefined) return fail('invalid', t('save_no_tab'));
  const url = origin.tabUrl ?? (await ctx.tabUrl(origin.tabId).catch(() => undefined));
  if (!url) return ok(null);
  const record = await (await ctx.articles()).getByUrl(url).catch(() => null);
  return ok(record ? record.highlights : null);
});
