// Share and follow bars. Recognised by where their links go (share endpoints and social-network
// profiles), not by what a site calls them: a run of links to facebook.com/sharer, x.com/intent,
// t.me/share, vk.com/share.php, mailto:?subject=… is a share bar in any language.
import { type CleanRule, liveElements } from './rule';
import { countWordsIn, descendantsWhere, firstDescendant, hostOf, linkDensity, nameTokens, normalizedText, tagIn, wordCountExceeds } from '../dom';

/** Paths of "share this page" endpoints, by host. */
const SHARE_ENDPOINTS: [RegExp, RegExp][] = [
  [/(^|\.)facebook\.com$/, /^\/(sharer|share|dialog\/(share|feed|send))/],
  [/(^|\.)(twitter|x)\.com$/, /^\/(intent|share|home\/?$)/],
  [/(^|\.)linkedin\.com$/, /^\/(sharing|shareArticle|cws\/share)/i],
  [/(^|\.)reddit\.com$/, /^\/submit/],
  [/(^|\.)pinterest\.[a-z.]+$/, /^\/pin\/create/],
  [/^t\.me$|^telegram\.me$/, /^\/share/],
  [/^vk\.com$/, /^\/share\.php/],
  [/^connect\.ok\.ru$|^ok\.ru$/, /^\/(dk|offer)/],
  [/^(api\.)?whatsapp\.com$|^wa\.me$/, /^\/(send|$)/],
  [/^news\.ycombinator\.com$/, /^\/submitlink/],
  [/^getpocket\.com$/, /^\/(save|edit)/],
  [/^(www\.)?tumblr\.com$/, /^\/(share|widgets\/share)/],
  [/^bsky\.app$/, /^\/intent/],
  [/^mastodonshare\.com$|^toot\.kytta\.dev$|^s2f\.kytta\.dev$/, /./],
  [/^line\.me$|^social-plugins\.line\.me$/, /share/],
  [/^(mail\.google|outlook\.live)\.com$/, /compose|mail/],
];
/** Hosts whose bare profile links make up "follow us" bars. */
const SOCIAL_HOSTS = /(^|\.)(facebook|twitter|x|instagram|youtube|linkedin|tiktok|pinterest|vk|ok|threads|bsky|mastodon\.social|telegram|flipboard|rumble|twitch|snapchat|tumblr|reddit|whatsapp|viber)\.(com|ru|app|net|me|social|tv)$|^t\.me$|^wa\.me$|^news\.google\.com$/;
/** A bar is short: its own words beyond link labels stay under this. */
const MAX_BAR_WORDS = 30;
const isHrefLink = (el: Element): boolean => el.localName === 'a' && el.hasAttribute('href');
const isBarTag = tagIn('ul', 'ol', 'div', 'p', 'section', 'aside', 'footer');
const isP = tagIn('p');
/** What a bar never holds: `p, h1…h6, img, figure, table, pre, blockquote, time, address, [rel~="author"]`. */
const BAR_STOPPERS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'img', 'figure', 'table', 'pre', 'blockquote', 'time', 'address']);
const isBarStopper = (el: Element): boolean => BAR_STOPPERS.has(el.localName) || (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('author');

export const socialLinks: CleanRule = {
  name: 'social-links',
  run(ctx) {
    const body = ctx.doc.body;
    if (!body) return;
    const shareLinks = liveElements(ctx, isHrefLink).filter((a) => isShareLink(a, ctx.url));
    const seen = new Set<Element>();
    for (const link of shareLinks) {
      const bar = enclosingBar(link, ctx.url);
      if (bar && !seen.has(bar)) {
        seen.add(bar);
        ctx.remove(bar, this.name);
      } else if (link.isConnected) {
        ctx.remove(link, this.name);
      }
    }
    // Follow bars: several social-profile links together with little else.
    // Only elements above three or more social-profile links can be such a bar: one pass up from
    // each link finds them, instead of a subtree query under every list and div. Removals only
    // shrink subtrees, so the count can only over-report; the walk below counts exactly.
    const socialBelow = new Map<Element, number>();
    for (const a of liveElements(ctx, isHrefLink)) {
      if (!SOCIAL_HOSTS.test(hostOf(a.getAttribute('href')!, ctx.url))) continue;
      for (let up = a.parentElement; up && up !== body; up = up.parentElement) socialBelow.set(up, (socialBelow.get(up) ?? 0) + 1);
    }
    for (const list of liveElements(ctx, isBarTag)) {
      if (!list.isConnected || (socialBelow.get(list) ?? 0) < 3) continue;
      const links = descendantsWhere(list, isHrefLink);
      if (links.length < 3) continue;
      const social = links.filter((a) => SOCIAL_HOSTS.test(hostOf(a.getAttribute('href')!, ctx.url))).length;
      if (social >= 3 && social / links.length >= 0.6 && countWordsIn(normalizedText(list)) <= MAX_BAR_WORDS + links.length * 3) {
        ctx.remove(list, this.name);
      }
    }
    // Labelled share widgets with no links (buttons scripts wire up), named as such by the site.
    for (const el of liveElements(ctx, (e) => e.hasAttribute('aria-label') || e.hasAttribute('class') || e.hasAttribute('id'))) {
      if (!el.isConnected || el === body) continue;
      const label = (el.getAttribute('aria-label') ?? '').toLowerCase();
      const named = /^(share|sharing|social share|share this( article| story| page)?|поделиться)\b/.test(label) || nameTokens(el).some((t) => /^(share|sharing|social-?share|share-?(bar|buttons|tools|links|panel|widget)|sharethis|addthis|a2a_kit|social-?(buttons|links|icons|bar))$/.test(t));
      if (named && !wordCountExceeds(el, MAX_BAR_WORDS) && firstDescendant(el, isP) === null) ctx.remove(el, this.name);
    }
  },
};

function isShareLink(a: Element, base: string): boolean {
  const href = a.getAttribute('href') ?? '';
  if (/^mailto:\?/i.test(href.trim())) return true; // mailto with no address: "email this page"
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  return SHARE_ENDPOINTS.some(([h, p]) => h.test(host) && p.test(url.pathname));
}

/** The smallest ancestor (a few levels up) that is nothing but a bar of links and icons. */
function enclosingBar(link: Element, base: string): Element | null {
  let best: Element | null = null;
  let cur = link.parentElement;
  for (let level = 0; cur && cur.localName !== 'body' && level < 4; level++, cur = cur.parentElement) {
    // Cheapest test first: a bar is short, and reading text is far cheaper than a selector query
    // over what may be the whole article.
    if (wordCountExceeds(cur, MAX_BAR_WORDS)) break;
    if (firstDescendant(cur, isBarStopper)) break;
    const links = descendantsWhere(cur, isHrefLink);
    const shares = links.filter((a) => isShareLink(a, base)).length;
    if (links.length > 1 && shares / links.length < 0.5 && linkDensity(cur) > 0.2) break;
    best = cur;
  }
  return best;
}
