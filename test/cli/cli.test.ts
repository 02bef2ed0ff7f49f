// Runs the built CLI (`npm run build` first; `npm test` does) the way a user would: a process,
// arguments, stdin, stdout, stderr and an exit code.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findIconText } from '../helpers/icon-text';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'readwell.mjs');
const SEED_DIR = join(ROOT, 'test', 'fixtures', 'pages', 'svg-icons--seed-news');
const SEED = join(SEED_DIR, 'source.html');
const SEED_URL = 'https://fixtures.readwell.test/svg-icons--seed-news/';
const TITLE = 'WMD may be key to US-Russia ‘reset’';

function readwell(args: string[], input?: string | Buffer) {
  const res = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', cwd: ROOT });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

const seedParagraphs = () => readFileSync(join(SEED_DIR, 'paragraphs.txt'), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);

const FORMATS = ['text', 'markdown', 'html', 'json'] as const;
const seedRuns = new Map<string, ReturnType<typeof readwell>>();

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'readwell.mjs'))) throw new Error('The CLI is not built: run `npm run build` first.');
  // One process per format, shared by the tests below: each start pays for loading jsdom.
  for (const format of FORMATS) seedRuns.set(format, readwell(['extract', SEED, '--url', SEED_URL, '--format', format]));
});

describe('readwell extract', () => {
  for (const format of FORMATS) {
    it(`prints the seed article's title and 17 paragraphs, in order, with no icon text (--format ${format})`, () => {
      const { code, stdout, stderr } = seedRuns.get(format)!;
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const out = format === 'json' ? JSON.parse(stdout).text as string : stdout;
      expect(findIconText(stdout), 'the whole output, JSON fields included').toEqual([]);
      if (format !== 'json') expect(stdout).toContain(TITLE);
      const paragraphs = seedParagraphs();
      expect(paragraphs).toHaveLength(17);
      let from = 0;
      for (const p of paragraphs) {
        const probe = format === 'text' || format === 'json' ? p : p.slice(0, 40).replace(/[“”"']/g, '').slice(0, 25);
        const at = out.indexOf(probe, from);
        expect(at, `paragraph "${p.slice(0, 50)}…" in order`).toBeGreaterThanOrEqual(from);
        if (format === 'text') expect(out.indexOf(p, at + p.length), 'exactly once').toBe(-1);
        from = at + probe.length;
      }
      expect(findIconText(out)).toEqual([]);
    });
  }

  it('reads standard input when the file is - or missing', () => {
    const html = readFileSync(SEED);
    const dash = readwell(['extract', '-', '--url', SEED_URL], html);
    const none = readwell(['extract', '--url', SEED_URL], html);
    expect(dash.code).toBe(0);
    expect(dash.stdout).toBe(seedRuns.get('text')!.stdout);
    expect(none.stdout).toBe(dash.stdout);
  });

  it('prints JSON with the article fields and Markdown', () => {
    const a = JSON.parse(seedRuns.get('json')!.stdout);
    expect(a).toMatchObject({ title: TITLE, byline: 'Robert Bridge, RT', lang: 'en', dir: 'ltr', url: SEED_URL });
    expect(a.wordCount).toBeGreaterThan(500);
    expect(a.markdown).toContain('Lavrov');
    expect(a).not.toHaveProperty('removals');
  });

  it('lists what the clean rules removed, and why, with --explain', () => {
    const { code, stderr } = readwell(['extract', SEED, '--url', SEED_URL, '--explain']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^Removed \d+ elements:\n/);
    expect(stderr).toMatch(/^svg-icons +svg.* "icon bookmark-bicon bookmarkicon camera/m);
    expect(stderr).not.toMatch(/^Content:/m); // Readability's choice stood
  });

  it('says with --explain when the block with the most prose replaced Readability\'s choice, and why', () => {
    const page = join(ROOT, 'test', 'fixtures', 'pages', 'widen-to-pick--question-and-answers', 'source.html');
    const { code, stderr } = readwell(['extract', page, '--explain']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^Content: the block with the most prose, not Readability's choice \(Readability's pick held \d+ prose, another block \d+\)\.\n/);
  });

  it('prints every section of a service page and says why with --explain', () => {
    const page = join(ROOT, 'test', 'fixtures', 'pages', 'main-region--service-sections', 'source.html');
    const { code, stdout, stderr } = readwell(['extract', page, '--explain']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^- Bank reconciliation$/m);
    expect(stdout).toMatch(/^Why we built it$/m);
    expect(stdout).not.toMatch(/Careers|Registered in England/);
    expect(stderr).toMatch(/^Content: the page's main region, all its sections \(Readability's pick was one section of many\)\.\n/);
  });

  it('prints every section of a page built of like sections without a <main>, and says so with --explain', () => {
    const page = join(ROOT, 'test', 'fixtures', 'pages', 'section-run--service-without-main', 'source.html');
    const { code, stdout, stderr } = readwell(['extract', page, '--explain']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Monthly bookkeeping$/m);
    expect(stdout).toMatch(/^What it costs$/m);
    expect(stdout).not.toMatch(/Registered in England|Pricing/);
    expect(stderr).toMatch(/^Content: the page's run of like sections, all of them \(Readability's pick was one of a run of like sections\)\.\n/);
  });

  it('prints a Q&A page as its posts and says so with --explain', () => {
    const page = join(ROOT, 'test', 'fixtures', 'pages', 'thread--qa-accepted-answer', 'source.html');
    const { code, stdout, stderr } = readwell(['extract', page, '--explain']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^mira · 2025-10-03$/m);
    expect(stdout).not.toMatch(/gold badges|Improve this answer/);
    expect(stderr).toMatch(/^Content: the thread's posts, one after another \(A discussion of 4 posts, read from the page's own markup of them\)\.\n/);
  });

  it('prints a standalone HTML page with no script in it', () => {
    const { stdout } = seedRuns.get('html')!;
    expect(stdout).toMatch(/^<!doctype html>\n<html lang="en" dir="ltr">/);
    expect(stdout).not.toMatch(/<script|\son\w+=/i);
  });

  it('decodes a page by its declared charset (windows-1251)', () => {
    const sentence = 'Москва и Вашингтон обсуждают новую перезагрузку отношений между двумя странами.';
    const body = Array.from({ length: 6 }, () => `<p>${sentence} ${sentence}</p>`).join('');
    const html = `<html><head><meta charset="windows-1251"><title>Перезагрузка</title></head><body><article><h1>Перезагрузка</h1>${body}</article></body></html>`;
    const dir = mkdtempSync(join(tmpdir(), 'readwell-cli-'));
    const file = join(dir, 'cp1251.html');
    writeFileSync(file, encodeWindows1251(html));
    const { code, stdout } = readwell(['extract', file]);
    expect(code).toBe(0);
    expect(stdout).toContain(sentence);
  });

  it('exits 3 with "No article found" on a page with no article', () => {
    const { code, stdout, stderr } = readwell(['extract', '-'], '<html><body><form><input type="email"><button>Sign in</button></form></body></html>');
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toBe('No article found: standard input has no readable article text.\n');
  });

  it('prints a page of teaser cards as its list of links, saying on stderr that it is a list, not an article', () => {
    const fixture = join(ROOT, 'test/fixtures/pages/listing--blog-tag-page/source.html');
    const { code, stdout, stderr } = readwell(['extract', fixture, '--url', 'https://workbench-notes.test/tag/hardware/', '--format', 'markdown']);
    expect(code).toBe(0);
    expect(stderr).toBe(`No article in ${fixture}: it is a list of 6 links, printed as a list.\n`);
    expect(stdout).toContain('- [Soldering a split keyboard on a Sunday afternoon](https://workbench-notes.test/2024/09/30/soldering-a-split-keyboard/)');
    expect(stdout).not.toMatch(/Subscribe|Published with Ghost/);
  });

  it('exits 2 with usage for bad arguments', () => {
    for (const args of [[], ['frob'], ['extract', '--format', 'pdf'], ['extract', '--url', 'not a url'], ['extract', 'a.html', 'b.html'], ['extract', '--bogus']]) {
      const { code, stderr } = readwell(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toContain('Usage: readwell extract');
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('names an unreadable file and the reason, without a stack trace', () => {
    const missing = readwell(['extract', 'no-such-page.html']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('readwell: cannot read no-such-page.html: no such file\n');
    const dir = readwell(['extract', ROOT]);
    expect(dir.code).toBe(1);
    expect(dir.stderr).toBe(`readwell: cannot read ${ROOT}: it is a directory\n`);
  });

  it('prints help and exits 0', () => {
    const { code, stdout } = readwell(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--format text|markdown|html|json');
  });
});

/** ASCII plus Russian letters in windows-1251 (А..я are 0xC0..0xFF; Ё/ё are 0xA8/0xB8). */
function encodeWindows1251(s: string): Buffer {
  return Buffer.from(Array.from(s, (ch) => {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) return c;
    if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
    if (c === 0x401) return 0xa8;
    if (c === 0x451) return 0xb8;
    throw new Error(`no windows-1251 byte for ${ch}`);
  }));
}
