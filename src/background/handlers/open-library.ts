// open-library: the saved-articles page, in a new tab.
import { ok } from '../../platform/messages';
import { handler } from '../handler';

export default handler('open-library', async (_m, ctx) => {
  await ctx.openTab('library.html');
  return ok(null);
});
