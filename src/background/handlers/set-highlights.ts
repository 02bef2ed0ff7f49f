// set-highlights (the reader overlay, after each change): replaces the highlights of the saved
// copy of the sender's page, found by its tab's URL as the browser reports it; a content script
// speaks for its own page only. `not-found` when that page is not saved: the overlay saves it
// first, then sends again.
import { StoreError } from '../../platform/article-store';
import { fail, failFrom, ok } from '../../platform/messages';
import { t } from '../../shared/strings/t';
import { handler } from '../handler';

export default handler('set-highlights', async (m, ctx, origin) => {
  if (origin.kind !== 'content-script' || origin.tabId === undefined) return fail('invalid', t('save_no_tab'));
  const url = origin.tabUrl ?? (await ctx.tabUrl(origin.tabId).catch(() => undefined));
  if (!url) return fail('not-found', t('store_gone'));
  try {
    const store = await ctx.articles();
    const record = await store.getByUrl(url);
    if (!record) return fail('not-found', t('store_gone'));
    await store.setHighlights(record.id, m.highlights);
    return ok(null);
  } catch (e) {
    if (e instanceof StoreError) return fail(e.code === 'not-found' ? 'not-found' : e.code, e.message);
    return failFrom(e, t('save_failed'));
  }
});
