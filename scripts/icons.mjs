// Draws the toolbar icons (an open book on a rounded square) as PNGs with no image library
// (png.mjs writes the file).
// Run `node scripts/icons.mjs` after changing the drawing; the PNGs are committed.
import { writeFileSync, mkdirSync } from 'node:fs';
import { encodePng } from './png.mjs';

function pixel(x, y, size) {
  // Coordinates in a 0..1 square; 4x4 supersampling smooths the edges.
  const u = x / size, v = y / size;
  const r = 0.18, inset = 0.02;
  const cx = Math.min(Math.max(u, r + inset), 1 - r - inset);
  const cy = Math.min(Math.max(v, r + inset), 1 - r - inset);
  const inSquare = (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
  if (!inSquare) return null;
  // Two pages of a book: light quads either side of a spine at u = 0.5.
  const top = 0.3 + Math.abs(u - 0.5) * 0.12, bottom = 0.74 + Math.abs(u - 0.5) * 0.02;
  const onPage = u > 0.2 && u < 0.8 && v > top && v < bottom && Math.abs(u - 0.5) > 0.025;
  if (onPage) {
    const line = (v - top) * size;
    const ruled = Math.abs(u - 0.5) > 0.08 && Math.abs(u - 0.5) < 0.25 && Math.floor((v - top) * 14) % 2 === 1 && size >= 32;
    return ruled && line > 2 ? [196, 210, 224, 255] : [250, 248, 242, 255];
  }
  return [44, 82, 130, 255];
}

function png(size) {
  const ss = 4;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) for (let sx = 0; sx < ss; sx++) {
        const p = pixel((x + (sx + 0.5) / ss), (y + (sy + 0.5) / ss), size);
        if (p) for (let i = 0; i < 4; i++) acc[i] += p[i];
      }
      const a = acc[3] / (ss * ss);
      for (let i = 0; i < 3; i++) row[1 + x * 4 + i] = a ? Math.round(acc[i] / (acc[3] / 255)) : 0;
      row[1 + x * 4 + 3] = Math.round(a);
    }
    rows.push(row);
  }
  return encodePng(size, size, 4, rows);
}

mkdirSync(new URL('../icons/', import.meta.url), { recursive: true });
for (const size of [16, 32, 48, 128]) {
  writeFileSync(new URL(`../icons/icon-${size}.png`, import.meta.url), png(size));
}
