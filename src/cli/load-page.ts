// Reads a page from a file or stdin as bytes, decodes it as a browser would (decode.ts: a
// windows-1251 or Shift_JIS page comes out right, even when its <meta charset> comes late) and
// parses it with jsdom. A file is checked before it is read: a FIFO with no writer or /dev/zero
// never ends, and a 1 GB file died turning into a string; only regular files up to
// MAX_INPUT_BYTES are read, and standard input stops being read at that size.
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

import { decodeHtml } from './decode';

import { excessiveNesting } from './nesting';

export class InputError extends Error {}

/** The input is larger than MAX_INPUT_BYTES (the budget would refuse such a page anyway). */
export class InputTooLargeError extends Error {}

/**
 * 32 MiB. The extraction budget allows 2,000,000 characters of text and 60,000 elements; a page
 * within it is a few megabytes even with its scripts and styles inline.
 */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;
const tooLarge = () => new InputTooLargeError(`the input is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB`);

/** The page cannot be parsed safely (nested too deep for jsdom's recursive tree building). */
export class PageTooDeepError extends Error {}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory',
  EMFILE: 'too many open files',
};

async function readStdin(stdin: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buf.length;
    if (size > MAX_INPUT_BYTES) {
      (stdin as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      throw tooLarge();
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export async function readInput(input: string, stdin: NodeJS.ReadableStream): Promise<Buffer> {
  if (input === '-') return readStdin(stdin);
  const fail = (err: unknown): never => {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    throw new InputError(`cannot read ${input}: ${REASONS[code] ?? (err as Error).message}`);
  };
  // O_NONBLOCK: opening a FIFO without a writer would otherwise wait forever, before the type
  // can be checked. The type and size come from the open file, so nothing swaps it in between.
  const file = await open(input, constants.O_RDONLY | constants.O_NONBLOCK).catch(fail);
  try {
    const stat = await file.stat().catch(fail);
    if (stat.isDirectory()) throw new InputError(`cannot read ${input}: it is a directory`);
    if (!stat.isFile()) throw new InputError(`cannot read ${input}: not a regular file (a pipe, device or socket)`);
    if (stat.size > MAX_INPUT_BYTES) throw tooLarge();
    return await readCapped(file).catch((err) => (err instanceof InputTooLargeError ? Promise.reject(err) : fail(err)));
  } finally {
    await file.close().catch(() => undefined);
  }
}

/** The whole file, refused once it passes the limit (it may have grown since it was checked). */
async function readCapped(file: FileHandle): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const chunk = Buffer.alloc(1 << 20);
    const { bytesRead } = await file.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) return Buffer.concat(chunks, size);
    size += bytesRead;
    if (size > MAX_INPUT_BYTES) throw tooLarge();
    chunks.push(chunk.subarray(0, bytesRead));
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
