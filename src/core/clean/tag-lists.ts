// Tag and topic lists ("Tags: Russia, USA, Diplomacy"): navigation into the site's archive,
// not article text. Recognised by rel="tag" (the microformat for exactly this) or by a run of
// links into the site's tag/topic/category archive with little other text.
import { type CleanRule, liveElements } from './rule';
import { countWordsIn, descendantsWhere, firstDescendant, linkDensity, normalizedText, tagIn } from '../dom';

const ARCHIVE_PATH = /\/(tags?|topics?|keywords?|categor(y|ies)|labels?|subjects?|themes?|trends?|tema|tegi?|rubric[as]?|story-?line)\/[^/]/i;
const MAX_LIST_WORDS = 60;
const isHrefLink = (el: Element): boolean => el.localName === 'a' && el.hasAttribute('href');
const isProse = tagIn('p', 'h1', 'h2', 'h3', 'figure', 'img', 'table', 'pre', 'blockquote');

export const tagLists: CleanRule = {
  name: 'tag-lists',
  run(ctx) {
    const body = ctx.doc.body;
    if (!body) return;
    const tagLinks = liveElements(ctx, isHrefLink).filter((a) => isTagLink(a, ctx.url));
    const removed = new Set<Element>();
    for (const link of tagLinks) {
      if (!link.isConnected) continue;
      const list = enclosingList(link, ctx.url);
      if (list && !removed.has(list)) {
        removed.add(list);
        ctx.remove(list, this.name);
      }
    }
  },
};

function isTagLink(a: Element, base: string): boolean {
  if (/(^|\s)tag(\s|$)/i.test(a.getAttribute('rel') ?? '')) return true;
  try {
    const url = new URL(a.getAttribute('href')!, base);
    return ARCHIVE_PATH.test(url.pathname) && new URL(base).hostname === url.hostname;
  } catch {
    return false;
  }
}

/** The smallest ancestor holding two or more tag links and almost nothing but links. */
function enclosingList(link: Element, base: string): Element | null {
  let cur = link.parentElement;
  for (let level = 0; cur && cur.localName !== 'body' && level < 4; level++, cur = cur.parentElement) {
    if (firstDescendant(cur, isProse)) return null;
    const tags = descendantsWhere(cur, isHrefLink).filter((a) => isTagLink(a, base)).length;
    if (tags >= 2 && countWordsIn(normalizedText(cur)) <= MAX_LIST_WORDS && linkDensity(cur) >= 0.6) return cur;
  }
  return null;
}
