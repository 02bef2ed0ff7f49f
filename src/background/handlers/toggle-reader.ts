// toggle-reader: open or close reader view in a tab (popup button, shortcut, context menu).
import type { ReaderStatus, Reply } from '../../platform/messages';
import { withContent } from '../access';
import type { BackgroundCtx } from '../context';

export function toggleReader(m: { tabId: number; allowSelection?: boolean }, ctx: BackgroundCtx): Promise<Reply<ReaderStatus>> {
  return withContent(ctx, m.tabId, () => ctx.sendToTab(m.tabId, { type: 'reader-toggle', allowSelection: m.allowSelection ?? true }));
}
