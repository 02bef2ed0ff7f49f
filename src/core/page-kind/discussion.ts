// Is this page a discussion (a forum thread, a Q&A page), where the posts are the content? The
// comment rules remove comment sections under an article; on a discussion page the same shape
// (author, date, text, a Reply button, repeated) is the thing the reader came for.
// Recognised by what the page says of itself: schema.org types in JSON-LD or microdata; or by
// comments with nothing to comment on: schema.org Comment items holding most of the page's prose
// while no story stands outside them (forum software marks each reply as a Comment; a news
// story's comment section, however long, sits beside the story's own block of paragraphs).
// Declared Article types are not trusted to tell: forums declare their threads as Articles too.
import type { RemovalGuard } from '../clean/removal-guard';
import { shapedThread, type ShapedThread } from './thread-shape';

const DISCUSSION_TYPES = /^(?:DiscussionForumPosting|QAPage|Question|SocialMediaPosting)$/i;
const COMMENT_TYPE = /^Comment$/i;
/** Comment items holding this share of the page's prose are the page... */
const COMMENTS_SHARE = 0.5;
/**
 * ...when no element outside them gathers this much prose from its children and grandchildren
 * (some 170 words: a story's body does; a forum's opening post and a column of teasers do not).
 */
const STORY_PROSE = 1000;
const MAX_JSON_LD_CHARS = 200_000;

/**
 * `elements`: the body's elements, walked once by the caller (selector queries cost more in jsdom).
 * `guard`: where the page's prose is (removal-guard.ts).
 */
export function isDiscussionPage(doc: Document, elements: readonly Element[], guard: RemovalGuard): boolean {
  const microdata = elements.filter((el) => el.hasAttribute('itemtype'));
  const types = [...microdata.flatMap((el) => typesIn(el.getAttribute('itemtype')!)), ...jsonLdTypesOf(doc)];
  if (types.some((t) => DISCUSSION_TYPES.test(t))) return true;
  const items = microdata.filter((el) => typesIn(el.getAttribute('itemtype')!).some((t) => COMMENT_TYPE.test(t)));
  if (items.length === 0) return false;
  const outermost = items.filter((el) => !items.some((o) => o !== el && o.contains(el)));
  if (outermost.reduce((sum, el) => sum + guard.share(el), 0) < COMMENTS_SHARE) return false;
  return largestStoryOutside(guard, outermost) < STORY_PROSE;
}

/**
 * The posts of a thread the page marks up nowhere, found by their repeated shape
 * (thread-shape.ts): they hold most of the page's prose and no story stands outside them.
 */
export function unmarkedThread(elements: readonly Element[], guard: RemovalGuard): ShapedThread | null {
  return shapedThread(elements, (el) => guard.share(el), (posts) => largestStoryOutside(guard, posts), STORY_PROSE);
}

/** The most prose any element outside `items` gathers from its child and grandchild blocks. */
function largestStoryOutside(guard: RemovalGuard, items: readonly Element[]): number {
  const gathered = new Map<Element, number>();
  const inItems = new Set(items);
  const insideItem = (el: Element) => {
    for (let up: Element | null = el; up; up = up.parentElement) if (inItems.has(up)) return true;
    return false;
  };
  let largest = 0;
  for (const { el, amount } of guard.proseBlocks()) {
    if (insideItem(el)) continue;
    for (let up = el.parentElement, level = 0; up && level < 2; up = up.parentElement, level++) {
      const sum = (gathered.get(up) ?? 0) + amount;
      gathered.set(up, sum);
      if (sum > largest) largest = sum;
    }
  }
  return largest;
}

/** Every @type the page's JSON-LD declares. */
export function jsonLdTypesOf(doc: Document): string[] {
  return jsonLdValues(doc, MAX_JSON_LD_CHARS).flatMap((value) => jsonLdTypes(value, 0));
}

/** The parsed value of each of the page's JSON-LD scripts no longer than `maxChars`. */
export function jsonLdValues(doc: Document, maxChars: number): unknown[] {
  const values: unknown[] = [];
  for (const script of Array.from(doc.getElementsByTagName('script'))) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    const text = script.textContent ?? '';
    if (text.length > maxChars) continue;
    try {
      values.push(JSON.parse(text));
    } catch {
      // Broken JSON-LD is common and says nothing.
    }
  }
  return values;
}

/** A JSON-LD object's own @type, one string or a list of them. */
export function ownTypes(obj: Record<string, unknown>): string[] {
  const own = obj['@type'];
  return typeof own === 'string' ? [own] : Array.isArray(own) ? own.filter((t): t is string => typeof t === 'string') : [];
}

/** `https://schema.org/QAPage http://schema.org/WebPage` → `['QAPage', 'WebPage']`. */
export function typesIn(itemtype: string): string[] {
  return itemtype.split(/\s+/).map((u) => u.slice(u.lastIndexOf('/') + 1)).filter(Boolean);
}

/** Every @type in a JSON-LD value, through @graph and nested objects (bounded depth). */
function jsonLdTypes(value: unknown, depth: number): string[] {
  if (depth > 6 || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v) => jsonLdTypes(v, depth + 1));
  const obj = value as Record<string, unknown>;
  const types = ownTypes(obj);
  // The page's own type sits at the top or in @graph; mainEntity holds a QAPage's Question.
  for (const key of ['@graph', 'mainEntity']) if (key in obj) types.push(...jsonLdTypes(obj[key], depth + 1));
  return types;
}
