// Extraction quality against raw Readability, measured on the fixture corpus: token-overlap F1
// with the reviewed expected.txt must be at least raw Readability's on every page and strictly
// higher on every page that exists to exercise a removal rule; clutter must be lower there too.
// The figures are printed as a table so they can be reported.
import { Readability } from '@mozilla/readability';
import { afterAll, describe, expect, it } from 'vitest';
import { CLEAN_RULES } from '../../src/core/index';
import { listFixtures, loadDocument, readExpected } from '../helpers/fixtures';
import { extractFixture } from '../helpers/outputs';
import { extraTokens, overlapF1 } from '../helpers/overlap';
import { iconWordCount } from '../helpers/icon-text';

/** Rules that rewrite (image URLs, code languages, caption names) rather than remove: no clutter to beat. */
const REWRITE_RULES = new Set(['lazy-images', 'code-language', 'captions']);
const CLUTTER_KINDS = new Set(CLEAN_RULES.map((r) => r.name).filter((n) => !REWRITE_RULES.has(n)));
/** Fixtures whose clutter is icon text: there the detector must find less in ours than in raw. */
const ICON_KINDS = new Set(['svg-icons', 'icon-fonts']);

interface Row {
  fixture: string;
  oursF1: number;
  rawF1: number;
  oursIconWords: number;
  rawIconWords: number;
  oursExtraWords: number;
  rawExtraWords: number;
}
const rows: Row[] = [];

function rawReadabilityText(doc: Document): string {
  return new Readability(doc.cloneNode(true) as Document).parse()?.textContent ?? '';
}

describe.each(listFixtures().map((f) => [f.name, f] as const))('quality: %s', (name, fixture) => {
  it('is at least as close to the expected text as raw Readability', () => {
    const expected = (readExpected(fixture, 'expected.txt') ?? '').trim();
    const ours = extractFixture(fixture).text ?? '';
    const raw = rawReadabilityText(loadDocument(fixture));
    const row: Row = {
      fixture: name,
      oursF1: overlapF1(ours, expected),
      rawF1: overlapF1(raw, expected),
      oursIconWords: iconWordCount(ours),
      rawIconWords: iconWordCount(raw),
      oursExtraWords: extraTokens(ours, expected),
      rawExtraWords: extraTokens(raw, expected),
    };
    rows.push(row);

    expect(row.oursF1).toBeGreaterThanOrEqual(row.rawF1);
    expect(row.oursIconWords).toBeLessThanOrEqual(row.rawIconWords);
    if (CLUTTER_KINDS.has(fixture.kind)) {
      expect(row.oursF1, 'strictly better on a clutter page').toBeGreaterThan(row.rawF1);
      expect(row.oursExtraWords, 'fewer words beyond the article').toBeLessThan(row.rawExtraWords);
    }
    if (ICON_KINDS.has(fixture.kind)) {
      expect(row.rawIconWords, 'the page leaks icon text into raw Readability').toBeGreaterThan(0);
      expect(row.oursIconWords).toBeLessThan(row.rawIconWords);
    }
  });
});

afterAll(() => {
  const f = (n: number) => n.toFixed(3);
  const lines = rows
    .sort((a, b) => a.fixture.localeCompare(b.fixture))
    .map((r) => `${r.fixture.padEnd(42)} ${f(r.oursF1)}  ${f(r.rawF1)}  ${String(r.oursIconWords).padStart(4)} ${String(r.rawIconWords).padStart(5)}  ${String(r.oursExtraWords).padStart(5)} ${String(r.rawExtraWords).padStart(5)}`);
  const mean = (k: 'oursF1' | 'rawF1') => rows.reduce((s, r) => s + r[k], 0) / Math.max(1, rows.length);
  const sum = (k: keyof Row) => rows.reduce((s, r) => s + (r[k] as number), 0);
  console.log([
    `${'fixture'.padEnd(42)} oursF1 rawF1  icon-words(ours raw)  extra-words(ours raw)`,
    ...lines,
    `${'mean / total'.padEnd(42)} ${f(mean('oursF1'))}  ${f(mean('rawF1'))}  ${String(sum('oursIconWords')).padStart(4)} ${String(sum('rawIconWords')).padStart(5)}  ${String(sum('oursExtraWords')).padStart(5)} ${String(sum('rawExtraWords')).padStart(5)}`,
  ].join('\n'));
});
