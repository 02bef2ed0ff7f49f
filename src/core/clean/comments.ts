// Reader comments and comment forms. Recognised by schema.org Comment markup, by a heading
// that announces them ("12 Comments", "Leserkommentare", "Leave a reply"), by a form with a
// text area, by the id/class names comment systems use (comments, disqus_thread, respond), and
// by shape: items that each carry a Reply control (comment-threads.ts). On a discussion page
// (a forum thread, a Q&A page) the posts are the content: only the reply form goes there.
import { type CleanContext, type CleanRule, liveElements } from './rule';
import { closestWhere, firstDescendant, nameTokens, normalizedText, tagIn } from '../dom';
import { announcesComments, commentThreads } from './comment-threads';

const COMMENT_NAME = /^(comments?|comment-?(list|section|area|thread|s-?area|s-?section|s-?container|s-?wrapper)|commentlist|disqus_thread|respond|replies|responses|discussion|talk-?(stream|embed)|coral_thread|fb-comments)$/;
const COMMENT_ITEM = '[itemtype*="schema.org/Comment" i], [itemprop="comment"], [typeof="Comment"]';

export const comments: CleanRule = {
  name: 'comments',
  run(ctx) {
    const body = ctx.doc.body;
    if (!body) return;
    // A discussion keeps its posts; its reply form still goes.
    if (ctx.discussion) {
      removeReplyForms(ctx, this.name);
      return;
    }
    for (const el of liveElements(ctx, (e) => e.hasAttribute('id') || e.hasAttribute('class'))) {
      if (el.isConnected && el !== body && nameTokens(el).some((t) => COMMENT_NAME.test(t)) && !holdsArticle(el)) {
        ctx.remove(el, this.name);
      }
    }
    // Only pages with microdata or RDFa attributes can match; the rest skip the selector query.
    if (liveElements(ctx, (e) => e.hasAttribute('itemtype') || e.hasAttribute('itemprop') || e.hasAttribute('typeof')).length > 0) {
      for (const item of Array.from(body.querySelectorAll(COMMENT_ITEM))) {
        if (item.isConnected) ctx.remove(closestWhere(item.parentElement, isThread) ?? item, this.name);
      }
    }
    removeReplyForms(ctx, this.name);
    // A thread of reply-able items on a page that is not a discussion is comments however much
    // text it holds: the guard, there for look-alike names, does not stop it.
    for (const thread of commentThreads(ctx.elements)) if (thread !== body && !holdsStory(thread)) ctx.remove(thread, this.name, { unguarded: true });
    for (const heading of liveElements(ctx, isHeading)) {
      if (!heading.isConnected) continue;
      if (!announcesComments(normalizedText(heading))) continue;
      const section = heading.parentElement;
      if (section && section !== body && section.firstElementChild === heading && !holdsArticle(section)) {
        ctx.remove(section, this.name);
      } else if (!heading.nextElementSibling) {
        // A lone "Comments" heading left at the end of the article container.
        ctx.remove(heading, this.name);
      }
    }
  },
};

function removeReplyForms(ctx: CleanContext, rule: string): void {
  for (const area of liveElements(ctx, (e) => e.localName === 'textarea')) {
    if (area.isConnected) ctx.remove(closestWhere(area, isForm) ?? area, rule);
  }
}

/** A comments section never contains the article itself; some sites nest both in one wrapper. */
function holdsArticle(el: Element): boolean {
  return firstDescendant(el, isArticlePart) !== null;
}

/** Comment systems wrap each comment in an <article>; a thread holds the story only if it holds these. */
function holdsStory(el: Element): boolean {
  return firstDescendant(el, (e) => e.localName === 'main' || e.localName === 'h1' || e.getAttribute('role') === 'main' || e.getAttribute('itemprop') === 'articleBody') !== null;
}

/** `article, main, [role="main"], [itemprop="articleBody"], h1`. */
const isArticlePart = (el: Element): boolean => el.localName === 'article' || el.localName === 'main' || el.localName === 'h1' || el.getAttribute('role') === 'main' || el.getAttribute('itemprop') === 'articleBody';
const isThread = tagIn('ol', 'ul', 'section');
const isForm = tagIn('form');
const isHeading = tagIn('h1', 'h2', 'h3', 'h4', 'h5', 'h6');
