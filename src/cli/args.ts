// Command-line arguments for `readwell`. Parsing never exits: it returns what was asked for or a
// usage error, and main.ts decides what to print.

export type OutputFormat = 'text' | 'markdown' | 'html' | 'json';
export const FORMATS: readonly OutputFormat[] = ['text', 'markdown', 'html', 'json'];

export type Command =
  | { kind: 'extract'; input: string; url: string | null; format: OutputFormat; explain: boolean }
  | { kind: 'help' }
  | { kind: 'version' };

export const USAGE = `Usage: readwell extract [FILE|-] [--url URL] [--format text|markdown|html|json] [--explain]

Extracts the article from an HTML page (a file, or standard input with - or no FILE) and prints
it without navigation, share bars, icon text or other clutter.

Options:
  --url URL        the address the page came from, to resolve relative links and images
  --format FORMAT  text (default), markdown, html (a clean standalone page) or json
  --explain        also list on stderr every element the clean rules removed, and why, and say
                   when the block with the most prose replaced Readability's choice
  -h, --help       show this help
  -v, --version    show the version

Exit status: 0 article printed, 1 input could not be read, 2 bad arguments,
3 no article found, 4 page too large or complex.`;

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0) throw new UsageError('missing command');
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') return { kind: 'help' };
  if (command === '-v' || command === '--version') return { kind: 'version' };
  if (command !== 'extract') throw new UsageError(`unknown command "${command}"`);
  let input: string | null = null;
  let url: string | null = null;
  let format: OutputFormat = 'text';
  let explain = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? rest[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '-h' || flag === '--help') return { kind: 'help' };
    if (flag === '--explain') explain = true;
    else if (flag === '--url') url = checkUrl(value());
    else if (flag === '--format' || flag === '-f') format = checkFormat(value());
    else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option ${flag}`);
    else if (input !== null) throw new UsageError(`only one input file may be given (got "${input}" and "${arg}")`);
    else input = arg;
  }
  return { kind: 'extract', input: input ?? '-', url, format, explain };
}

function checkFormat(v: string): OutputFormat {
  if ((FORMATS as readonly string[]).includes(v)) return v as OutputFormat;
  throw new UsageError(`unknown format "${v}" (use ${FORMATS.join(', ')})`);
}

function checkUrl(v: string): string {
  try {
    const url = new URL(v);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // fall through
  }
  throw new UsageError(`--url must be an absolute http(s) URL, got "${v}"`);
}
