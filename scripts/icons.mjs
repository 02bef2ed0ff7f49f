// Draws the toolbar icons (an open book on a rounded square) as PNGs with no image library:
// a PNG is a zlib stream of scanlines plus three CRC'd chunks, which node:zlib covers.
// Run `node scripts/icons.mjs` after changing the drawing; the PNGs are committed.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

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
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(new URL('../icons/', import.meta.url), { recursive: true });
for (const size of [16, 32, 48, 128]) {
  writeFileSync(new URL(`../icons/icon-${size}.png`, import.meta.url), png(size));
}
