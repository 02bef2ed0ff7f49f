// Is this page a discussion (a forum thread, a Q&A page), where the posts are the content? The
// comment rules remove comment sections under an article; on a discussion page the same shape
// (author, date, text, a Reply button, repeated) is the thing the reader came for.
// Recognised by what the page says of itself: schema.org types in JSON-LD or microdata.

const DISCUSSION_TYPES = /^(?:DiscussionForumPosting|QAPage|Question|SocialMediaPosting)$/i;
const MAX_JSON_LD_CHARS = 200_000;

/** `elements`: the body's elements, walked once by the caller (selector queries cost more in jsdom). */
export function isDiscussionPage(doc: Document, elements: readonly Element[]): boolean {
  for (const el of elements) {
    const itemtype = el.getAttribute('itemtype');
    if (itemtype && typesIn(itemtype).some((t) => DISCUSSION_TYPES.test(t))) return true;
  }
  for (const script of Array.from(doc.getElementsByTagName('script'))) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    const text = script.textContent ?? '';
    if (text.length > MAX_JSON_LD_CHARS) continue;
    try {
      if (jsonLdTypes(JSON.parse(text), 0).some((t) => DISCUSSION_TYPES.test(t))) return true;
    } catch {
      // Broken JSON-LD is common and says nothing.
    }
  }
  return false;
}

/** `https://schema.org/QAPage http://schema.org/WebPage` → `['QAPage', 'WebPage']`. */
function typesIn(itemtype: string): string[] {
  return itemtype.split(/\s+/).map((u) => u.slice(u.lastIndexOf('/') + 1)).filter(Boolean);
}

/** Every @type in a JSON-LD value, through @graph and nested objects (bounded depth). */
function jsonLdTypes(value: unknown, depth: number): string[] {
  if (depth > 6 || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v) => jsonLdTypes(v, depth + 1));
  const obj = value as Record<string, unknown>;
  const own = obj['@type'];
  const types = typeof own === 'string' ? [own] : Array.isArray(own) ? own.filter((t): t is string => typeof t === 'string') : [];
  // The page's own type sits at the top or in @graph; mainEntity holds a QAPage's Question.
  for (const key of ['@graph', 'mainEntity']) if (key in obj) types.push(...jsonLdTypes(obj[key], depth + 1));
  return types;
}
