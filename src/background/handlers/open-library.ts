// open-library: the saved-articles page, in a new tab.
import { ok, type Reply } from '../../platform/messages';
import type { BackgroundCtx } from '../context';

export async function openLibrary(_m: unknown, ctx: BackgroundCtx): Promise<Reply<null>> {
  await ctx.openTab('library.html');
  return ok(null);
}
