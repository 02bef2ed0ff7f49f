// ExtractOptions.onStage, the benchmark's profiling hook: it reports every step once per call,
// in pipeline order, and changes nothing about the result.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/index';
import { CLEAN_RULES } from '../../src/core/clean/index';
import { page, prose } from './page';

describe('onStage', () => {
  it('reports each step of the pipeline once, in order, with a time, and the same article as without it', () => {
    const doc = page(`<nav><a href="/">Home</a></nav><article><h1>Harbour plan</h1>${prose()}</article>`);
    const stages: [string, number][] = [];
    const profiled = extractArticle(doc, doc.URL, { onStage: (stage, ms) => stages.push([stage, ms]) });
    const plain = extractArticle(doc, doc.URL);
    expect(profiled.ok && plain.ok).toBe(true);
    if (!profiled.ok || !plain.ok) return;
    expect(profiled.article).toEqual(plain.article);
    expect(stages.map(([s]) => s)).toEqual([
      'budget', 'copy:clone', 'copy:disarm', 'copy:setup',
      ...CLEAN_RULES.map((r) => `rule:${r.name}`),
      'prose-candidate', 'readability', 'choose', 'sanitize', 'text', 'metadata',
    ]);
    for (const [, ms] of stages) expect(ms).toBeGreaterThanOrEqual(0);
  });

  it('reports the layout pass only when layout is used, and skips disabled rules', () => {
    const doc = page(`<article><h1>Harbour plan</h1>${prose()}</article>`);
    const stages: string[] = [];
    extractArticle(doc, doc.URL, { useLayout: true, disabledRules: ['newsletter'], onStage: (s) => stages.push(s) });
    expect(stages).toContain('copy:layout');
    expect(stages).not.toContain('rule:newsletter');
  });
});
