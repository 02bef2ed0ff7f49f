import { describe, expect, it } from 'vitest';
import { KEY_LIST, keyAction, type KeyInput } from '../../src/content/keys';

/** A label from the "?" list as the key event it stands for. */
function eventFor(label: string): KeyInput {
  const named: Record<string, KeyInput> = { Space: { key: ' ' }, 'Shift+Space': { key: ' ', shiftKey: true }, '↓': { key: 'ArrowDown' }, '↑': { key: 'ArrowUp' }, Esc: { key: 'Escape' } };
  return named[label] ?? { key: label };
}

describe('reader keys', () => {
  it.each([
    ['Escape', 'close'], ['+', 'size-up'], ['=', 'size-up'], ['-', 'size-down'], ['t', 'theme'], ['T', 'theme'],
    ['c', 'copy'], ['s', 'save'], ['?', 'help'], ['o', 'outline'], ['O', 'outline'],
    ['ArrowDown', 'line-down'], ['ArrowUp', 'line-up'], ['PageDown', 'page-down'], ['PageUp', 'page-up'],
    ['Home', 'top'], ['End', 'bottom'], ['j', 'next-paragraph'], ['k', 'previous-paragraph'],
  ])('%s → %s', (key, action) => {
    expect(keyAction({ key })).toBe(action);
  });

  it('Space pages down, Shift+Space up', () => {
    expect(keyAction({ key: ' ' })).toBe('page-down');
    expect(keyAction({ key: ' ', shiftKey: true })).toBe('page-up');
  });

  it('leaves other keys and browser shortcuts (Ctrl, Alt, Meta) alone', () => {
    for (const key of ['a', 'Enter', 'Tab', 'ArrowLeft', 'F5']) expect(keyAction({ key }), key).toBeNull();
    expect(keyAction({ key: 'c', ctrlKey: true })).toBeNull();
    expect(keyAction({ key: 's', metaKey: true })).toBeNull();
    expect(keyAction({ key: 't', altKey: true })).toBeNull();
    expect(keyAction({ key: 'End', ctrlKey: true })).toBeNull();
    expect(keyAction({ key: 'ArrowDown', altKey: true })).toBeNull();
    expect(keyAction({ key: ' ', metaKey: true })).toBeNull();
  });

  it('lets a focused select, slider or text field keep its keys, but Esc still closes', () => {
    for (const key of ['t', '-', ' ', 'ArrowDown', 'ArrowUp', 'PageDown', 'Home', 'End', 'j', '?']) {
      expect(keyAction({ key, focus: 'control' }), key).toBeNull();
    }
    expect(keyAction({ key: 'Escape', focus: 'control' })).toBe('close');
  });

  it('lets Space press a focused button; the other keys still move the article', () => {
    expect(keyAction({ key: ' ', focus: 'button' })).toBeNull();
    expect(keyAction({ key: ' ', shiftKey: true, focus: 'button' })).toBeNull();
    expect(keyAction({ key: 'PageDown', focus: 'button' })).toBe('page-down');
    expect(keyAction({ key: 'j', focus: 'button' })).toBe('next-paragraph');
  });

  it('with the key list open, Esc and ? close it and nothing else is the reader’s', () => {
    expect(keyAction({ key: 'Escape', helpOpen: true })).toBe('help');
    expect(keyAction({ key: '?', helpOpen: true })).toBe('help');
    for (const key of [' ', 'PageDown', 'End', 'j', 't', 'c', 's']) expect(keyAction({ key, helpOpen: true }), key).toBeNull();
  });
});

describe('the "?" list', () => {
  it('names only keys that do something', () => {
    for (const [labels, what] of KEY_LIST) {
      for (const label of labels) expect(keyAction(eventFor(label)), `${label} (${what})`).not.toBeNull();
    }
  });

  it('leaves out no key that does something', () => {
    const listed = new Set(KEY_LIST.flatMap(([labels]) => labels.map((l) => JSON.stringify(eventFor(l)))));
    // Every printable ASCII character and every named key a keyboard sends on its own.
    const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
    const named = ['Escape', 'Enter', 'Tab', 'Backspace', 'Delete', 'Insert', 'ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'PageDown', 'PageUp', 'Home', 'End', ...Array.from({ length: 12 }, (_, i) => `F${i + 1}`)];
    const unlisted = [...printable, ...named]
      .flatMap((key) => [{ key }, { key, shiftKey: true }])
      .filter((e) => keyAction(e) !== null && !listed.has(JSON.stringify(e)) && !listed.has(JSON.stringify({ key: e.key })))
      .map((e) => e.key);
    // Aliases the list folds into one label: = for +, _ for -, and capitals (Caps Lock) for letters.
    expect([...new Set(unlisted)].sort()).toEqual(['=', 'C', 'H', 'J', 'K', 'O', 'R', 'S', 'T', 'X', '_'].sort());
  });
});
