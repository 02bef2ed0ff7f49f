// Real PNG files made in memory, for pages whose pictures a test must recognize: one colour each,
// so a screenshot shows which picture is which, and each size distinct bytes.
import { encodePng } from '../../../scripts/png.mjs';

/** A `width`×`height` PNG of one colour. */
export function solidPng(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set([r, g, b], 1 + x * 3);
  return encodePng(width, height, 3, Array.from({ length: height }, () => row));
}
