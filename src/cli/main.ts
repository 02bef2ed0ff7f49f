// `readwell`: the core pipeline on the command line. User errors print one line and a usage
// hint, never a stack trace; exit codes are listed in USAGE.
import { extractArticle, TOO_LARGE_MESSAGE } from '../core/index';
import { parseArgs, USAGE, UsageError } from './args';
import { InputError, InputTooLargeError, PageTooDeepError, parsePage, readInput } from './load-page';
import { explainRemovals, render } from './render';

const VERSION = '0.1.0';

const EXIT = { ok: 0, input: 1, usage: 2, noArticle: 3, tooLarge: 4 } as const;

async function main(argv: string[]): Promise<number> {
  let command;
  try {
    command = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`readwell: ${err.message}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (command.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  if (command.kind === 'version') {
    process.stdout.write(`readwell ${VERSION}\n`);
    return EXIT.ok;
  }
  const name = command.input === '-' ? 'standard input' : command.input;
  let bytes: Buffer;
  try {
    bytes = await readInput(command.input, process.stdin);
  } catch (err) {
    if (err instanceof InputTooLargeError) {
      process.stderr.write(`readwell: ${name}: ${TOO_LARGE_MESSAGE}: ${err.message}.\n`);
      return EXIT.tooLarge;
    }
    if (!(err instanceof InputError)) throw err;
    process.stderr.write(`readwell: ${err.message}\n`);
    return EXIT.input;
  }
  let doc: Document;
  try {
    doc = await parsePage(bytes, command.url);
  } catch (err) {
    if (!(err instanceof PageTooDeepError)) throw err;
    process.stderr.write(`readwell: ${name}: ${TOO_LARGE_MESSAGE}: ${err.message}.\n`);
    return EXIT.tooLarge;
  }
  const result = extractArticle(doc, command.url ?? 'about:blank');
  if (!result.ok) {
    if (result.reason === 'no-article') {
      process.stderr.write(`No article found: ${name} has no readable article text.\n`);
      return EXIT.noArticle;
    }
    process.stderr.write(`readwell: ${name}: ${result.message}\n`);
    return result.reason === 'too-large' ? EXIT.tooLarge : EXIT.input;
  }
  process.stdout.write(render(result.article, result.content, command.format));
  // As the reader says it: a list is not passed off as an article.
  if (result.article.listItems) process.stderr.write(`No article in ${name}: it is a list of ${result.article.listItems} links, printed as a list.\n`);
  if (command.explain) process.stderr.write(explainRemovals(result.article, result.choice));
  return EXIT.ok;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // A bug, not a user error: say so briefly; READWELL_DEBUG=1 shows the stack.
    process.stderr.write(`readwell: internal error: ${(err as Error)?.message ?? err}\n`);
    if (process.env.READWELL_DEBUG) process.stderr.write(`${(err as Error)?.stack}\n`);
    process.exitCode = 70;
  },
);
