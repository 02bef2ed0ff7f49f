// toggle-reader: open or close reader view in a tab (popup button, shortcut, context menu).
import { withContent } from '../access';
import { handler } from '../handler';

export default handler('toggle-reader', (m, ctx) =>
  withContent(ctx, m.tabId, () =>
    ctx.sendToTab(m.tabId, { type: 'reader-toggle', allowSelection: m.allowSelection ?? true, ...(m.preferSelection ? { preferSelection: true } : {}) })));
