// Storing a draft for save-tab and save-draft (handlers/). The URL stored is always the tab's
// location as the browser reports it, never what the page says about itself (<base>, og:url, or
// the draft's own url field).
import { StoreError } from '../platform/article-store';
import { fail, failFrom, ok, type ArticleDraft, type Reply, type SaveResult } from '../platform/messages';
import { t } from '../shared/strings/t';
import type { BackgroundCtx } from './context';
import { prepareImages } from './kept-images';

/** What a tab can show and Readwell can read; anything else is refused before storing. */
export const SAVABLE = /^(https?|file):/i;

export async function storeDraft(ctx: BackgroundCtx, url: string, draft: ArticleDraft): Promise<Reply<SaveResult>> {
  try {
    const { images, imagesSkipped = 0, ...article } = draft;
    const kept = await prepareImages(images ?? []);
    const { record, updated } = await (await ctx.articles()).saveDraft(article, url, Date.now(), kept);
    const skipped = imagesSkipped + kept.rejected;
    return ok({ id: record.id, updated, title: record.title, ...(skipped > 0 ? { imagesSkipped: skipped } : {}) });
  } catch (e) {
    if (e instanceof StoreError) return fail(e.code === 'not-found' ? 'error' : e.code, e.message);
    return failFrom(e, t('save_failed'));
  }
}
