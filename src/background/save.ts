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
    const store = await ctx.articles();
    let skipped = imagesSkipped + kept.rejected;
    const { record, updated } = await store.saveDraft(article, url, Date.now(), kept).catch(async (e: unknown) => {
      // A disk too full for the pictures may still hold the words: keep the article, say what is missing.
      if (!(e instanceof StoreError) || e.code !== 'quota' || kept.refs.length === 0) throw e;
      skipped += kept.refs.length;
      return store.saveDraft(article, url, Date.now());
    });
    return ok({ id: record.id, updated, title: record.title, ...(skipped > 0 ? { imagesSkipped: skipped } : {}) });
  } catch (e) {
    if (e instanceof StoreError) return fail(e.code === 'not-found' ? 'error' : e.code, e.message);
    return failFrom(e, t('save_failed'));
  }
}
