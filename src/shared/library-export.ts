// The library's export format: versioned so a later Readwell can read today's files, and
// lossless, so export → wipe → import gives back every record exactly. Records are written with
// their fields in the record's own order, one object per article.
import type { ArticleRecord } from './article-record';

export const EXPORT_FORMAT = 'readwell-library';
export const EXPORT_VERSION = 1;

export interface LibraryExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  articles: ArticleRecord[];
}

export function buildExport(records: readonly ArticleRecord[], now: Date): LibraryExport {
  const articles = [...records].sort((a, b) => b.savedAt - a.savedAt || (a.id < b.id ? 1 : -1));
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), articles };
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
