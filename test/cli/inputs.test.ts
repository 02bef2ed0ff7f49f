// Issue 9, items 8 and 6, through real `readwell` processes: inputs that are not pages. A 1 GB
// file died with "internal error: Cannot create a string longer…", and a FIFO with no writer or
// /dev/zero hung forever, because the CLI read before it checked what it was reading. And a
// table without rows made --format markdown and json exit 70. The spawn timeout is a guard
// against a hang (a killed process has no exit status, so the test fails); nothing is timed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'readwell.mjs');
const TOO_LARGE = /^readwell: .+: This page is too large or complex for reader view: the input is larger than 32 MB\.\n$/;
let dir: string;

function readwell(args: string[], options: SpawnSyncOptions = {}) {
  const res = spawnSync(process.execPath, [BIN, 'extract', ...args], { encoding: 'utf8', cwd: ROOT, timeout: 30_000, ...options });
  return { code: res.status, stdout: String(res.stdout ?? ''), stderr: String(res.stderr ?? '') };
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'readwell.mjs'))) throw new Error('The CLI is not built: run `npm run build` first.');
  dir = mkdtempSync(join(tmpdir(), 'readwell-inputs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('inputs that are not pages', () => {
  it('a 1 GB file (sparse: no disk used) is refused as too large before it is read', () => {
    const big = join(dir, 'big.html');
    writeFileSync(big, '<p>');
    truncateSync(big, 1024 ** 3);
    const r = readwell([big]);
    expect(r.stderr).toMatch(TOO_LARGE);
    expect([r.code, r.stdout]).toEqual([4, '']);
  });

  it('a file one byte over 32 MB is refused, as is standard input past 32 MB (/dev/zero never ends)', () => {
    const over = join(dir, 'over.html');
    writeFileSync(over, '<p>');
    truncateSync(over, 32 * 1024 * 1024 + 1);
    expect(readwell([over])).toMatchObject({ code: 4, stderr: expect.stringMatching(TOO_LARGE) });
    const zero = openSync('/dev/zero', 'r');
    try {
      expect(readwell(['-'], { stdio: [zero, 'pipe', 'pipe'] })).toMatchObject({ code: 4, stderr: expect.stringMatching(TOO_LARGE) });
    } finally {
      closeSync(zero);
    }
  });

  it('a FIFO with no writer is refused at once instead of waiting for one', () => {
    const fifo = join(dir, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(readwell([fifo])).toEqual({ code: 1, stdout: '', stderr: `readwell: cannot read ${fifo}: not a regular file (a pipe, device or socket)\n` });
  });

  it('/dev/zero and a directory are refused as files', () => {
    expect(readwell(['/dev/zero'])).toEqual({ code: 1, stdout: '', stderr: 'readwell: cannot read /dev/zero: not a regular file (a pipe, device or socket)\n' });
    expect(readwell([dir])).toEqual({ code: 1, stdout: '', stderr: `readwell: cannot read ${dir}: it is a directory\n` });
  });
});

describe('a table without rows (item 6)', () => {
  const prose = '<p>The harbour plan passed on Tuesday after a long debate in the council chamber, and residents said it would change the town for years.</p>';
  it.each(['markdown', 'json', 'text', 'html'])('--format %s prints the article, caption included', (format) => {
    const page = join(dir, `table-${format}.html`);
    writeFileSync(page, `<!doctype html><html lang="en"><head><title>Harbour</title></head><body><article><h1>Harbour</h1>${prose.repeat(3)}<table><caption>Results by ward</caption></table>${prose.repeat(3)}</article></body></html>`);
    const r = readwell([page, '--format', format]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Results by ward');
  });
});
