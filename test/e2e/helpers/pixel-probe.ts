// The browser-neutral half of the screenshot pixel check both browsers' redress tests use: where
// to look, how to read a PNG's pixels on a canvas (run inside a browser page), and which points
// are not the reader's background. helpers/pixels.ts drives it in either browser.

/** Points spread over the viewport: margins beside the text column, near the corners. */
export function probePoints(width: number, height: number): number[][] {
  return [[20, height / 2], [width - 20, height / 2], [40, height - 40], [width - 40, height - 40], [width / 2, height - 20], [60, height / 3]];
}

/** Runs in a browser page: the RGB of `png` (base64) at each point. Self-contained, so it can be serialized. */
export async function pixelsAt(png: string, at: number[][]): Promise<number[][]> {
  const img = new Image();
  img.src = `data:image/png;base64,${png}`;
  await img.decode();
  const c = document.createElement('canvas');
  c.width = img.width;
  c.height = img.height;
  const g = c.getContext('2d')!;
  g.drawImage(img, 0, 0);
  return at.map(([x, y]) => [...g.getImageData(Math.round(x!), Math.round(y!), 1, 1).data].slice(0, 3));
}

/** The points whose pixel is not `background` (a CSS rgb() colour), described; empty when all are. */
export function notBackground(got: number[][], points: number[][], background: string): string[] {
  const want = background.match(/\d+/g)!.slice(0, 3).map(Number);
  return got.flatMap((px, i) => (px.every((v, k) => Math.abs(v - want[k]!) <= 8) ? [] : [`(${points[i]!.join(',')}) is rgb(${px.join(',')}), not ${background}`]));
}
