// The article's title without the site's name glued to it: "The long life of the canal — River
// Notes", "Chain keeps skipping - Repairs - Spokesfolk Community". Readability trims such a suffix
// only in some shapes and keeps it whenever the rest looks too short to be a title, so the reader's
// header, the outline, saved files and the clipboard repeated the site's name after the title.
// Two signs, both from the page itself: the page's own <h1> reads as the title's start up to a
// separator, or the title ends with a separator and the site name the page declares. A colon is
// not such a separator: it more often opens a subtitle.

const SEPARATOR = /^\s*[-–—|·»/]/u;
const SEPARATORS = new Set(['-', '–', '—', '|', '·', '»', '/']);
/** An <h1> shorter than this is a logo or a section name, not the headline. */
const MIN_HEADLINE_CHARS = 12;

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

export function withoutSiteSuffix(title: string, headline: string | null, siteName: string | null): string {
  const t = collapse(title);
  const h = headline ? collapse(headline) : '';
  if (h.length >= MIN_HEADLINE_CHARS && h.length < t.length && t.startsWith(h) && SEPARATOR.test(t.slice(h.length))) return h;
  const site = siteName ? collapse(siteName) : '';
  if (site && t.length > site.length && t.toLowerCase().endsWith(site.toLowerCase())) {
    // Trimmed by hand: a pattern of optional spaces, a separator and optional spaces anchored at
    // the end backtracks quadratically on a long run of spaces.
    const rest = t.slice(0, t.length - site.length).trimEnd();
    if (SEPARATORS.has(rest.slice(-1))) {
      const trimmed = rest.slice(0, -1).trimEnd();
      if (trimmed.length >= MIN_HEADLINE_CHARS) return trimmed;
    }
  }
  return t;
}

/** The first <h1> of the page's body, read before Readability takes the copy apart. */
export function firstHeadline(doc: Document): string | null {
  const h1 = doc.body?.getElementsByTagName('h1')[0];
  return h1 ? (h1.textContent ?? '') : null;
}
