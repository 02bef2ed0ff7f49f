import { describe, expect, it } from 'vitest';
import { minutesLeft, placeLabel } from '../../src/content/progress';

describe('minutes left', () => {
  it('is the share of the reading time still below the top of the view, rounded up', () => {
    expect(minutesLeft(10, 0)).toBe(10);
    expect(minutesLeft(10, 0.5)).toBe(5);
    expect(minutesLeft(10, 0.55)).toBe(5);
    expect(minutesLeft(10, 0.56)).toBe(5);
    expect(minutesLeft(10, 0.41)).toBe(6);
  });

  it('says at least a minute until the very end, then the end', () => {
    expect(minutesLeft(10, 0.97)).toBe(1);
    expect(minutesLeft(1, 0.2)).toBe(1);
    expect(minutesLeft(10, 1)).toBe(0);
    expect(placeLabel(0)).toBe('End of article');
    expect(placeLabel(7)).toBe('7 min left');
  });
});
