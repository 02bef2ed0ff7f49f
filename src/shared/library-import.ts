// Reading an export file back: the envelope is checked once, then every article on its own, so
// one bad record is reported with its reason and the good ones still land. Duplicates inside the
// file (same URL) are merged here; duplicates of what is already stored are merged by the store.
import { mergeRecords, validateRecord, type ArticleRecord } from './article-record';
import { EXPORT_FORMAT, EXPORT_VERSION } from './library-export';
import { IMAGE_LIMITS, fromBase64, isImageHash, sha256Hex, sniffImageType, type StoredImage } from './saved-images';
import { t } from './strings/t';

export interface InvalidEntry {
  /** Position in the file's `articles` list, from 0. */
  index: number;
  /** The entry's title when it had one, so the report names something a person recognizes. */
  title: string | null;
  reason: string;
}

/** An image entry of the file, not yet checked against its hash (readImages does that). */
export interface FileImage {
  hash: string;
  data: string;
}

export type ParsedImport =
  | { ok: true; records: ArticleRecord[]; invalid: InvalidEntry[]; mergedInFile: number; images: FileImage[] }
  | { ok: false; reason: string };

/** Larger files are refused before parsing: an honest message beats a frozen tab. */
const MAX_IMPORT_MB = 512;
export const MAX_IMPORT_BYTES = MAX_IMPORT_MB * 1024 * 1024;

export function parseImport(text: string): ParsedImport {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, reason: t('import_too_big', MAX_IMPORT_MB) };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: t('import_not_json') };
  }
  return parseImportData(data);
}

export function parseImportData(data: unknown): ParsedImport {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, reason: t('import_not_export') };
  const d = data as Record<string, unknown>;
  if (d.format !== EXPORT_FORMAT) return { ok: false, reason: t('import_not_export') };
  if (typeof d.version !== 'number' || d.version > EXPORT_VERSION || d.version < 1) {
    return { ok: false, reason: t('import_version', String(d.version), String(EXPORT_VERSION)) };
  }
  if (!Array.isArray(d.articles)) return { ok: false, reason: t('import_no_list') };

  const byUrl = new Map<string, ArticleRecord>();
  const ids = new Set<string>();
  const invalid: InvalidEntry[] = [];
  let mergedInFile = 0;
  d.articles.forEach((entry: unknown, index: number) => {
    const checked = validateRecord(entry);
    if (!checked.ok) {
      const title = entry && typeof entry === 'object' && typeof (entry as { title?: unknown }).title === 'string' ? (entry as { title: string }).title.slice(0, 120) : null;
      invalid.push({ index, title, reason: checked.reason });
      return;
    }
    const record = checked.value;
    const same = byUrl.get(record.url);
    if (same) {
      byUrl.set(record.url, mergeRecords(same, record));
      mergedInFile++;
    } else if (ids.has(record.id)) {
      invalid.push({ index, title: record.title, reason: t('import_duplicate_id', record.id) });
    } else {
      byUrl.set(record.url, record);
      ids.add(record.id);
    }
  });
  return { ok: true, records: [...byUrl.values()], invalid, mergedInFile, images: fileImages(d.images) };
}

/** The file's image entries that have the shape of one; anything else is left out (its articles then show "Image not saved"). */
function fileImages(value: unknown): FileImage[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const maxData = Math.ceil(IMAGE_LIMITS.perImageBytes / 3) * 4;
  return Object.entries(value as Record<string, unknown>).flatMap(([hash, entry]) => {
    const data = entry && typeof entry === 'object' ? (entry as { data?: unknown }).data : undefined;
    return isImageHash(hash) && typeof data === 'string' && data.length <= maxData ? [{ hash, data }] : [];
  });
}

/**
 * The file's images as they will be stored: only those whose bytes are a picture and hash to the
 * name they are filed under, since a hand-edited or damaged file must not give one article
 * another's picture. `damaged` counts the rest, for the report.
 */
export async function readImages(images: readonly FileImage[]): Promise<{ images: Map<string, StoredImage>; damaged: number }> {
  const kept = new Map<string, StoredImage>();
  let damaged = 0;
  for (const { hash, data } of images) {
    const bytes = fromBase64(data);
    const type = bytes ? sniffImageType(bytes) : null;
    if (!bytes || !type || (await sha256Hex(bytes)) !== hash) {
      damaged++;
      continue;
    }
    kept.set(hash, { hash, type, data: bytes.buffer as ArrayBuffer });
  }
  return { images: kept, damaged };
}

/** "Article 4 “Title”: url is not an http(s) or file address". */
export function describeInvalid(entry: InvalidEntry): string {
  return entry.title ? t('import_entry_titled', entry.index + 1, entry.title, entry.reason) : t('import_entry', entry.index + 1, entry.reason);
}
