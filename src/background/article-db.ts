// The library database for the service worker's handlers (BackgroundCtx.articles).
import { openArticleStore, type ArticleStore } from '../platform/article-store';

let opened: Promise<ArticleStore> | null = null;

/** One connection per service-worker life; a failed open is retried on the next save. */
export function sharedArticleStore(): Promise<ArticleStore> {
  opened ??= openArticleStore().catch((e) => {
    opened = null;
    throw e;
  });
  return opened;
}
