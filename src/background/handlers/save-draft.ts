// save-draft (the reader's `s` key): stores the draft the content script sent, under its tab's
// URL as the browser reported it with the message (save.ts), never the draft's own url.
import { fail } from '../../platform/messages';
import { t } from '../../shared/strings/t';
import { handler } from '../handler';
import { SAVABLE, storeDraft } from '../save';

export default handler('save-draft', async (m, ctx, origin) => {
  if (origin.kind !== 'content-script' || origin.tabId === undefined) return fail('invalid', t('save_no_tab'));
  // sender.tab.url when the browser gave it; else the tab's URL now, the same unless it navigated since.
  const url = origin.tabUrl ?? (await ctx.tabUrl(origin.tabId).catch(() => undefined));
  if (!url || !SAVABLE.test(url)) return fail('restricted', t('save_restricted'));
  return storeDraft(ctx, url, m.draft);
});
