// Search that forgives: the typo rule, the index finding words one typo away (compacted and not
// yet compacted), tags as searched words, and the ranking the library list shows.
import { describe, expect, it } from 'vitest';
import { LibrarySearch } from '../../src/shared/library-search';
import { searchable } from './searchable';
import { rankHits } from '../../src/shared/search-ranking';
import { forgivesTypos, oneTypoApart } from '../../src/shared/search-typos';

const item = (id: string, savedAt: number, title: string, text: string, tags: string[] = []) => searchable(id, savedAt, title, text, { tags });

const ITEMS = [
  item('a', 1, 'Harbour cranes at dawn', 'The container terminal opened early. Workers arrived by ferry.'),
  item('b', 3, 'Mountain passes', 'Snow closed the road above the village.', ['ferry trips']),
  item('c', 2, 'Ferry schedules', 'The terminal publishes winter schedules.'),
  item('d', 4, 'Very fine fern', 'Short words: very, fern, cats. Numbers: 2024.'),
];

describe('the typo rule', () => {
  it('one letter missing, extra, wrong, or two neighbours swapped; nothing more', () => {
    for (const typo of ['fery', 'ferrry', 'ferty', 'frery', 'feryr', 'xerry', 'ferr']) expect(oneTypoApart(typo, 'ferry'), typo).toBe(true);
    for (const far of ['ferry', 'fe', 'fyrre', 'frrey', 'ferryboat', 'fiercy']) expect(oneTypoApart(far, 'ferry'), far).toBe(false);
  });

  it('applies to query words of letters that can reach a five-letter word', () => {
    expect(forgivesTypos('fery')).toBe(true);
    expect(forgivesTypos('cat')).toBe(false);
    expect(forgivesTypos('20245')).toBe(false);
    expect(forgivesTypos('東京東京')).toBe(false);
  });
});

describe('library search with typos', () => {
  const search = (s: LibrarySearch, q: string) => s.find(q).map((h) => `${h.id}${h.typos ? '~' : ''}`);

  it('finds whole words one typo away, and says which hits needed the typo', () => {
    const s = new LibrarySearch(ITEMS);
    expect(search(s, 'fery')).toEqual(['b~', 'c~', 'a~']); // the issue's own example, and b by its tag
    expect(search(s, 'ferrry')).toEqual(['b~', 'c~', 'a~']);
    expect(search(s, 'termnial')).toEqual(['c~', 'a~']);
    expect(search(s, 'contianer early')).toEqual(['a~']);
    expect(search(s, 'ferry')).toEqual(['b', 'c', 'a']);
  });

  it('never forgives a typo on short words, numbers, or a half-typed word', () => {
    const s = new LibrarySearch(ITEMS);
    expect(search(s, 'vary')).toEqual([]); // "very" is four letters
    expect(search(s, 'cats')).toEqual(['d']);
    expect(search(s, 'cets')).toEqual([]);
    expect(search(s, '2025')).toEqual([]);
    expect(search(s, 'contan')).toEqual([]);
    expect(search(s, 'submarine')).toEqual([]);
  });

  it('finds typos in articles added since the last compaction, and in changed tags', () => {
    const s = new LibrarySearch(ITEMS);
    s.add(item('e', 5, 'Lighthouse keepers', 'A lighthouse on the rocks.'));
    expect(search(s, 'lighthuose')).toEqual(['e~']);
    s.setTags('e', ['ferry']);
    expect(search(s, 'fery')).toEqual(['e~', 'b~', 'c~', 'a~']);
    s.setTags('b', []);
    expect(search(s, 'ferry')).toEqual(['e', 'c', 'a']);
  });
});

describe('search ranking', () => {
  const byId = new Map(ITEMS.map((i) => [i.id, i]));
  const ranked = (s: LibrarySearch, q: string) => rankHits(q, s.find(q), (id) => byId.get(id)).map((i) => i.id);

  it('puts title matches first, then tags, then the body; newest first among equals', () => {
    const s = new LibrarySearch(ITEMS);
    expect(ranked(s, 'ferry')).toEqual(['c', 'b', 'a']);
    expect(ranked(s, 'fery')).toEqual(['c', 'b', 'a']);
    expect(ranked(s, 'terminal')).toEqual(['c', 'a']);
  });

  it('ranks an exact match above a typo match in the same place', () => {
    const items = [item('x', 1, 'Ferry tales', ''), item('y', 2, 'Berry tales', '')];
    const s = new LibrarySearch(items);
    const fields = new Map(items.map((i) => [i.id, i]));
    expect(s.search('ferry')).toEqual(['y', 'x']); // newest first out of the index
    expect(rankHits('ferry', s.find('ferry'), (id) => fields.get(id)).map((i) => i.id)).toEqual(['x', 'y']);
    expect(rankHits('berry', s.find('berry'), (id) => fields.get(id)).map((i) => i.id)).toEqual(['y', 'x']);
  });
});
