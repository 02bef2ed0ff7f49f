import { describe, expect, it } from 'vitest';
import { keyAction } from '../../src/content/keys';

describe('reader keys', () => {
  it.each([
    ['Escape', 'close'], ['+', 'size-up'], ['=', 'size-up'], ['-', 'size-down'], ['t', 'theme'], ['T', 'theme'],
    ['c', 'copy'], ['s', 'save'],
  ])('%s → %s', (key, action) => {
    expect(keyAction({ key })).toBe(action);
  });

  it('leaves other keys and browser shortcuts alone', () => {
    for (const key of ['a', 'Enter', ' ', 'ArrowDown', 'PageDown', 'Tab']) expect(keyAction({ key })).toBeNull();
    expect(keyAction({ key: 'c', ctrlKey: true })).toBeNull();
    expect(keyAction({ key: 's', metaKey: true })).toBeNull();
    expect(keyAction({ key: 't', altKey: true })).toBeNull();
  });

  it('lets a focused select or slider keep its letters, but Esc still closes', () => {
    expect(keyAction({ key: 't', inControl: true })).toBeNull();
    expect(keyAction({ key: '-', inControl: true })).toBeNull();
    expect(keyAction({ key: 'Escape', inControl: true })).toBe('close');
  });
});
