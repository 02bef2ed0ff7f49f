// Pages the extension may not touch, told apart by URL before trying, so the popup and every
// action can say why in plain words instead of failing silently. Browsers block injection into
// their own pages, other extensions' pages and their extension stores; file:// needs a switch
// the user turns on; the built-in PDF viewer has no article DOM.
import { t, type PlainKey } from '../shared/strings/t';

/** Each restriction's words; `pdf` is also what the content script says on a PDF (content/source.ts). */
const MESSAGES = {
  browser: 'restricted_browser',
  store: 'restricted_store',
  pdf: 'restricted_pdf',
  file: 'restricted_file',
  // The browser refused without saying why: say what kinds of page it refuses.
  unknown: 'restricted_unknown',
} as const satisfies Record<string, PlainKey>;

const BROWSER_SCHEMES = /^(chrome|chrome-untrusted|chrome-search|devtools|edge|brave|opera|vivaldi|about|moz-extension|chrome-extension|extension|view-source|resource|jar|data|blob|javascript|filesystem):/i;
/** Store hosts (and Firefox's other restricted Mozilla domains), with an optional path prefix. */
const STORES: [host: string, path: string][] = [
  ['chromewebstore.google.com', '/'],
  ['chrome.google.com', '/webstore'],
  ['microsoftedge.microsoft.com', '/addons'],
  ['addons.mozilla.org', '/'],
  ['addons.cdn.mozilla.net', '/'],
  ['discovery.addons.mozilla.org', '/'],
  ['accounts.firefox.com', '/'],
  ['support.mozilla.org', '/'],
];

export type Restriction = keyof typeof MESSAGES;

export function restrictionMessage(why: Restriction): string {
  return t(MESSAGES[why]);
}

/**
 * Why `url` is off limits, or null when it may be read. An unknown URL (no `tabs` permission and
 * no grant yet) is not judged here: the caller tries injection and reports what fails.
 */
export function restrictionOf(url: string | undefined, fileAccess: boolean): Restriction | null {
  if (!url) return null;
  if (BROWSER_SCHEMES.test(url)) return 'browser';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'unknown';
  }
  if (parsed.protocol === 'file:') return fileAccess ? (isPdfPath(parsed) ? 'pdf' : null) : 'file';
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'browser';
  const host = parsed.hostname.toLowerCase();
  if (STORES.some(([h, path]) => host === h && parsed.pathname.startsWith(path))) return 'store';
  return null;
}

function isPdfPath(url: URL): boolean {
  return /\.pdf$/i.test(url.pathname);
}

/** The message for a failed injection: a PDF by its path, else the plain "can't access". */
export function injectionFailure(url: string | undefined): string {
  try {
    if (url && isPdfPath(new URL(url))) return restrictionMessage('pdf');
  } catch {
    // Not a URL: fall through.
  }
  return restrictionMessage('unknown');
}
