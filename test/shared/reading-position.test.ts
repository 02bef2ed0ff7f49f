import { describe, expect, it } from 'vitest';
import { MAX_POSITIONS, pageKey, positionOf, remember, validPositions, type Positions } from '../../src/shared/reading-position';
import { createPositionStore, POSITIONS_KEY } from '../../src/platform/position-store';

describe('remembered positions', () => {
  it('keeps the most recent first, one entry per page', () => {
    let list: Positions = [];
    list = remember(list, 'a', 0.2);
    list = remember(list, 'b', 0.5);
    list = remember(list, 'a', 0.7);
    expect(list).toEqual([['a', 0.7], ['b', 0.5]]);
    expect(positionOf(list, 'a')).toBe(0.7);
    expect(positionOf(list, 'unknown')).toBe(0);
  });

  it(`never holds more than ${MAX_POSITIONS}: the least recently read go first`, () => {
    let list: Positions = [];
    for (let i = 0; i < MAX_POSITIONS + 50; i++) list = remember(list, `page-${i}`, 0.5);
    expect(list).toHaveLength(MAX_POSITIONS);
    expect(positionOf(list, 'page-0')).toBe(0);
    expect(positionOf(list, 'page-49')).toBe(0);
    expect(positionOf(list, 'page-50')).toBe(0.5);
    expect(list[0]![0]).toBe(`page-${MAX_POSITIONS + 49}`);
  });

  it('reads back only well-formed entries from storage, bounded', () => {
    expect(validPositions(undefined)).toEqual([]);
    expect(validPositions({ a: 1 })).toEqual([]);
    expect(validPositions([['a', 0.5], ['b', 2], ['c', -1], ['d', Number.NaN], [1, 0.5], 'x', ['a', 0.9], ['e', 1]])).toEqual([['a', 0.5], ['e', 1]]);
    expect(validPositions(Array.from({ length: 500 }, (_, i) => [`k${i}`, 0.1]))).toHaveLength(MAX_POSITIONS);
  });

  it('keys a page by a hash of its address without the #fragment, never the address itself', () => {
    const url = 'https://news.example/2024/story?id=7';
    expect(pageKey(url)).toBe(pageKey(`${url}#section-2`));
    expect(pageKey(url)).not.toBe(pageKey('https://news.example/2024/story?id=8'));
    expect(pageKey(url)).toMatch(/^[0-9a-z]{1,12}$/);
  });
});

describe('position store', () => {
  function fakeArea() {
    const data: Record<string, unknown> = {};
    return { data, area: { get: async (k: string) => ({ [k]: data[k] }), set: async (items: Record<string, unknown>) => void Object.assign(data, items) } };
  }

  it('saves and loads a page’s place under one key, holding no address', async () => {
    const { data, area } = fakeArea();
    const store = createPositionStore(area);
    expect(await store.load('https://a.example/x')).toBe(0);
    await store.save('https://a.example/x', 0.42);
    await store.save('https://b.example/y', 0.1);
    expect(await store.load('https://a.example/x#top')).toBe(0.42);
    expect(Object.keys(data)).toEqual([POSITIONS_KEY]);
    expect(JSON.stringify(data)).not.toMatch(/example/);
  });

  it('starts at the top when storage fails or holds junk', async () => {
    const broken = createPositionStore({ get: async () => { throw new Error('Extension context invalidated'); }, set: async () => {} });
    expect(await broken.load('https://a.example/x')).toBe(0);
    const { data, area } = fakeArea();
    data[POSITIONS_KEY] = 'junk';
    const store = createPositionStore(area);
    expect(await store.load('https://a.example/x')).toBe(0);
    await store.save('https://a.example/x', 0.3);
    expect(await store.load('https://a.example/x')).toBe(0.3);
  });
});
