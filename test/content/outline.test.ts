import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { currentSection, outlineOf } from '../../src/content/outline';

const contentOf = (html: string) => new JSDOM(`<div>${html}</div>`).window.document.querySelector('div')!;

describe('outlineOf', () => {
  it('lists the headings in order, their depth counted from the shallowest level used', () => {
    const content = contentOf('<h2>Origins</h2><p>x</p><h3>The mill</h3><h4>Its wheel</h4><h2>Today</h2><h4>Skipped a level</h4>');
    expect(outlineOf(content).map((e) => [e.depth, e.text])).toEqual([[1, 'Origins'], [2, 'The mill'], [3, 'Its wheel'], [1, 'Today'], [3, 'Skipped a level']]);
    expect(outlineOf(content)[1]!.target).toBe(content.querySelector('h3'));
  });

  it('starts at depth 1 whatever the top level is, and stops at depth 3', () => {
    expect(outlineOf(contentOf('<h3>A</h3><h4>B</h4>')).map((e) => e.depth)).toEqual([1, 2]);
    expect(outlineOf(contentOf('<h1>A</h1><h2>B</h2><h3>C</h3><h4>D</h4>')).map((e) => e.depth)).toEqual([1, 2, 3, 3]);
  });

  it('takes heading text as text (markup characters stay characters), collapsed, empty headings left out, long ones cut', () => {
    const content = contentOf(`<h2>  The &lt;img src=x onerror=alert(1)&gt;\n  wall </h2><h2> </h2><h2><img alt="x"></h2><h2>${'word '.repeat(40)}</h2>`);
    const entries = outlineOf(content);
    expect(entries.map((e) => e.text.length <= 120)).toEqual([true, true]);
    expect(entries[0]!.text).toBe('The <img src=x onerror=alert(1)> wall');
    expect(entries[1]!.text.endsWith('…')).toBe(true);
  });

  it('is empty for content without headings', () => {
    expect(outlineOf(contentOf('<p>Just text.</p>'))).toEqual([]);
  });
});

describe('currentSection', () => {
  it('is the last entry whose top has reached the reading line', () => {
    const tops = [-900, -200, 150, 800];
    expect(currentSection(tops, 200)).toBe(2);
    expect(currentSection(tops, 100)).toBe(1);
  });

  it('is the first entry before any has reached the line, and the last once all have', () => {
    expect(currentSection([40, 600, 1200], 10)).toBe(0);
    expect(currentSection([-3000, -2000, -10], 200)).toBe(2);
  });
});
