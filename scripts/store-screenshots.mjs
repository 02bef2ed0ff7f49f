// `npm run store:screenshots`: the store screenshots in store/screenshots/, 1280x800 (what the
// Chrome Web Store asks for; addons.mozilla.org takes the same), taken from the shipped build
// (dist/chrome, activeTab only) driven as a user drives it: the toolbar button (CDP
// Extensions.triggerAction, a simulated click) and the real popup, on the bundled fixture pages
// served from 127.0.0.1. Pages with no pictures are chosen: nothing leaves the machine, so a
// picture from the web would show as a broken image. Builds first.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, startServer, triggerAction, waitForOverlay, withRealPopup } from './chromium-helpers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'store', 'screenshots');
const step = (msg) => console.log(`store-screenshots: ${msg}`);
const byTestId = (id) => `[data-testid="${id}"]`;

/** Articles saved for the library shot, oldest first (the library lists the newest first). */
const LIBRARY = [
  'keep--data-tables',
  'empty-leftovers--heading-anchors',
  'icon-fonts--font-awesome-blog',
  'newsletter--signup-pitches',
  'code-language--mixed-highlighters',
  'keep--footnotes',
];

const build = spawnSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
mkdirSync(out, { recursive: true });
const server = await startServer();
const url = (slug) => server.fixture(slug);

/** Writes the screen once it has stopped changing (fonts loaded, a transition or smooth scroll over). */
async function shot(page, name) {
  let last = await page.screenshot({ caret: 'initial' });
  for (let i = 0; i < 50; i++) {
    await page.waitForTimeout(100);
    const now = await page.screenshot({ caret: 'initial' });
    if (now.equals(last)) break;
    last = now;
  }
  writeFileSync(join(out, `${name}.png`), last);
  step(`store/screenshots/${name}.png`);
}

/** Toolbar button on `page`, then `act(popup)` in the real popup. */
async function fromToolbar(l, page, act) {
  await page.bringToFront();
  await triggerAction(l, page);
  await withRealPopup(l, async (popup) => {
    await popup.locator(`${byTestId('popup-toggle')}:not([disabled])`).waitFor();
    await act(popup);
  });
}

/** The toolbar button on a new tab at `slug`; in the real popup, `settings` ([testid, value]) and then "Open reader view". */
async function readerWith(l, slug, settings = []) {
  const page = await l.ctx.newPage();
  await page.goto(url(slug));
  await fromToolbar(l, page, async (popup) => {
    for (const [testid, value] of settings) await popup.locator(byTestId(testid)).selectOption(value);
    await popup.locator(byTestId('popup-toggle')).click();
  });
  await waitForOverlay(page);
  await page.bringToFront();
  return page;
}

let failed = false;
const l = await launchChromium('chrome', { colorScheme: 'light' });
try {
  // Reader view as it first opens: the default theme follows the (light) system. Each tab is
  // closed after its picture: the toolbar button finds its tab by URL, and the library's
  // articles are opened again below.
  const light = await readerWith(l, 'keep--footnotes');
  await shot(light, '1-reader-light');
  await light.close();

  // The library, with a few articles saved from the popup and three of them tagged.
  for (const slug of LIBRARY) {
    const p = await l.ctx.newPage();
    await p.goto(url(slug));
    await fromToolbar(l, p, async (popup) => {
      await popup.locator(byTestId('popup-save')).click();
      await popup.locator(byTestId('popup-message')).filter({ hasText: /Saved “/ }).waitFor();
    });
    await p.close();
  }
  const library = await l.ctx.newPage();
  await library.goto(`chrome-extension://${l.extId}/library.html`);
  await library.locator(byTestId('library-item')).nth(LIBRARY.length - 1).waitFor();
  for (const [nth, tag] of [[0, 'history'], [1, 'engineering'], [3, 'garden']]) {
    const input = library.locator(byTestId('library-tag-input')).nth(nth);
    await input.fill(tag);
    await input.press('Enter');
    await library.locator(byTestId('library-item')).nth(nth).filter({ hasText: tag }).waitFor();
  }
  await library.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  await shot(library, '3-library');

  // The key list ("?"), over an article.
  const keys = await readerWith(l, 'empty-leftovers--heading-anchors');
  await keys.keyboard.press('?');
  await shot(keys, '5-reader-keys');
  await keys.close();

  // Dark, chosen in the popup, on an article with code.
  const dark = await readerWith(l, 'code-language--mixed-highlighters', [['setting-theme', 'dark']]);
  await shot(dark, '2-reader-dark');
  await dark.close();

  // Sepia and a sans-serif font, on an article with a data table (brought up with the ↓ key).
  const sepia = await readerWith(l, 'keep--data-tables', [['setting-theme', 'sepia'], ['setting-font', 'sans']]);
  for (let i = 0; i < 14; i++) await sepia.keyboard.press('ArrowDown');
  await shot(sepia, '4-reader-sepia-table');
} catch (err) {
  failed = true;
  console.error(`store-screenshots: failed: ${err instanceof Error ? err.stack : err}`);
} finally {
  await l.close();
  await server.close();
}
process.exit(failed ? 1 : 0);
