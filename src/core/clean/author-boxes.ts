// "About the author" boxes: a portrait, the writer's name and a few sentences about them ("Jule
// studied sports science before…", "Senior editor with a focus on…"), which blog and news themes
// put after the story. The reader shows the byline in its own header; the biography is the site
// presenting its staff, and measured on the trafilatura corpus it was the commonest boilerplate
// left at the end of an article.
//
// Found by the name themes give the box (WordPress, Genesis and newsroom templates alike say
// author-box, author-bio, post-author, about-the-author, author-card…) and by its shape: a few
// sentences, not a byline ("By Jane Doe · 3 May", which article-meta weighs) and not a story.
// Never on a discussion page, where each post's author card is part of the post.
import { type CleanRule, liveElements } from './rule';
import { countWordsIn, firstDescendant, nameTokens, normalizedTextUpTo } from '../dom';

/** A class or id naming an author box, as a whole token or a part between `-`/`_` separators. */
const AUTHOR_BOX_NAME =
  /(?:^|[-_])(?:about-?(?:the-?)?authors?|authors?-?(?:box|bio|biography|card|info|information|profile|details|wrap|wrapper|block|area|section|description|about|container)|(?:post|entry|article|single)-?author(?:-?bio)?)(?:$|[-_])/;
/** Shorter than this is a byline or a name card: article-meta's business, or harmless. */
const MIN_BIO_WORDS = 15;
/** Longer than this (about 250 words) is more than a biography: leave it. */
const MAX_BIO_CHARS = 1600;
const isTitle = (el: Element) => el.localName === 'h1';

export const authorBoxes: CleanRule = {
  name: 'author-boxes',
  run(ctx) {
    if (!ctx.doc.body || ctx.discussion) return;
    for (const el of liveElements(ctx, (e) => e.hasAttribute('class') || e.hasAttribute('id'))) {
      if (!el.isConnected || !nameTokens(el).some((t) => AUTHOR_BOX_NAME.test(t))) continue;
      // Reads only far enough to know the box is too long for a biography (null).
      const text = normalizedTextUpTo(el, MAX_BIO_CHARS);
      if (text === null || countWordsIn(text) < MIN_BIO_WORDS) continue;
      // A box holding the headline is the article's header, not a biography.
      if (firstDescendant(el, isTitle)) continue;
      ctx.remove(el, this.name);
    }
  },
};
