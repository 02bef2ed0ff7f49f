// save-tab (popup, and the context menu through menus.ts): asks the tab's content script for its
// article and stores it under the tab's URL (save.ts).
import { fail } from '../../platform/messages';
import { t } from '../../shared/strings/t';
import { withContent } from '../access';
import { handler } from '../handler';
import { SAVABLE, storeDraft } from '../save';

export default handler('save-tab', async (m, ctx) => {
  const url = await ctx.tabUrl(m.tabId).catch(() => undefined);
  const draft = await withContent(ctx, m.tabId, () => ctx.sendToTab(m.tabId, { type: 'reader-draft' }));
  if (!draft.ok) return draft;
  if (!url || !SAVABLE.test(url)) return fail('restricted', t('save_restricted'));
  // The article must be the one at `url`: a navigation while extracting would mislabel it.
  if ((await ctx.tabUrl(m.tabId).catch(() => undefined)) !== url) return fail('error', t('error_page_changed_saving'));
  return storeDraft(ctx, url, draft.value);
});
