// The browser suite's own Chromium launch, page server and overlay reader
// (test/e2e/helpers/chromium.ts, server.ts, overlay.ts), for the scripts that drive a browser:
// the demo, the browser bench and the store screenshots. One launch for all of them, so a flag
// changed for the tests is the flag the demo runs with. Node runs no TypeScript here, so esbuild
// bundles the helpers on each run into node_modules/.cache (where `playwright-core` resolves),
// under a name of this process's own, removed once loaded.
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cache = join(root, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const file = join(cache, `readwell-chromium-helpers-${process.pid}.mjs`);
await build({
  stdin: {
    contents: [
      "export { launchChromium, triggerAction, withRealPopup } from './test/e2e/helpers/chromium.ts';",
      "export { startServer } from './test/e2e/helpers/server.ts';",
      "export { waitForOverlay } from './test/e2e/helpers/overlay.ts';",
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
  },
  outfile: file,
  bundle: true,
  format: 'esm',
  platform: 'node',
  packages: 'external',
  // server.ts finds the project folder from its own URL; the bundle lives elsewhere.
  define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(root, 'test/e2e/helpers/server.ts')).href) },
  logLevel: 'warning',
});
const helpers = await import(pathToFileURL(file).href).finally(() => rmSync(file, { force: true }));

/** @type {typeof import('../test/e2e/helpers/chromium.ts').launchChromium} */
export const launchChromium = helpers.launchChromium;
/** @type {typeof import('../test/e2e/helpers/chromium.ts').triggerAction} */
export const triggerAction = helpers.triggerAction;
/** @type {typeof import('../test/e2e/helpers/chromium.ts').withRealPopup} */
export const withRealPopup = helpers.withRealPopup;
/** @type {typeof import('../test/e2e/helpers/server.ts').startServer} */
export const startServer = helpers.startServer;
/** @type {typeof import('../test/e2e/helpers/overlay.ts').waitForOverlay} */
export const waitForOverlay = helpers.waitForOverlay;
