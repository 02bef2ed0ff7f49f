// copy-article: the content script copies the article (or the user's selection) in a format and
// confirms on the page; see content/clipboard.ts for which clipboard API works from where.
import type { CopyFormat, CopyResult, Reply } from '../../platform/messages';
import { withContent } from '../access';
import type { BackgroundCtx } from '../context';

export function copyArticle(m: { tabId: number; format: CopyFormat }, ctx: BackgroundCtx): Promise<Reply<CopyResult>> {
  return withContent(ctx, m.tabId, () => ctx.sendToTab(m.tabId, { type: 'reader-copy', format: m.format }));
}
