// copy-article: the content script copies the article (or the user's selection) in a format and
// confirms on the page; see content/clipboard.ts for which clipboard API works from where.
import { withContent } from '../access';
import { handler } from '../handler';

export default handler('copy-article', (m, ctx) =>
  withContent(ctx, m.tabId, () => ctx.sendToTab(m.tabId, { type: 'reader-copy', format: m.format })));
