// Types for png.mjs, for the browser tests that import it.
export function encodePng(width: number, height: number, channels: 3 | 4, rows: Buffer[]): Buffer;
