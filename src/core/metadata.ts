// Article metadata as plain, validated values. Pages put markup, entities, bidi overrides and
// junk into titles, bylines and lang attributes; what leaves here is text that is safe to show
// with textContent and values that have been checked.

const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const LANG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8}){0,4}$/i;
const RTL_LANGS = /^(ar|arc|ckb|dv|fa|ha|he|iw|khw|ks|ku|ps|sd|syr|ug|ur|yi)(-|$)/i;
const RTL_CHARS = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/g;
const LTR_CHARS = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u3040-\u30ff\u4e00-\u9fff]/g;

/** Plain single-line text: tags already gone (Readability reads textContent), now controls too. */
export function cleanText(value: string | null | undefined, maxLength: number): string | null {
  if (!value) return null;
  const text = value.replace(BIDI_CONTROLS, '').replace(CONTROL, '').replace(/\s+/g, ' ').trim();
  if (!text) return null;
  if (text.length <= maxLength) return text;
  // Cut by code points, not UTF-16 units: half an emoji is a lone surrogate, which is not text.
  return `${Array.from(text).slice(0, maxLength - 1).join('').trimEnd()}…`;
}

export function validLang(value: string | null | undefined): string | null {
  if (!value) return null;
  const tag = value.trim().replace(/_/g, '-');
  return LANG.test(tag) ? tag : null;
}

/** `rtl` or `ltr`: the declared direction if valid, else the language's, else the text's. */
export function direction(declared: string | null | undefined, lang: string | null, text: string): 'ltr' | 'rtl' {
  const d = declared?.trim().toLowerCase();
  if (d === 'rtl' || d === 'ltr') return d;
  if (lang && RTL_LANGS.test(lang)) return 'rtl';
  const sample = text.slice(0, 4000);
  const rtl = sample.match(RTL_CHARS)?.length ?? 0;
  const ltr = sample.match(LTR_CHARS)?.length ?? 0;
  return rtl > ltr ? 'rtl' : 'ltr';
}

/** An absolute http(s) URL, or null. */
export function httpUrl(value: string | null | undefined, base: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** ISO 8601 if the page's date parses, else null. */
export function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** One attribute test: `name` holds `value` (ASCII case-insensitively), or has it as a token. */
type AttrTest = [attribute: string, value: string, token?: 'token'];

/**
 * The first non-empty content (or href) of a <meta>/<link> passing any of `tests`, in document
 * order. Attribute tests by hand rather than `[attr="x" i]` selectors: in jsdom those take the
 * slow selector engine, and this runs several times per extraction.
 */
function metaContent(doc: Document, tag: 'meta' | 'link', tests: AttrTest[]): string | null {
  for (const el of Array.from(doc.getElementsByTagName(tag))) {
    const matches = tests.some(([attr, value, token]) => {
      const v = el.getAttribute(attr)?.toLowerCase();
      if (v === undefined) return false;
      return token ? v.split(/\s+/).includes(value) : v === value;
    });
    if (!matches) continue;
    const v = el.getAttribute(tag === 'link' ? 'href' : 'content');
    if (v?.trim()) return v.trim();
  }
  return null;
}

export function declaredLang(doc: Document): string | null {
  return validLang(doc.documentElement?.getAttribute('lang'))
    ?? validLang(metaContent(doc, 'meta', [['http-equiv', 'content-language']]))
    ?? validLang(metaContent(doc, 'meta', [['property', 'og:locale']]));
}

/** The site's name as its head declares it (what Readability reads too, for pages it has no article for). */
export function declaredSiteName(doc: Document): string | null {
  return metaContent(doc, 'meta', [['property', 'og:site_name'], ['name', 'application-name']]);
}

export function leadImageOf(doc: Document, content: DocumentFragment, base: string): string | null {
  const declared = metaContent(doc, 'meta', [['property', 'og:image'], ['property', 'og:image:url'], ['name', 'twitter:image'], ['property', 'twitter:image']]);
  return httpUrl(declared, base) ?? httpUrl(content.querySelector('img[src]')?.getAttribute('src'), base);
}

export function canonicalOf(doc: Document, base: string): string | null {
  return httpUrl(metaContent(doc, 'link', [['rel', 'canonical', 'token']]), base);
}

/** The base links resolve against: the document's (which honours <base>) when it is http(s). */
export function baseUrlOf(doc: Document, url: string): string {
  return httpUrl(doc.baseURI, url) ?? url;
}
