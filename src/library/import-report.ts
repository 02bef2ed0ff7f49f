// What the library page says after an import: the counts, or why nothing was imported, and the
// entries of the file that were skipped (the first 50 of them by name; a long list would bury
// the counts).
import { describeInvalid } from '../shared/library-import';
import { t, tn } from '../shared/strings/t';
import { h } from './dom';
import type { ImportReport } from './library-model';

const LISTED = 50;

/** The report's contents; `pending` while the file is still being read (the reason is a progress line). */
export function importReportContent(doc: Document, report: ImportReport, pending = false): (string | Node)[] {
  const lines: (string | Node)[] = [];
  if (report.ok) {
    const { added, merged, unchanged } = report.outcome;
    const merges = merged + report.mergedInFile;
    lines.push(t('import_done', added, merges, unchanged));
    if (report.imagesDamaged > 0) lines.push(` ${tn('import_images_damaged', report.imagesDamaged)}`);
  } else lines.push(pending ? report.reason : t('import_nothing', report.reason));
  const invalid = report.invalid ?? [];
  if (invalid.length) {
    lines.push(` ${tn('import_skipped', invalid.length)}`);
    lines.push(h(doc, 'ul', {}, invalid.slice(0, LISTED).map((i) => h(doc, 'li', {}, [describeInvalid(i)]))));
    if (invalid.length > LISTED) lines.push(tn('import_more', invalid.length - LISTED));
  }
  return lines;
}
