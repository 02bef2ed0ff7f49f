// Reads a page from a file or stdin as bytes, decodes it as a browser would (decode.ts: a
// windows-1251 or Shift_JIS page comes out right, even when its <meta charset> comes late) and
// parses it with jsdom.
import { readFile } from 'node:fs/promises';

import { decodeHtml } from './decode';

import { excessiveNesting } from './nesting';

export class InputError extends Error {}

/** The page cannot be parsed safely (nested too deep for jsdom's recursive tree building). */
export class PageTooDeepError extends Error {}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory',
  EMFILE: 'too many open files',
};

export async function readInput(input: string, stdin: NodeJS.ReadableStream): Promise<Buffer> {
  if (input === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
    return Buffer.concat(chunks);
  }
  try {
    return await readFile(input);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    throw new InputError(`cannot read ${input}: ${REASONS[code] ?? (err as Error).message}`);
  }
}

export async function parsePage(bytes: Buffer, url: string | null): Promise<Document> {
  // Loaded on demand: jsdom takes most of a second to import, which `--help` and a mistyped
  // flag should not pay.
  const depth = excessiveNesting(bytes);
  if (depth !== null) throw new PageTooDeepError(`elements nested ${depth.toLocaleString('en')} deep`);
  const { JSDOM, VirtualConsole } = await import('jsdom');
  // A silent console: pages are full of CSS jsdom cannot parse, which is not the user's problem.
  const dom = new JSDOM(decodeHtml(bytes).text, { url: url ?? 'about:blank', contentType: 'text/html', virtualConsole: new VirtualConsole() });
  return dom.window.document;
}
