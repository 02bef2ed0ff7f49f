// Types for zip.mjs, so the TypeScript tests can import it.
export function readZip(file: string): Map<string, Buffer>;
export function extractZip(file: string, dir: string): string;
