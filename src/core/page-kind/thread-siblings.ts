// Posts the markup leaves unmarked beside posts it marks (XenForo's opening post, described only in
// JSON-LD; the replies a JSON-LD list leaves out): a sibling of a known post with its shape (same
// tag and first class) is a post too, its body, author and date found where the known post keeps
// them.
import { countWordsIn } from '../dom';
import { nameText, shapeKey, squash, type ThreadPost } from './thread-post';

/**
 * Siblings of marked posts that have the marked posts' shape but no markup of their own (an
 * opening post described only in JSON-LD), read by the same pattern: body, author, date where
 * a marked sibling keeps them.
 */
export function unmarkedSiblings(posts: readonly { el: Element; post: ThreadPost; authorName?: Element }[]): { el: Element; post: ThreadPost }[] {
  const found: { el: Element; post: ThreadPost }[] = [];
  const seen = new Set<Element>();
  for (const { el, post, authorName } of posts) {
    const parent = el.parentElement;
    if (!parent || seen.has(parent)) continue;
    seen.add(parent);
    const shape = shapeOf(el);
    // The body's own shape, or its nearest ancestor's in the post that has one (XenForo's
    // itemprop=text <div> has no class; the message-body around it does).
    const bodyAt = shapedAround(post.body, el);
    // The name's place: an element with a class around it, then the way down to the name itself
    // (the classed element is often the whole author pane, titles and counts included).
    const nameAt = authorName ? shapedAround(authorName, el) : null;
    const nameWay = nameAt && authorName ? wayDown(nameAt, authorName) : [];
    if (!shape || !bodyAt) continue;
    for (const sibling of Array.from(parent.children)) {
      if (sibling.hasAttribute('itemscope') || shapeOf(sibling) !== shape) continue;
      // Discourse marks its opening post on the topic item around it: already read.
      if (posts.some((p) => sibling.contains(p.post.body))) continue;
      const body = sameShapeIn(sibling, bodyAt);
      if (!body || countWordsIn(body.textContent ?? '') === 0) continue;
      const pane = nameAt ? sameShapeIn(sibling, nameAt) : null;
      const name = pane ? (followWay(pane, nameWay) ?? pane) : null;
      found.push({ el: sibling, post: { body, author: name ? nameText(name) : null, date: timeIn(sibling, body), role: 'post' } });
    }
  }
  return found;
}

/**
 * `el`, or its nearest ancestor below `post` that has a class: what can be looked for in another
 * post (XenForo's itemprop=text <div> has no class; the message-body around it does).
 */
function shapedAround(el: Element, post: Element): Element | null {
  for (let at: Element | null = el; at && at !== post; at = at.parentElement) if (shapeOf(at)) return at;
  return null;
}

/** Child indices from `top` down to `el`. */
function wayDown(top: Element, el: Element): number[] {
  const way: number[] = [];
  for (let at = el; at !== top && at.parentElement; at = at.parentElement) way.unshift(Array.prototype.indexOf.call(at.parentElement.children, at));
  return way;
}

function followWay(top: Element, way: readonly number[]): Element | null {
  let at: Element | null = top;
  for (const i of way) at = at?.children[i] ?? null;
  return at;
}

/** The first element in `root` with the shape of `like`. */
function sameShapeIn(root: Element, like: Element): Element | null {
  const shape = shapeOf(like);
  return Array.from(root.getElementsByTagName(like.localName)).find((e) => shapeOf(e) === shape) ?? null;
}

function timeIn(post: Element, body: Element): ThreadPost['date'] {
  const time = Array.from(post.getElementsByTagName('time')).find((t) => !body.contains(t));
  if (!time) return null;
  const shown = squash(time.textContent ?? '');
  const iso = time.getAttribute('datetime');
  return shown || iso ? { shown: shown || iso!.slice(0, 10), iso } : null;
}

/** `shapeKey`, or null for a classless element (every <div> has that shape). */
function shapeOf(el: Element): string | null {
  const key = shapeKey(el);
  return key.endsWith('.') ? null : key;
}
