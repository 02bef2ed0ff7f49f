// Reading a .zip with Node alone (no unzip on a fresh CI machine, no dependency): the central
// directory, then each entry stored or deflated, its CRC-32 checked. Enough for the store
// packages web-ext builds; not a general-purpose reader (no zip64, no encryption).
import { crc32, inflateRawSync } from 'node:zlib';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';

/** The files of a zip (directory entries left out): path inside the zip → content. */
export function readZip(file) {
  const buf = readFileSync(file);
  let end = buf.length - 22;
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error(`${file}: not a zip (no end of central directory)`);
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const files = new Map();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${i}`);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const size = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const skip = nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + skip;
    if (name.endsWith('/')) continue;
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`${file}: bad local header for ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    const data = method === 0 ? raw : method === 8 ? inflateRawSync(raw) : null;
    if (!data) throw new Error(`${file}: ${name} uses compression method ${method}`);
    if (crc32(data) !== crc) throw new Error(`${file}: ${name} fails its CRC check`);
    files.set(name, data);
  }
  return files;
}

/** Writes every file of the zip under `dir` (made if missing); returns `dir`. */
export function extractZip(file, dir) {
  for (const [name, data] of readZip(file)) {
    const out = normalize(join(dir, name));
    if (!out.startsWith(normalize(dir) + sep)) throw new Error(`${file}: ${name} points outside the folder`);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, data);
  }
  return dir;
}
