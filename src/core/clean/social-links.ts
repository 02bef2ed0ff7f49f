// Share and follow bars. Recognised by where their links go (share endpoints and social-network
// profiles), not by what a site calls them: a run of links to facebook.com/sharer, x.com/intent,
// t.me/share, vk.com/share.php, mailto:?subject=… is a share bar in any language.
import type { CleanRule } from './rule';
import { countWordsIn, hostOf, linkDensity, nameTokens, normalizedText } from '../dom';

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

export const socialLinks: CleanRule = {
  name: 'social-links',
  run(ctx) {
    const body = ctx.doc.body;
    if (!body) return;
    const shareLinks = Array.from(body.querySelectorAll('a[href]')).filter((a) => isShareLink(a, ctx.url));
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
    for (const list of Array.from(body.querySelectorAll('ul, ol, div, p, section, aside, footer'))) {
      if (!list.isConnected) continue;
      const links = Array.from(list.querySelectorAll('a[href]'));
      if (links.length < 3) continue;
      const social = links.filter((a) => SOCIAL_HOSTS.test(hostOf(a.getAttribute('href')!, ctx.url))).length;
      if (social >= 3 && social / links.length >= 0.6 && countWordsIn(normalizedText(list)) <= MAX_BAR_WORDS + links.length * 3) {
        ctx.remove(list, this.name);
      }
    }
    // Labelled share widgets with no links (buttons scripts wire up), named as such by the site.
    for (const el of Array.from(body.querySelectorAll('[aria-label], [class], [id]'))) {
      if (!el.isConnected || el === body) continue;
      const label = (el.getAttribute('aria-label') ?? '').toLowerCase();
      const named = /^(share|sharing|social share|share this( article| story| page)?|поделиться)\b/.test(label) || nameTokens(el).some((t) => /^(share|sharing|social-?share|share-?(bar|buttons|tools|links|panel|widget)|sharethis|addthis|a2a_kit|social-?(buttons|links|icons|bar))$/.test(t));
      if (named && countWordsIn(normalizedText(el)) <= MAX_BAR_WORDS && el.querySelectorAll('p').length === 0) ctx.remove(el, this.name);
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
    const words = countWordsIn(normalizedText(cur));
    if (words > MAX_BAR_WORDS) break;
    if (cur.querySelector('p, h1, h2, h3, h4, h5, h6, img, figure, table, pre, blockquote, time, address, [rel~="author"]')) break;
    const links = cur.querySelectorAll('a[href]');
    const shares = Array.from(links).filter((a) => isShareLink(a, base)).length;
    if (links.length > 1 && shares / links.length < 0.5 && linkDensity(cur) > 0.2) break;
    best = cur;
  }
  return best;
}
