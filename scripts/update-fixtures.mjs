// Regenerates the expected outputs of the fixture corpus: expected.txt, expected.md and
// expected.json per folder under test/fixtures/pages. It bundles the very helpers the tests use
// (test/helpers/outputs.ts over src/core), so what is written is what the tests compare.
// Every regenerated file must be read and judged before it is committed: a golden file nobody
// reviewed only freezes today's bugs.
//
//   node scripts/update-fixtures.mjs            all fixtures
//   node scripts/update-fixtures.mjs seed rtl   fixtures whose folder name contains a word
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const outDir = join(root, 'node_modules', '.cache', 'readwell-fixtures');
const outFile = join(outDir, 'helpers.mjs');
mkdirSync(outDir, { recursive: true });

await build({
  stdin: {
    contents: "export * from './test/helpers/fixtures.ts'; export * from './test/helpers/outputs.ts';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outfile: outFile,
  // fixtures.ts finds the corpus relative to its own folder, as it does under vitest.
  define: { __dirname: JSON.stringify(join(root, 'test', 'helpers')) },
  logLevel: 'warning',
});
const { listFixtures, extractFixture } = await import(pathToFileURL(outFile).href);

const filters = process.argv.slice(2);
const chosen = listFixtures().filter((f) => filters.length === 0 || filters.some((w) => f.name.includes(w)));
if (chosen.length === 0) {
  console.error(`No fixture matches ${filters.join(', ')}`);
  process.exit(1);
}
for (const fixture of chosen) {
  const out = extractFixture(fixture);
  writeFileSync(join(fixture.dir, 'expected.json'), JSON.stringify(out.meta, null, 2) + '\n');
  for (const [file, value] of [['expected.txt', out.text], ['expected.md', out.markdown]]) {
    const path = join(fixture.dir, file);
    if (value === null) rmSync(path, { force: true });
    else writeFileSync(path, value + '\n');
  }
  console.log(`${fixture.name}: ${out.text === null ? out.meta.reason : `${out.meta.wordCount} words`}`);
}
console.log(`\n${chosen.length} fixture(s) written. Read every changed file before committing.`);
