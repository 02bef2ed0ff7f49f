// What the user sees, read from a screenshot rather than the DOM: pixels at points spread over
// the viewport (margins beside the text column, near the corners) compared with the reader's own
// background colour. Anything the page draws above the reader shows up as a wrong pixel.
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { screenshot, type Launched } from './chromium.js';
import { overlayStyle } from './overlay.js';
import { byTestId } from './popup.js';
import { notBackground, pixelsAt, probePoints } from './pixel-probe.js';

/** The points that are not the reader's background, described; empty when the reader covers the view. */
export async function coveredByReader(l: Launched, page: Page, name: string): Promise<string[]> {
  await page.bringToFront();
  const file = await screenshot(page, name);
  const bg = (await overlayStyle(page, byTestId('reader-dialog'), ['background-color']))['background-color']!;
  const { width, height } = page.viewportSize()!;
  const points = probePoints(width, height);
  const probe = await l.ctx.newPage();
  try {
    const got = await probe.evaluate(({ source, data, points }) => new Function(`return (${source})`)()(data, points) as Promise<number[][]>, {
      source: pixelsAt.toString(),
      data: readFileSync(file).toString('base64'),
      points,
    });
    return notBackground(got, points, bg);
  } finally {
    await probe.close();
  }
}
