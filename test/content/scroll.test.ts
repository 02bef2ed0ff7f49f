import { describe, expect, it } from 'vitest';
import { LINE_PX, scrollTarget, type Geometry } from '../../src/content/scroll';

// An article 4,785 px tall in a 700 px container (the page), paragraphs at these stops.
const at = (from: number, stops = [0, 120, 122, 400, 900]): Geometry => ({ from, view: 700, max: 4785 - 700, stops: () => [...stops] });

describe('keyboard scroll targets', () => {
  it('moves a line, a screen (less an overlap), or to either end', () => {
    expect(scrollTarget('line-down', at(0))).toBe(LINE_PX);
    expect(scrollTarget('line-up', at(100))).toBe(100 - LINE_PX);
    expect(scrollTarget('page-down', at(0))).toBe(613);
    expect(scrollTarget('page-up', at(1000))).toBe(388);
    expect(scrollTarget('bottom', at(0))).toBe(4085);
    expect(scrollTarget('top', at(3000))).toBe(0);
  });

  it('never goes past the top or the end', () => {
    expect(scrollTarget('line-up', at(10))).toBe(0);
    expect(scrollTarget('page-up', at(0))).toBe(0);
    expect(scrollTarget('page-down', at(4000))).toBe(4085);
    expect(scrollTarget('line-down', at(4085))).toBe(4085);
  });

  it('j/k step to the next and previous paragraph, merging stops a few px apart', () => {
    expect(scrollTarget('next-paragraph', at(0))).toBe(120);
    expect(scrollTarget('next-paragraph', at(120))).toBe(400); // 122 is the same paragraph's inner block
    expect(scrollTarget('previous-paragraph', at(400))).toBe(122);
    expect(scrollTarget('previous-paragraph', at(122))).toBe(0);
    expect(scrollTarget('next-paragraph', at(250))).toBe(400); // from between two paragraphs
  });

  it('j past the last paragraph goes to the end, k before the first to the top', () => {
    expect(scrollTarget('next-paragraph', at(900))).toBe(4085);
    expect(scrollTarget('previous-paragraph', at(60, [100, 200]))).toBe(0);
  });
});
