// `npm start`: the main job on the bundled demo page. Builds the extension, serves the seed
// reconstruction (test/fixtures/pages/svg-icons--seed-news) on 127.0.0.1, opens it in headless
// Chromium with the shipped build (dist/chrome: activeTab only, no host permissions), clicks the
// toolbar button (CDP Extensions.triggerAction, the same user gesture a click is), presses
// "Reader view" in the real popup, and writes to out/:
//   before.png    the page as it loads          reader.png   the page with reader view open
//   article.txt   "Copy text" from the popup    article.md   "Copy Markdown" from the popup
// The text and Markdown are what the extension put on the clipboard, read back from it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, startServer, triggerAction, waitForOverlay, withRealPopup } from './chromium-helpers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'out');
const SEED = 'svg-icons--seed-news';
const step = (msg) => console.log(`demo: ${msg}`);

step('building the extension (node scripts/build.mjs --test)');
const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--test'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

mkdirSync(out, { recursive: true });
const server = await startServer();
const l = await launchChromium('chrome');
let failed = false;
try {
  await l.ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base });
  const page = l.ctx.pages()[0] ?? (await l.ctx.newPage());
  const url = server.fixture(SEED);
  step(`opening ${url}`);
  await page.goto(url);
  await page.screenshot({ path: join(out, 'before.png'), caret: 'initial' });

  step('clicking the Readwell toolbar button, then "Reader view" in its popup');
  await triggerAction(l, page);
  await withRealPopup(l, (popup) => popup.locator('[data-testid="popup-toggle"]').click());
  const overlay = await waitForOverlay(page);
  await page.waitForTimeout(300); // let fonts and any open transition settle before the picture
  await page.screenshot({ path: join(out, 'reader.png'), caret: 'initial' });
  step(`reader view is open (${(overlay.text['reader-content'] ?? '').split(/\s+/).filter(Boolean).length} words shown)`);

  for (const [button, file] of [['popup-copy-text', 'article.txt'], ['popup-copy-markdown', 'article.md']]) {
    await page.bringToFront();
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await triggerAction(l, page);
    await withRealPopup(l, (popup) => popup.locator(`[data-testid="${button}"]`).click());
    let text = '';
    for (let i = 0; i < 100 && !text; i++) {
      await page.bringToFront();
      text = await page.evaluate(() => navigator.clipboard.readText());
      if (!text) await page.waitForTimeout(50);
    }
    if (!text) throw new Error(`"${button}" put nothing on the clipboard`);
    writeFileSync(join(out, file), text.endsWith('\n') ? text : `${text}\n`);
  }
} catch (err) {
  failed = true;
  console.error(`demo: failed: ${err instanceof Error ? err.message : err}`);
} finally {
  await l.close();
  await server.close();
}
if (failed) process.exit(1);
const rel = (f) => relative(process.cwd(), join(out, f)) || f;
console.log(`\nReadwell demo done. Files:
  ${rel('before.png')}    the seed page as loaded
  ${rel('reader.png')}    the same page in reader view
  ${rel('article.txt')}   the article as "Copy text" put it on the clipboard
  ${rel('article.md')}    the article as "Copy Markdown" put it on the clipboard`);
