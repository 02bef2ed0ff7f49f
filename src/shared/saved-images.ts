// The images a saved article keeps, so the offline reader shows them with the site unreachable
// and without telling the site what is being read. Shared by the content script (which fetches
// them: it has the page's access), the background (which stores them) and the extension pages
// (which render them from storage, and export and import them).
//
// The bytes are kept once per content (by SHA-256), so a picture several articles show is stored
// once. Only raster formats whose first bytes say what they are: the type is read from the bytes,
// never taken from the server, and SVG is refused (an SVG opened on its own runs script, and a
// blob: address in an extension page would run it with the extension's rights).
import { parseSrcset } from '../core/srcset';

/** One image of a saved article: the address it had on the page and the stored bytes it maps to. */
export interface ImageRef {
  /** Absolute http(s) address, as the article's HTML (or its lead image) names it. */
  url: string;
  /** SHA-256 of the bytes, 64 lower-case hex digits: the key of the stored image. */
  hash: string;
  type: ImageType;
  bytes: number;
}

/** What the content script hands over with a draft: an address and its bytes in base64 (runtime messages carry JSON in Chrome). */
export interface DraftImage {
  url: string;
  data: string;
}

/** Why an image of the article was not kept; the save notice counts them. */
export type SkipReason = 'too-big' | 'article-full' | 'refused' | 'not-image' | 'timeout';

export interface SkippedImage {
  url: string;
  reason: SkipReason;
}

/** The stored form: bytes as an ArrayBuffer (clones the same in every IndexedDB, fake-indexeddb included). */
export interface StoredImage {
  hash: string;
  type: ImageType;
  data: ArrayBuffer;
}

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif', 'image/bmp'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

export const IMAGE_LIMITS = {
  /** A photo at article width is ~100–500 KB; 5 MB keeps any real one and refuses a raw camera file. */
  perImageBytes: 5 * 1024 * 1024,
  /** All images of one article together (the runtime message carries them as base64, ~1.34×). */
  perArticleBytes: 25 * 1024 * 1024,
  perArticle: 150,
  /** One image may take this long; the whole set twice as long, so a save never hangs on a slow site. */
  imageTimeoutMs: 10_000,
  allTimeoutMs: 20_000,
} as const;

const HASH = /^[0-9a-f]{64}$/;
export const isImageHash = (v: unknown): v is string => typeof v === 'string' && HASH.test(v);
export const isImageType = (v: unknown): v is ImageType => typeof v === 'string' && (IMAGE_TYPES as readonly string[]).includes(v);

const startsWith = (b: Uint8Array, bytes: readonly number[], at = 0) => bytes.every((x, i) => b[at + i] === x);
const ascii = (b: Uint8Array, at: number, text: string) => startsWith(b, [...text].map((c) => c.charCodeAt(0)), at);

/** The image format the bytes themselves declare, or null for anything else (SVG, HTML, truncated data). */
export function sniffImageType(b: Uint8Array): ImageType | null {
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')) return 'image/gif';
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return 'image/webp';
  if (ascii(b, 4, 'ftyp') && (ascii(b, 8, 'avif') || ascii(b, 8, 'avis'))) return 'image/avif';
  if (ascii(b, 0, 'BM') && b.length > 26) return 'image/bmp';
  return null;
}

export async function sha256Hex(data: ArrayBuffer | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data as BufferSource);
  return Array.from(new Uint8Array(digest), (x) => x.toString(16).padStart(2, '0')).join('');
}

/** Base64 without one huge intermediate string per byte (chunks of 32 KB for String.fromCharCode). */
export function toBase64(data: ArrayBuffer | Uint8Array): string {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The bytes of a base64 string, or null when it is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** Every address an <img> or <source> may show: its src, then each srcset candidate's. */
export function addressesOf(el: Element): string[] {
  const srcset = parseSrcset(el.getAttribute('srcset') ?? '').map((c) => c.url);
  const src = el.getAttribute('src');
  return src ? [src, ...srcset] : srcset;
}

/**
 * Which picture an address shows, to tell the lead image from the article's own: host (without
 * `www.`) and path, over http or https alike. Image hosts put sizes and crops in the query
 * (`?w=1024&h=512&crop=faces`), so the page's og:image and its first photo differ only there;
 * the query counts only where the path names no picture of its own (`/image.php?id=5`).
 */
export function pictureKey(url: string | null | undefined, base: string): string | null {
  if (!url) return null;
  try {
    const u = new URL(url, base);
    const namesFile = /\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic)$/i.test(u.pathname) || /[0-9a-f]{16,}/i.test(u.pathname);
    return `${u.host.replace(/^www\./, '')}${u.pathname}${namesFile ? '' : u.search}`;
  } catch {
    return null;
  }
}

/** True when an image of `content` shows the picture at `url` (at any size): the lead image is then not shown twice. */
export function showsPicture(content: ParentNode, url: string, base: string): boolean {
  const key = pictureKey(url, base);
  return Array.from(content.querySelectorAll('img, source')).some((img) => addressesOf(img).some((u) => pictureKey(u, base) === key));
}
