// Every regular expression in src/ runs in linear time on adversarial input (issue 9). Quadratic
// patterns froze the tab and the CLI three times (an author list split, the CLI's tag scan, a
// list item's trailing newlines), each on a page of ordinary size. So instead of trusting review,
// this test finds every pattern in src/ by parsing the source (helpers/source-regexes.ts), builds
// worst cases from each pattern's own repeats (helpers/regex-pump.ts), and times each at n and 8n
// characters against a linear scan of the same input (helpers/regex-timing.ts). Linear patterns
// grow like the scan (about 1); quadratic ones grow with the input (about 8). The controls prove
// the measure catches the patterns that froze Readwell before.
import { beforeAll, describe, expect, it } from 'vitest';
import { findRegexes, type FoundRegex } from './helpers/source-regexes';
import { RegexPump } from './helpers/regex-pump';
import { DEFAULT_TIMING, timeRegexes, type TimingJob, type TimingResult } from './helpers/regex-timing';

/** Growth above this fails a pattern: linear patterns measure about 1 to 2.5 here, quadratic ones 8 and up. */
const MAX_GROWTH = 4;

const { found, unfoldable } = findRegexes();
const key = (r: { source: string; flags: string }) => `/${r.source}/${r.flags}`;
const jobOf = (r: { source: string; flags: string }): TimingJob => ({ id: key(r), source: r.source, flags: r.flags, cases: new RegexPump(r.source, r.flags).cases() });

function verdict(r: TimingResult | undefined): string {
  if (!r) return 'not measured';
  if (r.hung) return 'never finished (stopped after going quiet)';
  return `growth ${r.growth.toFixed(1)} on ${JSON.stringify(r.case)} (${JSON.stringify(r.times)})`;
}

const byFile = new Map<string, FoundRegex[]>();
for (const r of found) {
  const file = r.where.slice(0, r.where.lastIndexOf(':'));
  byFile.set(file, [...(byFile.get(file) ?? []), r]);
}

let results = new Map<string, TimingResult>();
beforeAll(async () => {
  // Each distinct pattern once: `/\s+/` appears in many files.
  const unique = new Map(found.map((r) => [key(r), r]));
  results = await timeRegexes([...unique.values()].map(jobOf));
  // Load on the machine only ever inflates a measured growth, never hides a real one: a pattern
  // that measured slow is timed again, twice at most, and keeps its lowest growth. A quadratic
  // pattern grows about 8 times every time; a linear one caught by a busy moment does not again.
  for (let retry = 0; retry < 2; retry++) {
    const slow = [...unique.values()].filter((r) => { const t = results.get(key(r)); return t && !t.hung && !(t.growth < MAX_GROWTH); });
    if (slow.length === 0) break;
    const again = await timeRegexes(slow.map(jobOf));
    for (const [k, t] of again) if (!t.hung && t.growth < results.get(k)!.growth) results.set(k, t);
  }
}, 600_000);

describe('the patterns in src/', () => {
  it('are all found, and every RegExp constructor call is folded to its pattern', () => {
    expect(unfoldable, 'new RegExp(...) whose pattern is not built from same-file string constants').toEqual([]);
    expect(found.length).toBeGreaterThan(100);
    for (const file of ['core/to-markdown.ts', 'core/to-plain-text.ts', 'core/clean/article-meta.ts', 'shared/article-record.ts']) {
      expect([...byFile.keys()], file).toContain(file);
    }
    // The constructed pattern of article-meta (months, weekdays and filler words) is folded whole.
    expect(found.some((r) => r.where.startsWith('core/clean/article-meta.ts') && r.source.includes('feb(?:ruary)?') && r.source.includes('gmt'))).toBe(true);
  });

  it('each get worst cases built from what they repeat', () => {
    const cases = new RegexPump('\\s*(?:,|\\band\\b|&)\\s*', '').cases();
    expect(cases).toContainEqual({ head: '', unit: ' ', tail: 'a' });
    expect(new RegexPump('<(\\/?)([a-zA-Z][\\w-]*)[^>]*?(\\/?)>', 'g').cases().some((c) => c.unit.startsWith('<') && c.tail === '')).toBe(true);
  });
});

describe('the measure (controls)', () => {
  const quadratic = [
    ['the author split that froze the tab', '\\s*(?:,|\\band\\b|&)\\s*', ''],
    ['the CLI tag scan', '<(\\/?)([a-zA-Z][\\w-]*)[^>]*?(\\/?)>', 'g'],
    ['the list item trailing newlines', '\\n+$', ''],
    ['trailing blanks of a line', '[ \\t]+$', ''],
    ['a spacer word before an extension', '(?:spacer|blank)[\\w-]*\\.(?:gif|png)', 'i'],
  ] as const;
  const linear = [['\\s+', 'g'], ['[\\p{L}\\p{N}]+', 'gu'], ['(?<![ \\t])[ \\t]+$', ''], ['^https?:', 'i']] as const;
  let control = new Map<string, TimingResult>();
  beforeAll(async () => {
    control = await timeRegexes([...quadratic.map(([, s, f]) => jobOf({ source: s, flags: f })), ...linear.map(([s, f]) => jobOf({ source: s, flags: f }))]);
    // Exponential backtracking never finishes: the worker is stopped and the pattern reported.
    const exp = await timeRegexes([jobOf({ source: '^(a+)+$', flags: '' })], { ...DEFAULT_TIMING, stallMs: 3_000 });
    for (const [k, v] of exp) control.set(k, v);
  }, 300_000);

  it.each(quadratic)('flags %s', (_name, source, flags) => {
    expect(control.get(key({ source, flags }))!.growth, verdict(control.get(key({ source, flags })))).toBeGreaterThan(MAX_GROWTH);
  });

  it('flags exponential backtracking by stopping it', () => {
    expect(control.get(key({ source: '^(a+)+$', flags: '' }))).toMatchObject({ hung: true });
  });

  it.each(linear)('passes the linear /%s/%s', (source, flags) => {
    expect(control.get(key({ source, flags }))!.growth, verdict(control.get(key({ source, flags })))).toBeLessThan(MAX_GROWTH);
  });
});

describe.each([...byFile.entries()].map(([file, list]) => [file, list] as const))('%s', (_file, list) => {
  it('runs every regular expression in linear time on its worst cases', () => {
    const slow = list.filter((r) => !(results.get(key(r))!.growth < MAX_GROWTH)).map((r) => `${r.where} ${key(r)}: ${verdict(results.get(key(r)))}`);
    expect(slow).toEqual([]);
  });
});
