// web-ext lint on dist/firefox: offline, and it must report 0 errors. Warnings are printed for
// the record; errors fail the step.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const res = spawnSync(join(root, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', join(root, 'dist/firefox'), '--output', 'json', '--no-input', '--no-config-discovery'], { cwd: root, encoding: 'utf8' });
let report;
try {
  report = JSON.parse(res.stdout);
} catch {
  console.error(`web-ext lint gave no report:\n${res.stdout}\n${res.stderr}`);
  process.exit(1);
}
const { errors = [], warnings = [] } = report;
for (const w of warnings) console.log(`web-ext warning ${w.code}: ${w.message}`);
for (const e of errors) console.error(`web-ext ERROR ${e.code}: ${e.message} (${e.file ?? ''})`);
console.log(`web-ext lint: ${errors.length} errors, ${warnings.length} warnings`);
process.exit(errors.length ? 1 : 0);
