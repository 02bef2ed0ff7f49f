// `npm run package` (after the build): the store packages, made from exactly the files dist/ loads
// unpacked, so what was tested is what is uploaded:
//   dist/packages/readwell-chrome-VERSION.zip    for the Chrome Web Store (dist/chrome)
//   dist/packages/readwell-firefox-VERSION.zip   for addons.mozilla.org (dist/firefox)
// VERSION is package.json's, which the build also wrote into both manifests. Both zips are made
// by `web-ext build`, offline. Each is read back afterwards: same files, same bytes, that version.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readZip } from './zip.mjs';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'dist', 'packages');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name), base) : [relative(base, join(dir, e.name))]));
}

export function packagePath(browser) {
  return join(out, `readwell-${browser}-${version}.zip`);
}

function pack(browser) {
  const source = join(root, 'dist', browser);
  if (!existsSync(join(source, 'manifest.json'))) throw new Error(`package: ${source} is not built (run node scripts/build.mjs)`);
  const manifest = JSON.parse(readFileSync(join(source, 'manifest.json'), 'utf8'));
  if (manifest.version !== version) throw new Error(`package: dist/${browser} is version ${manifest.version}, package.json says ${version}: rebuild`);
  const zip = packagePath(browser);
  rmSync(zip, { force: true });
  const res = spawnSync(join(root, 'node_modules/.bin/web-ext'), ['build', '--source-dir', source, '--artifacts-dir', out, '--filename', `readwell-${browser}-${version}.zip`, '--overwrite-dest', '--no-config-discovery'], { cwd: root, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`package: web-ext build failed for ${browser}:\n${res.stdout}\n${res.stderr}`);

  // Read it back: exactly dist/<browser>, byte for byte.
  const files = readZip(zip);
  const want = filesUnder(source).sort();
  const got = [...files.keys()].sort();
  if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`package: ${zip} holds ${got.join(', ')}; dist/${browser} has ${want.join(', ')}`);
  for (const name of want) if (!files.get(name).equals(readFileSync(join(source, name)))) throw new Error(`package: ${name} in ${zip} differs from dist/${browser}`);
  return `${relative(root, zip)} (${want.length} files, ${(readFileSync(zip).length / 1024).toFixed(0)} KB)`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(out, { recursive: true });
  try {
    for (const browser of ['chrome', 'firefox']) console.log(`package: ${pack(browser)}`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
