// Reaching a tab's content script: refuse restricted pages with their reason, inject content.js
// on demand, then ask. Every action that touches a page goes through `withContent`.
import { fail, type Reply } from '../platform/messages';
import type { BackgroundCtx } from './context';
import { t } from '../shared/strings/t';
import { injectionFailure, restrictionMessage, restrictionOf } from './restricted';

/** A restricted-page failure for `tabId`, or null when the page may be read. */
export async function checkRestricted(ctx: BackgroundCtx, tabId: number): Promise<Reply<never> | null> {
  const url = await ctx.tabUrl(tabId).catch(() => undefined);
  const why = restrictionOf(url, await ctx.fileAccess().catch(() => false));
  return why ? fail('restricted', restrictionMessage(why)) : null;
}

export async function withContent<T>(ctx: BackgroundCtx, tabId: number, ask: () => Promise<Reply<T>>): Promise<Reply<T>> {
  const restricted = await checkRestricted(ctx, tabId);
  if (restricted) return restricted;
  try {
    await ctx.inject(tabId);
  } catch {
    return fail('restricted', injectionFailure(await ctx.tabUrl(tabId).catch(() => undefined)));
  }
  try {
    return (await ask()) ?? fail('error', t('error_page_silent'));
  } catch {
    return fail('error', t('error_page_changed'));
  }
}
