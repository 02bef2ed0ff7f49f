// What the library page says after an import: the counts, or why nothing was imported, and the
// entries of the file that were skipped (the first 50 of them by name; a long list would bury
// the counts).
import { describeInvalid } from '../shared/library-import';
import { h } from './dom';
import type { ImportReport } from './library-model';

const LISTED = 50;

/** The report's contents; `pending` while the file is still being read (the reason is a progress line). */
export function importReportContent(doc: Document, report: ImportReport, pending = false): (string | Node)[] {
  const lines: (string | Node)[] = [];
  if (report.ok) {
    const { added, merged, unchanged } = report.outcome;
    const merges = merged + report.mergedInFile;
    lines.push(`Imported: ${added} new, ${merges} merged with a copy already saved, ${unchanged} already up to date.`);
  } else lines.push(pending ? report.reason : `Nothing was imported: ${report.reason}`);
  const invalid = report.invalid ?? [];
  if (invalid.length) {
    lines.push(` ${invalid.length} ${invalid.length === 1 ? 'entry was' : 'entries were'} skipped:`);
    lines.push(h(doc, 'ul', {}, invalid.slice(0, LISTED).map((i) => h(doc, 'li', {}, [describeInvalid(i)]))));
    if (invalid.length > LISTED) lines.push(`…and ${invalid.length - LISTED} more.`);
  }
  return lines;
}
