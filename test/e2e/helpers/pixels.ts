// What the user sees, read from a screenshot rather than the DOM: pixels at points spread over
// the viewport (margins beside the text column, near the corners) compared with the reader's own
// background colour. Anything the page draws above the reader shows up as a wrong pixel.
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { screenshot, type Launched } from './chromium.js';
import { overlayStyle } from './overlay.js';
import { byTestId } from './popup.js';

/** The points that are not the reader's background, described; empty when the reader covers the view. */
export async function coveredByReader(l: Launched, page: Page, name: string): Promise<string[]> {
  await page.bringToFront();
  const file = await screenshot(page, name);
  const bg = (await overlayStyle(page, byTestId('reader-dialog'), ['background-color']))['background-color']!;
  const want = bg.match(/\d+/g)!.slice(0, 3).map(Number);
  const { width, height } = page.viewportSize()!;
  const points = [[20, height / 2], [width - 20, height / 2], [40, height - 40], [width - 40, height - 40], [width / 2, height - 20], [60, height / 3]];
  const probe = await l.ctx.newPage();
  try {
    const got = await probe.evaluate(async ({ data, points }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      return points.map(([x, y]) => [...g.getImageData(Math.round(x!), Math.round(y!), 1, 1).data].slice(0, 3));
    }, { data: readFileSync(file).toString('base64'), points });
    return got.flatMap((px, i) => (px.every((v, k) => Math.abs(v - want[k]!) <= 8) ? [] : [`(${points[i]!.join(',')}) is rgb(${px.join(',')}), not ${bg}`]));
  } finally {
    await probe.close();
  }
}
