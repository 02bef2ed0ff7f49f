// The hostile corpus through the `readwell` command: every page in all four formats, plus real
// processes for exit codes, standard input and the huge pages. What is asserted is what a user
// would get: exit status, a message instead of a stack trace, and outputs with nothing active.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { ENTRIES, GENERATED, HOSTILE_DIR, PAGES, ROOT, activeMarkdown, activeMarkup, activeMarkupIn, makeGenerated, norm, pathOf, runsWhenParsed, textOfHtml, unescapeMarkdown, urlOf, type Entry } from './corpus';

const FORMATS = ['text', 'markdown', 'html', 'json'] as const;
/**
 * json carries the article's text, Markdown and HTML exactly as the text and markdown formats
 * print them (same functions); those two formats add only the title and byline lines. So every
 * page runs as json and html, and the pages whose title/byline or characters are the attack
 * (metadata, encodings) plus two script pages run in all four. This keeps the suite fast.
 */
const ALL_FORMATS = new Set(['metadata', 'encoding']);
const formatsOf = (e: Entry): readonly string[] => ALL_FORMATS.has(e.category) || /handlers-casing|mxss-nesting/.test(e.file) ? FORMATS : ['html', 'json'];
const EXIT = { article: 0, 'no-article': 3, 'too-large': 4, list: 0 } as const;
const TOO_LARGE = 'This page is too large or complex';
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

/** dist/cli/readwell.mjs when `npm run build` made it from the current sources, else a fresh build of the same entry. */
function cliBundle(): string {
  const dist = join(ROOT, 'dist', 'cli', 'readwell.mjs');
  const newest = (dir: string): number => Math.max(...readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile()).map((d) => statSync(join(d.parentPath, d.name)).mtimeMs));
  const sources = Math.max(newest(join(ROOT, 'src', 'core')), newest(join(ROOT, 'src', 'cli')), newest(join(ROOT, 'src', 'shared')));
  if (existsSync(dist) && statSync(dist).mtimeMs >= sources) return dist;
  const out = join(HOSTILE_DIR, 'generated', 'cli', 'readwell.mjs');
  // The same esbuild options as buildCli() in scripts/build.mjs.
  execFileSync(join(ROOT, 'node_modules', '.bin', 'esbuild'), [join(ROOT, 'src/cli/main.ts'), '--bundle', '--format=esm', '--platform=node',
    '--target=node20', '--packages=external', '--legal-comments=none', '--define:process.env.NODE_ENV="production"', `--outfile=${out}`, '--log-level=warning'], { cwd: ROOT });
  return out;
}

interface Run { file: string; format: string; args: string[]; code: number; stdout: string; stderr: string; ms: number }
interface Proc { status: number | null; stdout: string; stderr: string }
let cli = '';
const runs = new Map<string, Run>();
const procs = new Map<string, Proc>();
const key = (file: string, format: string) => `${file} ${format}`;

/** A child process as a promise; killed (status null) after `timeout` ms. */
function spawnAsync(args: string[], { input, timeout }: { input?: Buffer; timeout: number }): Promise<Proc> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
    child.stdin.end(input ?? '');
  });
}

beforeAll(async () => {
  makeGenerated();
  cli = cliBundle();
  const jobs = PAGES.flatMap((e) => formatsOf(e).map((format) => ({ file: e.file, format, args: ['extract', pathOf(e), '--url', urlOf(e), '--format', format] })));
  // The generated pages fail (or not) before a format matters: one run each. The two huge ones
  // run as real processes below; the 5 MB page's refusal is the same path as the 200,000-element
  // one (and the core test covers the text budget); nesting-5000 costs jsdom's own parser ~15 s
  // (quadratic in depth) before the budget refuses it, and the core test covers 5,000 levels.
  for (const e of GENERATED.filter((x) => x.outcome === 'no-article' || x.outcome === 'list')) jobs.push({ file: e.file, format: 'json', args: ['extract', pathOf(e), '--url', urlOf(e), '--format', 'json'] });
  const dir = join(HOSTILE_DIR, 'generated', 'runs');
  mkdirSync(dir, { recursive: true });
  // Two runner processes (one per core), and the real processes, all at once.
  const runners = [0, 1].map(async (i) => {
    const jobsFile = join(dir, `jobs-${process.pid}-${i}.json`);
    const outFile = join(dir, `results-${process.pid}-${i}.json`);
    writeFileSync(jobsFile, JSON.stringify(jobs.filter((_, n) => n % 2 === i)));
    const p = await spawnAsync([join(__dirname, 'cli-runner.mjs'), cli, jobsFile, outFile], { timeout: 170_000 });
    if (p.status !== 0) throw new Error(`CLI runner failed: ${p.stderr}`);
    for (const r of JSON.parse(readFileSync(outFile, 'utf8')) as Run[]) runs.set(key(r.file, r.format), r);
    rmSync(jobsFile, { force: true });
    rmSync(outFile, { force: true });
  });
  const real = [
    // nesting-50000 gets 45 s: refusing it needs no parse that deep (parse5 measures 50,000
    // levels in 0.7 s); without that check jsdom's parser spends ~40 s of CPU and then overflows.
    ...([['elements-200k', 150_000], ['nesting-50000', 45_000]] as const).map(async ([name, timeout]) => {
      procs.set(name, await spawnAsync([cli, 'extract', join(HOSTILE_DIR, 'generated', `${name}.html`), '--format', 'json'], { timeout }));
    }),
    (async () => {
      const e = ENTRIES.find((x) => x.file === 'pages/encoding-shift-jis.html')!;
      procs.set('stdin', await spawnAsync([cli, 'extract', '-', '--format', 'text', '--url', urlOf(e)], { input: readFileSync(pathOf(e)), timeout: 60_000 }));
    })(),
  ];
  await Promise.all([...runners, ...real]);
}, 180_000);

function run(e: Entry, format: string): Run {
  const r = runs.get(key(e.file, format));
  if (!r) throw new Error(`no CLI run for ${e.file} ${format}`);
  return r;
}

describe.each(PAGES.map((e) => [e.file, e] as const))('readwell extract %s', (_f, e) => {
  it(`exits as the manifest says in ${formatsOf(e).join(', ')}, with no internal error`, () => {
    for (const format of formatsOf(e)) {
      const r = run(e, format);
      expect(r.stderr, format).not.toMatch(/internal error|RangeError|at .*\.mjs:\d+/);
      expect(r.code, `${format}: ${r.stderr}`).toBe(EXIT[e.outcome]);
    }
  });

  it('json: article HTML, Markdown and metadata carry nothing active, and the text is right', () => {
    const a = JSON.parse(run(e, 'json').stdout);
    expect(activeMarkup(a.html)).toEqual([]);
    expect(activeMarkdown(a.markdown)).toEqual([]);
    for (const v of [a.title, a.byline, a.siteName, a.excerpt]) if (v) expect(v).not.toMatch(BIDI);
    const outs = [norm(a.text), norm(unescapeMarkdown(a.markdown)), norm(textOfHtml(a.html))];
    for (const out of outs) {
      for (const s of e.present ?? []) expect(out).toContain(norm(s));
      for (const s of e.absent ?? []) expect(out).not.toContain(s);
    }
    if (e.lang) expect(a.lang).toBe(e.lang);
    if (e.dir) expect(a.dir).toBe(e.dir);
  });

  it('html: a standalone page with only its own head, nothing active, metadata as text', async () => {
    const page = run(e, 'html').stdout;
    const json = JSON.parse(run(e, 'json').stdout);
    const doc = new JSDOM(page).window.document;
    expect(Array.from(doc.head.children, (c) => c.localName)).toEqual(['meta', 'meta', 'title']);
    expect(doc.head.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toMatch(/default-src 'none'/);
    expect(activeMarkupIn(doc.body)).toEqual([]);
    expect(doc.title).toBe(json.title.replace(/\s+/g, ' ').trim());
    expect(doc.querySelector('h1')!.textContent).toBe(json.title);
    expect(['ltr', 'rtl']).toContain(doc.documentElement.getAttribute('dir'));
    expect(await runsWhenParsed(page, true)).toBeUndefined();
    for (const s of e.present ?? []) expect(norm(doc.body.textContent ?? '')).toContain(norm(s));
  });

  if (formatsOf(e).length === 4) it('text and markdown: title first, article text, nothing active in the Markdown', () => {
    const json = JSON.parse(run(e, 'json').stdout);
    const text = run(e, 'text').stdout;
    const md = run(e, 'markdown').stdout;
    expect(text.split('\n')[0]).toBe(json.title);
    expect(unescapeMarkdown(md.split('\n')[0]!)).toBe(`# ${json.title}`);
    expect(activeMarkdown(md)).toEqual([]);
    for (const s of e.present ?? []) {
      expect(norm(text)).toContain(norm(s));
      expect(norm(unescapeMarkdown(md))).toContain(norm(s));
    }
    for (const s of e.absent ?? []) {
      expect(text).not.toContain(s);
      expect(md).not.toContain(s);
    }
  });
});

describe('generated pages through the CLI', () => {
  it.each(GENERATED.filter((e) => e.outcome === 'no-article').map((e) => [e.file, e] as const))('%s exits with its outcome and message', (_f, e) => {
    const r = [...runs.values()].find((x) => x.file === e.file)!;
    expect(r.code, r.stderr).toBe(EXIT[e.outcome]);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(e.outcome === 'too-large' ? TOO_LARGE : /No article found/);
    expect(r.stderr).not.toMatch(/internal error|RangeError/);
  });

  it.each(GENERATED.filter((e) => e.outcome === 'list').map((e) => [e.file, e] as const))('%s prints its list of links and says on stderr that it is a list', (_f, e) => {
    const r = [...runs.values()].find((x) => x.file === e.file)!;
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).listItems).toBe(60);
    expect(r.stderr).toMatch(/: it is a list of 60 links, printed as a list\.\n$/);
  });

  // Real processes: what a shell user sees for the two largest pages.
  it.each(['elements-200k', 'nesting-50000'])('%s: a real `readwell` process exits 4 with the too-large message', (name) => {
    const r = procs.get(name)!;
    expect(r.stderr).not.toMatch(/internal error|RangeError|Maximum call stack/);
    expect(r.status, r.stderr).toBe(4);
    expect(r.stderr).toContain(TOO_LARGE);
    expect(r.stdout).toBe('');
  });
});

it('a Shift_JIS page on standard input decodes by its declared charset in a real process', () => {
  const e = ENTRIES.find((x) => x.file === 'pages/encoding-shift-jis.html')!;
  const r = procs.get('stdin')!;
  expect(r.status, r.stderr).toBe(0);
  for (const s of e.present!) expect(r.stdout).toContain(s);
  expect(r.stdout).not.toContain('\uFFFD');
});
