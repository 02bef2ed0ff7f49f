// Captions and credits stay with their pictures. Readability drops any element whose class or id
// contains words like "footer", "header", "extra" or "sidebar" before it scores anything, and
// templates name caption parts exactly that way ("media__footer", "caption-extra"), so photo
// captions and credits vanish from otherwise perfect extractions. Inside a <figure>, such names
// describe the caption's layout, not page furniture: this rule takes those tokens out.
import { type CleanRule, liveElements } from './rule';
import { closestWhere } from '../dom';

/** The words of Readability's "unlikely candidate" test that templates use for caption parts. */
const UNLIKELY = /-ad-|banner|combx|comment|community|cover-wrap|disqus|extra|footer|header|legends|menu|related|remark|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|pagination|pager|popup/i;

const isFigure = (el: Element): boolean => el.localName === 'figure';

export const captions: CleanRule = {
  name: 'captions',
  run(ctx) {
    const body = ctx.doc.body;
    if (!body) return;
    // `figure, figure *`: a figure or anything inside one.
    for (const el of liveElements(ctx, (e) => closestWhere(e, isFigure) !== null)) {
      const cls = el.getAttribute('class');
      if (cls && UNLIKELY.test(cls)) {
        const kept = cls.split(/\s+/).filter((t) => t && !UNLIKELY.test(t)).join(' ');
        if (kept) el.setAttribute('class', kept);
        else el.removeAttribute('class');
      }
      const id = el.getAttribute('id');
      if (id && UNLIKELY.test(id)) el.removeAttribute('id');
    }
  },
};
