// Repeated "name, date, text" blocks that are not the page's thread but remarks on its content:
// comments under a story, reviews under a product, a list's comments under the list. Called so
// by a heading above them ("Comments", "Customer reviews") or by name (`comment-list`,
// `jdgm-review`), they are the page only where they are nearly all of its text: a link
// aggregator's comments on a story that lives elsewhere (Lobsters, Hacker News).
import { nameTokens } from '../dom';
import { announcedAsComments } from '../clean/comment-threads';

/**
 * Comments with no opening post are the page only where they hold this share of its text (all
 * of it, not only its prose: a list of books or a product's specifications are what they remark on).
 */
const REMARKS_ALONE = 0.6;

/** Whether `posts` (with the first post's body) remark on content that is elsewhere on the page. */
export function remarkOnContent(posts: readonly Element[], firstBody: Element): boolean {
  const list = posts[0]!.parentElement!;
  const remarks = announcedAsComments(list) || announcedAsReviews(list) || namedAsRemarks(posts[0]!) || namedAsRemarks(list) || namedAsRemarks(firstBody);
  return remarks && textShare(posts) < REMARKS_ALONE;
}

const REVIEWS = /^(?:\d[\d,.]*\s+)?(?:customer\s+|user\s+|guest\s+)?(?:reviews?|ratings?|testimonials|bewertungen|kundenbewertungen|avis(?: clients)?|opiniones|reseñas|recensioni|opinie)\b/i;

/** The posts' share of the text of the page (not of its scripts and styles). */
function textShare(posts: readonly Element[]): number {
  const body = posts[0]!.ownerDocument.body;
  const whole = body ? textLength(body) : 0;
  return whole > 0 ? posts.reduce((sum, post) => sum + textLength(post), 0) / whole : 0;
}

const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template']);

function textLength(root: Element): number {
  let length = 0;
  const walker = root.ownerDocument.createTreeWalker(root, 1 | 4, { acceptNode: (n: Node) => (n.nodeType === 1 && NOT_TEXT.has((n as Element).localName) ? 2 : 1) });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.nodeType === 3) length += (node.nodeValue ?? '').trim().length;
  return length;
}

/** What sites call remarks on their content: `comment-list`, `commentsLists`, `reviews`, `jdgm-review`. */
const REMARKS_NAME = /(?:^|[-_])(?:comments?|reviews?|testimonials?)(?:$|[-_]|lists?$)|^comments?lists?$|^reviews?lists?$/i;

function namedAsRemarks(el: Element): boolean {
  return nameTokens(el).some((t) => REMARKS_NAME.test(t));
}

/** A heading just above the posts names them reviews ("Customer reviews", "128 Bewertungen"). */
function announcedAsReviews(container: Element): boolean {
  let level: Element | null = container;
  for (let up = 0; level && up < 3; up++, level = level.parentElement) {
    let sib = level.previousElementSibling;
    for (let i = 0; sib && i < 3; i++, sib = sib.previousElementSibling) {
      const text = (sib.textContent ?? '').trim();
      if (text.length <= 60 && REVIEWS.test(text)) return true;
    }
  }
  return false;
}
