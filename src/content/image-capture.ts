// The article's images, fetched when the user saves it so the saved copy reads offline (what is
// kept, and why only raster bytes, is in shared/saved-images.ts). The content script fetches them
// because it runs in the page with the page's access: same-origin images come with the page's
// cookies, and `force-cache` takes them from the browser's cache, where the page usually has them
// already, rather than asking the site again. Cross-origin images are asked for in CORS mode: one
// served without Access-Control-Allow-Origin is refused by the browser, and is reported as
// skipped rather than got some other way.
//
// Nothing the page does makes a capture throw or hang: a bad address, a refusal, a slow host or a
// body that is no image each end as a skipped entry with its reason, and the save goes through.
import { parseSrcset, type Candidate } from '../core/srcset';
import { IMAGE_LIMITS, sniffImageType, toBase64, type DraftImage, type SkipReason, type SkippedImage } from '../shared/saved-images';

export interface CaptureLimits {
  perImageBytes: number;
  perArticleBytes: number;
  perArticle: number;
  imageTimeoutMs: number;
  allTimeoutMs: number;
}

export interface Capture {
  images: DraftImage[];
  skipped: SkippedImage[];
}

/** Requests at once: enough to hide latency, few enough not to crowd out the page's own. */
const IN_FLIGHT = 4;

/** The width a wide screen asks a `w` srcset for (an article column at 2× density, roughly). */
const WIDE = 1200;

/** The absolute http(s) address `x` names, or null (data:, blob:, javascript:, unparseable). */
function httpAddress(x: string | null, base: string): string | null {
  if (!x || !x.trim()) return null;
  try {
    const u = new URL(x, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * The one candidate a browser on a wide screen shows: for widths the smallest at least WIDE, else
 * the widest; for densities (none meaning 1x) 2x, else the largest below it, else the smallest.
 * Candidates that cannot be fetched (data: placeholders, mostly) are left out first, so a real
 * picture behind a lazy-loading placeholder is still found.
 */
function chooseFromSrcset(srcset: string | null, base: string): string | null {
  if (!srcset) return null;
  const all = parseSrcset(srcset)
    .map((c) => ({ ...c, url: httpAddress(c.url, base) }))
    .filter((c): c is Candidate => c.url !== null);
  const widths = all.filter((c) => c.width !== undefined);
  if (widths.length) {
    const wide = widths.filter((c) => c.width! >= WIDE).sort((a, b) => a.width! - b.width!)[0];
    return (wide ?? widths.reduce((a, b) => (b.width! > a.width! ? b : a))).url;
  }
  if (!all.length) return null;
  const density = (c: Candidate) => c.density ?? 1;
  const atMost2 = all.filter((c) => density(c) <= 2);
  if (atMost2.length) return atMost2.reduce((a, b) => (density(b) > density(a) ? b : a)).url;
  return all.reduce((a, b) => (density(b) < density(a) ? b : a)).url;
}

/** What an <img> or a <picture>'s <source> shows: its srcset's choice, else its src. */
const shownBy = (el: Element, base: string) => chooseFromSrcset(el.getAttribute('srcset'), base) ?? httpAddress(el.getAttribute('src'), base);

/** Which addresses to fetch, absolute http(s), de-duplicated, in document order, lead image last unless already present. */
export function imagesToKeep(root: ParentNode, base: string, leadImage: string | null): string[] {
  const seen = new Set<string>();
  const keep = (url: string | null) => {
    if (url && !seen.has(url)) seen.add(url);
  };
  // <source> elements are not fetched in their own right: they are the picture the <img> shows,
  // in other formats or sizes. The video's own media and tracks are never images.
  for (const el of Array.from(root.querySelectorAll('img, video[poster]'))) {
    if (el.localName === 'video') {
      keep(httpAddress(el.getAttribute('poster'), base));
      continue;
    }
    let url = shownBy(el, base);
    // An <img> left without an address of its own inside a <picture> (its sources carry the
    // picture, the <img> only a placeholder): the first source that names one.
    const picture = el.parentElement?.localName === 'picture' ? el.parentElement : null;
    for (const source of picture ? Array.from(picture.children) : []) {
      if (url) break;
      if (source.localName === 'source') url = chooseFromSrcset(source.getAttribute('srcset'), base);
    }
    keep(url);
  }
  keep(httpAddress(leadImage, base));
  return [...seen];
}

type Outcome = { bytes: Uint8Array } | { reason: SkipReason };

const noop = () => {};
/** What an abandoned wait rejects with: only its being a rejection matters (the reason is read from the signal). */
const ABANDONED = Symbol('abandoned');

/** `p`, or a rejection as soon as `signal` aborts: a fetch that ignores its signal cannot hold the capture. */
function abortable<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(ABANDONED);
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(ABANDONED);
    signal.addEventListener('abort', stop, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

/** Lets go of a response's body unread, so the connection is freed. */
function discard(response: Response | undefined): void {
  try {
    const body = response?.body;
    if (body && !body.locked) body.cancel().catch(noop);
  } catch {
    // A body the page's fetch replacement made up: nothing to free.
  }
}

/** The body's bytes, or null once it passes `max` (reading stops there: no length header is trusted to be there). */
async function readBody(response: Response, max: number, signal: AbortSignal): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await abortable(reader.read(), signal);
      if (done) break;
      size += value.byteLength;
      if (size > max) return null;
      chunks.push(value);
    }
  } finally {
    reader.cancel().catch(noop);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

/** One image: its bytes, or why not. `reserve` takes its share of the article's bytes, or says there is none left. */
async function fetchOne(url: string, fetchImpl: typeof fetch, limits: CaptureLimits, all: AbortSignal, reserve: (bytes: number) => boolean): Promise<Outcome> {
  const own = new AbortController();
  const stop = () => own.abort();
  all.addEventListener('abort', stop, { once: true });
  const timer = setTimeout(stop, limits.imageTimeoutMs);
  let response: Response | undefined;
  try {
    const pending = Promise.resolve().then(() => fetchImpl(url, { credentials: 'same-origin', cache: 'force-cache', redirect: 'follow', signal: own.signal }));
    // A response that comes after the timeout is nobody's: free it.
    pending.then((r) => own.signal.aborted && discard(r), noop);
    response = await abortable(pending, own.signal);
    if (!response.ok) return { reason: 'refused' };
    const length = Number(response.headers.get('content-length'));
    if (length > limits.perImageBytes) return { reason: 'too-big' };
    const bytes = await readBody(response, limits.perImageBytes, own.signal);
    if (!bytes) return { reason: 'too-big' };
    // The type is the bytes' word, never the server's: SVG and HTML error pages stop here.
    if (!sniffImageType(bytes)) return { reason: 'not-image' };
    return reserve(bytes.byteLength) ? { bytes } : { reason: 'article-full' };
  } catch {
    // A fetch rejects for a network error and a CORS refusal alike; an abort is our own timeout.
    return { reason: own.signal.aborted ? 'timeout' : 'refused' };
  } finally {
    clearTimeout(timer);
    all.removeEventListener('abort', stop);
    discard(response);
  }
}

/**
 * The article's images, fetched through the page's `fetchImpl`, with what was skipped and why.
 * The article's byte budget is taken in the order the images arrive (an image too large for
 * what is left is skipped, and a smaller later one may still fit), so at most that much is held.
 */
export async function captureImages(root: ParentNode, base: string, leadImage: string | null, fetchImpl: typeof fetch, limits: CaptureLimits = IMAGE_LIMITS): Promise<Capture> {
  const urls = imagesToKeep(root, base, leadImage);
  const wanted = Math.min(urls.length, Math.max(0, limits.perArticle));
  const outcomes: (Outcome | undefined)[] = urls.map((_, i) => (i < wanted ? undefined : { reason: 'article-full' }));
  let total = 0;
  const reserve = (bytes: number) => {
    if (total + bytes > limits.perArticleBytes) return false;
    total += bytes;
    return true;
  };
  const all = new AbortController();
  const deadline = setTimeout(() => all.abort(), limits.allTimeoutMs);
  let next = 0;
  const worker = async () => {
    while (next < wanted && !all.signal.aborted) {
      const i = next++;
      outcomes[i] = await fetchOne(urls[i]!, fetchImpl, limits, all.signal, reserve);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, wanted) }, worker));
  } finally {
    clearTimeout(deadline);
  }
  const capture: Capture = { images: [], skipped: [] };
  urls.forEach((url, i) => {
    // Not started before the deadline: as much a timeout as one cut off.
    const o = outcomes[i] ?? { reason: 'timeout' };
    if ('bytes' in o) capture.images.push({ url, data: toBase64(o.bytes) });
    else capture.skipped.push({ url, reason: o.reason });
  });
  return capture;
}
