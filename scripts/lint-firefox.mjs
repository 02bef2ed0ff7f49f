// web-ext lint on the Firefox store package (dist/packages/readwell-firefox-VERSION.zip, made by
// scripts/package.mjs), unzipped: what addons.mozilla.org would be sent. Offline. It must report
// 0 errors, every warning code must be explained in README.md ("Store packages") and the count
// there must be the count here, so a new warning cannot slip in unread.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packagePath } from './package.mjs';
import { extractZip } from './zip.mjs';

const root = new URL('..', import.meta.url).pathname;
const zip = packagePath('firefox');
if (!existsSync(zip)) {
  console.error(`web-ext lint: ${zip} is missing (run npm run package)`);
  process.exit(1);
}
const dir = extractZip(zip, mkdtempSync(join(tmpdir(), 'readwell-lint-')));
let res;
try {
  res = spawnSync(join(root, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', dir, '--output', 'json', '--no-input', '--no-config-discovery'], { cwd: root, encoding: 'utf8' });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
let report;
try {
  report = JSON.parse(res.stdout);
} catch {
  console.error(`web-ext lint gave no report:\n${res.stdout}\n${res.stderr}`);
  process.exit(1);
}
const { errors = [], warnings = [] } = report;
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const unexplained = [...new Set(warnings.map((w) => w.code))].filter((code) => !readme.includes(`\`${code}\``));
for (const w of warnings) console.log(`web-ext warning ${w.code}: ${w.message}${w.file ? ` (${w.file})` : ''}`);
for (const e of errors) console.error(`web-ext ERROR ${e.code}: ${e.message} (${e.file ?? ''})`);
for (const code of unexplained) console.error(`web-ext warning ${code} is not explained in README.md: read it, then explain it there or fix it`);
const counted = `${errors.length} errors and ${warnings.length} warnings`;
const countStale = !readme.includes(`**${counted}**`);
if (countStale) console.error(`README.md ("Store packages") does not say **${counted}**: bring it up to date`);
console.log(`web-ext lint (${zip.slice(root.length)}): ${counted}`);
process.exit(errors.length || unexplained.length || countStale ? 1 : 0);
