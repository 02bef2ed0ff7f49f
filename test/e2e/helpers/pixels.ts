// What the user sees, read from a screenshot rather than the DOM: pixels at points spread over
// the viewport (margins beside the text column, near the corners) compared with the reader's own
// background colour. Anything the page draws above the reader shows up as a wrong pixel. The PNG
// is decoded on a canvas in a page the tested page cannot touch (helpers/pixel-probe.ts).
import { readFileSync } from 'node:fs';
import type { BrowserHarness } from './browser-harness.js';
import { byTestId } from './popup.js';
import { notBackground, pixelsAt, probePoints } from './pixel-probe.js';
import type { AnyPage } from './tab.js';

/** The points that are not the reader's background, described; empty when the reader covers the view. */
export async function coveredByReader<P extends AnyPage>(h: BrowserHarness<P>, page: P, name: string): Promise<string[]> {
  await page.bringToFront();
  const file = await h.screenshot(page, name);
  const bg = (await h.overlay.style(page, byTestId('reader-dialog'), ['background-color']))['background-color']!;
  const points = probePoints(h.viewport.width, h.viewport.height);
  const got = await h.inSparePage(pixelsAt, readFileSync(file).toString('base64'), points);
  return notBackground(got, points, bg);
}
