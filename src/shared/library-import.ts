// Reading an export file back: the envelope is checked once, then every article on its own, so
// one bad record is reported with its reason and the good ones still land. Duplicates inside the
// file (same URL) are merged here; duplicates of what is already stored are merged by the store.
import { mergeRecords, validateRecord, type ArticleRecord } from './article-record';
import { EXPORT_FORMAT, EXPORT_VERSION } from './library-export';
import { t } from './strings/t';

export interface InvalidEntry {
  /** Position in the file's `articles` list, from 0. */
  index: number;
  /** The entry's title when it had one, so the report names something a person recognizes. */
  title: string | null;
  reason: string;
}

export type ParsedImport =
  | { ok: true; records: ArticleRecord[]; invalid: InvalidEntry[]; mergedInFile: number }
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
  return { ok: true, records: [...byUrl.values()], invalid, mergedInFile };
}

/** "Article 4 “Title”: url is not an http(s) or file address". */
export function describeInvalid(entry: InvalidEntry): string {
  return entry.title ? t('import_entry_titled', entry.index + 1, entry.title, entry.reason) : t('import_entry', entry.index + 1, entry.reason);
}
