// The golden-output tests: every page under test/fixtures/pages extracts to its reviewed
// expected.txt / expected.md / expected.json, shows no icon text in any format, and (for pages
// named after a clean rule) extracts differently when that rule is off. Regenerate the expected
// files with `node scripts/update-fixtures.mjs` and read them before committing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLEAN_RULES, PIPELINE_STEPS } from '../../src/core/index';
import { NON_RULE_KINDS, listFixtures, loadDocument, readExpected } from '../helpers/fixtures';
import { extractFixture, type FixtureOutput } from '../helpers/outputs';
import { findIconText, htmlToCheckableText } from '../helpers/icon-text';

const fixtures = listFixtures();
// Pipeline steps (the removal guard, the second candidate) are held to the same standard as rules.
const ruleNames = [...CLEAN_RULES.map((r) => r.name), ...PIPELINE_STEPS];
const outputs = new Map<string, FixtureOutput>();
function outputOf(name: string): FixtureOutput {
  let out = outputs.get(name);
  if (!out) {
    out = extractFixture(fixtures.find((f) => f.name === name)!);
    outputs.set(name, out);
  }
  return out;
}

describe('fixture corpus', () => {
  it('has at least 17 pages, each named after a clean rule or a purpose', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(17);
    for (const f of fixtures) expect([...ruleNames, ...NON_RULE_KINDS], f.name).toContain(f.kind);
  });

  it('has a fixture for every clean rule', () => {
    const covered = new Set(fixtures.map((f) => f.kind));
    expect(ruleNames.filter((r) => !covered.has(r))).toEqual([]);
  });
});

describe.each(fixtures.map((f) => [f.name, f] as const))('%s', (name, fixture) => {
  it('matches the reviewed metadata', () => {
    expect(outputOf(name).meta).toEqual(JSON.parse(readExpected(fixture, 'expected.json') ?? 'null'));
  });

  it('matches the reviewed text and Markdown', () => {
    const out = outputOf(name);
    expect(out.text === null ? null : `${out.text}\n`).toBe(readExpected(fixture, 'expected.txt'));
    expect(out.markdown === null ? null : `${out.markdown}\n`).toBe(readExpected(fixture, 'expected.md'));
  });

  it('shows no icon text in text, Markdown or HTML', () => {
    const out = outputOf(name);
    expect(findIconText(out.text ?? '')).toEqual([]);
    expect(findIconText(out.markdown ?? '')).toEqual([]);
    expect(findIconText(htmlToCheckableText(out.html ?? ''))).toEqual([]);
    expect(out.html ?? '').not.toMatch(/<(symbol|use)\b/i);
  });

  if (ruleNames.includes(fixture.kind)) {
    // Compared in every format: some rules (SVG icons) change only the HTML, because the text
    // and Markdown serializers skip SVG, while the reader view and "Copy HTML" show it.
    it(`extracts differently with the ${fixture.kind} rule disabled`, () => {
      const out = outputOf(name);
      const without = extractFixture(fixture, { disabledRules: [fixture.kind] });
      expect([without.text, without.markdown, without.meta, without.html]).not.toEqual([out.text, out.markdown, out.meta, out.html]);
    });
  }
});

describe('the seed news page', () => {
  const name = 'svg-icons--seed-news';
  const fixture = fixtures.find((f) => f.name === name)!;
  const paragraphs = readFileSync(join(fixture.dir, 'paragraphs.txt'), 'utf8').split('\n').filter(Boolean);

  it('opens with the sprite sheet whose titles are the seed page\'s first line', () => {
    // The clutter this project exists to remove, exactly as a text copy of the live page shows it.
    const sprite = loadDocument(fixture).body.querySelector('svg');
    expect(sprite?.textContent).toBe(readFileSync(join(fixture.dir, 'sprite-text.txt'), 'utf8').trimEnd());
  });

  it('keeps the title and byline', () => {
    const out = outputOf(name);
    expect(out.meta.title).toBe('WMD may be key to US-Russia ‘reset’');
    expect(out.meta.byline).toBe('Robert Bridge, RT');
  });

  it('has each of the 17 paragraphs, in order, exactly once, in text and Markdown', () => {
    expect(paragraphs).toHaveLength(17);
    const out = outputOf(name);
    // Markdown is read as a reader sees it: links as their text, escapes undone.
    const markdownAsRead = out.markdown!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1');
    for (const output of [out.text!, markdownAsRead]) {
      let from = 0;
      for (const p of paragraphs) {
        const at = output.indexOf(p, from);
        expect(at, p).toBeGreaterThanOrEqual(0);
        expect(output.indexOf(p, at + 1), `${p} (twice)`).toBe(-1);
        from = at + p.length;
      }
    }
  });
});

describe('the windows-1251 page', () => {
  const fixture = fixtures.find((f) => f.kind === 'encoding')!;

  it('is stored as windows-1251 bytes, not UTF-8', () => {
    const bytes = readFileSync(join(fixture.dir, 'source.html'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(bytes.toString('latin1')).toMatch(/<meta charset="windows-1251">/i);
  });

  it('decodes to Cyrillic text with no replacement characters', () => {
    const out = outputOf(fixture.name);
    expect(out.text).toMatch(/[А-Яа-яЁё]{4,}/);
    expect(out.text).not.toContain('\ufffd');
    expect(out.meta.title).toMatch(/[А-Яа-я]/);
  });
});

describe('the page with no article', () => {
  it('reports no-article', () => {
    for (const f of fixtures.filter((x) => x.kind === 'no-article')) {
      expect(outputOf(f.name).meta).toEqual({ ok: false, reason: 'no-article' });
    }
  });
});
