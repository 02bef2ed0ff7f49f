// The early-exit text readers the clean rules ask "is this short?" with: they must give exactly
// the answer of reading the whole text (normalizedText / countWordsIn), only sooner.
import { describe, expect, it } from 'vitest';
import { countWordsIn, normalizedText, normalizedTextUpTo, wordCountExceeds } from '../../src/core/dom';
import { page } from './page';

/** Nested markup with whitespace runs, split words and long stretches, from a seed. */
function tree(seed: number): Element {
  let x = seed;
  const next = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const words = ['harbour', ' ', '  \n ', 'vote', 'del', 'ayed', '—', '12', 'Ünïcode', '  council  '];
  const build = (depth: number): string =>
    Array.from({ length: 1 + Math.floor(next() * 6) }, () => {
      const r = next();
      if (depth < 4 && r < 0.4) return `<span>${build(depth + 1)}</span>`;
      return Array.from({ length: Math.floor(next() * 30) }, () => words[Math.floor(next() * words.length)]).join('');
    }).join('');
  const doc = page(`<div id="t">${build(0)}</div>`);
  return doc.getElementById('t')!;
}

describe('early-exit text readers', () => {
  it('normalizedTextUpTo is normalizedText when it fits, and null when it does not', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const el = tree(seed);
      const whole = normalizedText(el);
      for (const max of [0, 5, 40, 160, 300, 5000]) {
        expect(normalizedTextUpTo(el, max), `seed ${seed} max ${max}`).toBe(whole.length > max ? null : whole);
      }
    }
  });

  it('wordCountExceeds answers as counting every word would', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const el = tree(seed);
      const words = countWordsIn(normalizedText(el));
      for (const max of [0, 4, 8, 24, 35, 200]) expect(wordCountExceeds(el, max), `seed ${seed} max ${max}`).toBe(words > max);
    }
  });

  it('answers for an element of 100,000 words with a short limit', () => {
    const doc = page(`<div id="t">${'<p>word </p>'.repeat(100_000)}</div>`);
    const el = doc.getElementById('t')!;
    expect(normalizedTextUpTo(el, 160)).toBeNull();
    expect(wordCountExceeds(el, 35)).toBe(true);
  });
});
