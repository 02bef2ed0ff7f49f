// The one build: bundles every entry point with esbuild, then lays out dist/chrome and
// dist/firefox (each loadable unpacked) from the top-level manifest.json, plus the CLI in
// dist/cli. `--test` also writes dist/chrome-test, whose manifest adds loopback host
// permissions for the end-to-end suite. `--sizes` prints bundle sizes; `--out=<dir>` builds
// into <dir> instead of dist/. The strings go in as `_locales/` (scripts/locales.mjs: English
// from the catalogue, each translation in the top-level _locales/ checked and copied), and the
// pages' HTML with its English words filled in.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deriveManifest } from './manifest.mjs';
import { fillHtml, loadCatalogue, messagesOnly, writeLocales } from './locales.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
/** `--out=<dir>` builds there instead of dist/ (test/locales.test.ts builds into a temporary one). */
const dist = resolve(process.argv.find((a) => a.startsWith('--out='))?.slice('--out='.length) || join(root, 'dist'));

/**
 * Extension entry points: [source, output name, format, English messages bundled]. Every string
 * comes from i18n.getMessage; only the content script can outlive its extension (an update
 * while a page is open), and then it must still say so (scripts/locales.mjs messagesOnly).
 */
const entries = [
  ['src/background/index.ts', 'background.js', 'esm', []],
  ['src/content/index.ts', 'content.js', 'iife', ['error_stale']],
  ['src/popup/index.ts', 'popup.js', 'iife', []],
  ['src/library/index.ts', 'library.js', 'iife', []],
  ['src/library/reader-page.ts', 'reader.js', 'iife', []],
];
/** Static files copied as they are: [source, destination inside the extension]. */
const statics = [
  ['src/popup/popup.html', 'popup.html'],
  ['src/library/library.html', 'library.html'],
  ['src/library/reader.html', 'reader.html'],
  ['icons', 'icons'],
];

const common = {
  bundle: true,
  minify: !args.has('--no-minify'),
  sourcemap: false,
  target: ['chrome120', 'firefox128'],
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};

/**
 * The reading fonts (src/shared/fonts.ts names the files): copied from their packages into
 * fonts/, with each package's licence (the OFL asks that it travel with the fonts).
 */
async function copyFonts(staging) {
  const out = await build({ entryPoints: [join(root, 'src/shared/fonts.ts')], bundle: true, write: false, format: 'esm', platform: 'neutral', logLevel: 'warning' });
  const { SHIPPED_FONTS, FONT_PACKAGES } = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
  mkdirSync(join(staging, 'fonts'), { recursive: true });
  for (const [font, { files }] of Object.entries(SHIPPED_FONTS)) {
    const pkg = join(root, 'node_modules', FONT_PACKAGES[font].dir);
    for (const { file } of files) cpSync(join(pkg, 'files', file), join(staging, 'fonts', file));
    cpSync(join(pkg, 'LICENSE'), join(staging, 'fonts', FONT_PACKAGES[font].licence));
  }
}

async function buildExtension() {
  const staging = join(dist, '.staging');
  rmSync(staging, { recursive: true, force: true });
  const sizes = {};
  const catalogue = await loadCatalogue(root);
  for (const [src, out, format, english] of entries) {
    if (!existsSync(join(root, src))) throw new Error(`build: missing entry point ${src}`);
    const result = await build({
      ...common,
      entryPoints: [join(root, src)],
      outfile: join(staging, out),
      format,
      platform: 'browser',
      metafile: true,
      plugins: [messagesOnly(catalogue, english)],
    });
    sizes[out] = Object.values(result.metafile.outputs)[0].bytes;
  }
  for (const [src, dest] of statics) {
    if (src.endsWith('.html')) writeFileSync(join(staging, dest), fillHtml(readFileSync(join(root, src), 'utf8'), catalogue));
    else cpSync(join(root, src), join(staging, dest), { recursive: true });
  }
  writeLocales(staging, catalogue, join(root, '_locales'));
  await copyFonts(staging);
  const base = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const targets = [['chrome', 'chrome', { version }], ['firefox', 'firefox', { version }]];
  if (args.has('--test')) targets.push(['chrome-test', 'chrome', { version, testHosts: true }]);
  for (const [dir, browser, opts] of targets) {
    const out = join(dist, dir);
    rmSync(out, { recursive: true, force: true });
    cpSync(staging, out, { recursive: true });
    writeFileSync(join(out, 'manifest.json'), JSON.stringify(deriveManifest(base, browser, opts), null, 2));
  }
  rmSync(staging, { recursive: true, force: true });
  return sizes;
}

async function buildCli() {
  await build({
    ...common,
    minify: false,
    entryPoints: [join(root, 'src/cli/main.ts')],
    outfile: join(dist, 'cli/readwell.mjs'),
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // jsdom and the other runtime dependencies are installed packages, not bundled.
    packages: 'external',
  });
}

mkdirSync(dist, { recursive: true });
const [sizes] = await Promise.all([buildExtension(), buildCli()]);
writeFileSync(join(dist, 'sizes.json'), JSON.stringify(sizes, null, 2));
if (args.has('--sizes')) for (const [name, bytes] of Object.entries(sizes)) console.log(`${name}\t${(bytes / 1024).toFixed(1)} KB`);
