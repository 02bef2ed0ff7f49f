import { describe, expect, it } from 'vitest';
import { wordStats } from '../../src/core/words';

describe('wordStats', () => {
  it('counts words in spaced scripts, contractions as one', () => {
    expect(wordStats("It's a fine day in Oslo, isn't it?").words).toBe(8);
    expect(wordStats('Москва и Вашингтон: 2013 год').words).toBe(5);
  });

  it('counts each CJK character, since those scripts do not space words', () => {
    expect(wordStats('東京は晴れ').words).toBe(5);
  });

  it('gives at least one minute, and about 230 words a minute', () => {
    expect(wordStats('short').readingMinutes).toBe(1);
    expect(wordStats('word '.repeat(2300)).readingMinutes).toBe(10);
    expect(wordStats('字'.repeat(5000)).readingMinutes).toBe(10);
  });
});
