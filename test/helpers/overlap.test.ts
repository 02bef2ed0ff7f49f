import { describe, expect, it } from 'vitest';
import { extraTokens, overlapF1, tokens } from './overlap';

describe('token overlap', () => {
  it('is 1 for identical text and for two empty texts', () => {
    expect(overlapF1('The cat sat.', 'the  cat sat')).toBe(1);
    expect(overlapF1('', '')).toBe(1);
  });

  it('is 0 when one side is empty or nothing is shared', () => {
    expect(overlapF1('', 'words')).toBe(0);
    expect(overlapF1('alpha beta', 'gamma delta')).toBe(0);
  });

  it('drops when clutter is added and when content is lost', () => {
    const expected = 'one two three four five six seven eight';
    expect(overlapF1(`${expected} share tweet email`, expected)).toBeLessThan(1);
    expect(overlapF1('one two three four', expected)).toBeLessThan(1);
    expect(extraTokens(`${expected} share tweet`, expected)).toBe(2);
  });

  it('counts repeats: a duplicated paragraph is not free', () => {
    expect(overlapF1('a b c a b c', 'a b c')).toBeLessThan(1);
  });

  it('counts each private-use glyph as a token', () => {
    expect(overlapF1('add browns \uf10d', 'add browns')).toBeLessThan(1);
  });

  it('counts each CJK character as a token', () => {
    expect([...tokens('図書館カフェ open').keys()]).toEqual(['図', '書', '館', 'カ', 'フ', 'ェ', 'open']);
  });
});
