// The library's export format: versioned so a later Readwell can read today's files, and
// lossless, so export → wipe → import gives back every record exactly. Records are written with
// their fields in the record's own order, one object per article.
//
// Version 2 carries the images kept with the articles: `images` maps each hash an article refers
// to onto its type and bytes in base64, each picture once however many articles show it. A
// version 1 file (no images) still imports.
import type { ArticleRecord } from './article-record';
import { toBase64, type ImageType, type StoredImage } from './saved-images';

export const EXPORT_FORMAT = 'readwell-library';
export const EXPORT_VERSION = 2;

export interface ExportedImage {
  type: ImageType;
  /** The bytes, base64. */
  data: string;
}

export interface LibraryExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  articles: ArticleRecord[];
  /** By SHA-256 of the bytes, in hash order: only images the exported articles refer to. */
  images: Record<string, ExportedImage>;
}

export function buildExport(records: readonly ArticleRecord[], now: Date, stored: readonly StoredImage[] = []): LibraryExport {
  const articles = [...records].sort((a, b) => b.savedAt - a.savedAt || (a.id < b.id ? 1 : -1));
  const used = new Set(articles.flatMap((a) => a.images.map((i) => i.hash)));
  const images: Record<string, ExportedImage> = {};
  for (const image of [...stored].sort((a, b) => (a.hash < b.hash ? -1 : 1))) {
    if (used.has(image.hash)) images[image.hash] = { type: image.type, data: toBase64(image.data) };
  }
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), articles, images };
}

export function serializeExport(data: LibraryExport): string {
  return JSON.stringify(data, null, 1);
}

/** `readwell-library-2025-01-31.json`. */
export function exportFileName(now: Date): string {
  return `readwell-library-${now.toISOString().slice(0, 10)}.json`;
}

/** A file name for one article: its title, reduced to what every file system accepts. */
export function articleFileName(title: string, extension: 'md' | 'html' | 'epub'): string {
  const base = title
    .normalize('NFKC')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 80)
    .trim();
  return `${base || 'article'}.${extension}`;
}
