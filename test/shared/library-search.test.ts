import { describe, expect, it } from 'vitest';
import { LibrarySearch } from '../../src/shared/library-search';
import { searchable } from './searchable';
import { foldText, queryTerms, tokenize } from '../../src/shared/search-tokens';
import { searchForm } from '../../src/shared/search-form';

const item = searchable;

function library() {
  return new LibrarySearch([
    item('a', 1, 'Harbour cranes at dawn', 'The container terminal opened early. Workers arrived by ferry.'),
    item('b', 3, 'Café culture in Zürich', 'Baristas in Zürich serve crème brûlée with coffee.', { byline: 'Jürgen Müller', siteName: 'Alpine Post' }),
    item('c', 2, 'Ferry schedules', 'The ferry terminal publishes winter schedules.', { siteName: 'Harbour Times' }),
    item('d', 4, '東京の地下鉄', '東京都の地下鉄は朝がとても混雑します。'),
    item('e', 5, 'Straße und Verkehr', 'Die Straße ist gesperrt.'),
  ]);
}

describe('search tokens', () => {
  it('folds case and diacritics, and spells out letters that do not decompose', () => {
    expect(foldText('Crème BRÛLÉE Straße Øresund')).toBe('creme brulee strasse oresund');
  });
  it('splits CJK runs into overlapping pairs plus the last character', () => {
    expect(tokenize('東京都')).toEqual(['東京', '京都', '都']);
  });
  it('splits words at punctuation, emoji and case-free separators, and folds inside words', () => {
    expect(tokenize('hello😀World naïve Cafe\u0301 ÉCOLE x-ray 3.14 l’été')).toEqual(['hello', 'world', 'naive', 'cafe', 'ecole', 'x', 'ray', '3', '14', 'l', 'ete']);
    expect(tokenize('한국어 문장입니다')).toEqual(['한국어', '문장입니다']);
    expect(tokenize('a'.repeat(40))).toEqual(['a'.repeat(24)]);
  });
  it('agrees with folding whole strings, for text in many scripts', () => {
    const samples = ['Crème brûlée, Øresund & Straße!', 'Ελληνικά κείμενα ΆΈΉ', 'Русский ТЕКСТ ёлка', 'עברית וערבית العربية', 'Türkçe İstanbul ﬁnance ①', 'Việt Nam Tiếng Việt'];
    for (const text of samples) expect(tokenize(text), text).toEqual(foldText(text).match(/[\p{L}\p{N}]+/gu));
  });
  it('drops query terms already implied by longer ones', () => {
    expect(queryTerms('fer ferry FERRY')).toEqual(['ferry']);
  });
});

describe('library search', () => {
  it('finds a word from the text, and an empty query lists everything newest first', () => {
    const s = library();
    expect(s.search('container')).toEqual(['a']);
    expect(s.search('')).toEqual(['e', 'd', 'b', 'c', 'a']);
  });

  it('ANDs terms, across title, byline, site and text', () => {
    const s = library();
    expect(s.search('ferry')).toEqual(['c', 'a']);
    expect(s.search('ferry winter')).toEqual(['c']);
    expect(s.search('harbour ferry')).toEqual(['c', 'a']);
    expect(s.search('muller alpine coffee')).toEqual(['b']);
    expect(s.search('ferry zurich')).toEqual([]);
  });

  it('matches prefixes of words', () => {
    const s = library();
    expect(s.search('term')).toEqual(['c', 'a']);
    expect(s.search('sched fer')).toEqual(['c']);
  });

  it('ignores case and diacritics on both sides', () => {
    const s = library();
    expect(s.search('ZURICH')).toEqual(['b']);
    expect(s.search('zürich')).toEqual(['b']);
    expect(s.search('creme brulee')).toEqual(['b']);
    expect(s.search('strasse')).toEqual(['e']);
    expect(s.search('Straße')).toEqual(['e']);
  });

  it('finds CJK text by a run of characters or a single character', () => {
    const s = library();
    expect(s.search('地下鉄')).toEqual(['d']);
    expect(s.search('東京都')).toEqual(['d']);
    expect(s.search('混')).toEqual(['d']);
    expect(s.search('大阪')).toEqual([]);
  });

  it('treats punctuation as separators and finds nothing for words absent', () => {
    const s = library();
    expect(s.search('"ferry," -- terminal!')).toEqual(['c', 'a']);
    expect(s.search('submarine')).toEqual([]);
  });

  it('follows adds, replacements and removals', () => {
    const s = library();
    s.remove('a');
    expect(s.search('container')).toEqual([]);
    s.add(item('a', 1, 'Harbour cranes at dawn', 'The container terminal opened early.'));
    expect(s.search('container')).toEqual(['a']);
    s.add(item('a', 9, 'Rewritten', 'Nothing about ships.'));
    expect(s.search('container')).toEqual([]);
    expect(s.search('')).toEqual(['a', 'e', 'd', 'b', 'c']);
    s.add(item('f', 10, 'Zebra crossings', 'Zebras cross.'));
    expect(s.search('zebr')).toEqual(['f']);
    expect(s.size).toBe(6);
  });
});

describe('library search: stored forms, stream and compaction', () => {
  const many = (count: number, from = 0) =>
    Array.from({ length: count }, (_, i) => item(`m${from + i}`, from + i, `Title ${from + i}`, `word${(from + i) % 7} common shared${from + i}`));

  it('search forms hold each distinct folded token once, space before each', () => {
    expect(searchForm({ title: 'Café CAFÉ', byline: 'Jürgen', siteName: null, text: 'café au lait, 東京' })).toBe(' cafe jurgen au lait 東京 京');
    expect(searchForm({ title: '', byline: null, siteName: null, text: '' })).toBe('');
  });

  it('finds the same before and after compaction, and across both parts', () => {
    const s = new LibrarySearch();
    s.autoCompact = false;
    for (const it of many(50)) s.addForm(it.id, it.savedAt, searchForm(it));
    const before = [s.search('word3'), s.search('shared4'), s.search('common word1'), s.search('')];
    s.compact();
    expect([s.search('word3'), s.search('shared4'), s.search('common word1'), s.search('')]).toEqual(before);
    expect(before[0]).toEqual(['m45', 'm38', 'm31', 'm24', 'm17', 'm10', 'm3']);
    // Newer articles land in the stream; a query spans compacted and streamed articles.
    for (const it of many(10, 50)) s.add(it);
    expect(s.search('word3')).toEqual(['m59', 'm52', ...before[0]!]);
    s.remove('m52');
    s.remove('m45');
    expect(s.search('word3 common')).toEqual(['m59', 'm38', 'm31', 'm24', 'm17', 'm10', 'm3']);
    s.compact(); // drops the tombstoned slots
    expect(s.search('word3 common')).toEqual(['m59', 'm38', 'm31', 'm24', 'm17', 'm10', 'm3']);
    expect(s.size).toBe(58);
  });

  it('compacts on its own as adds pile up, and still finds everything', () => {
    const s = new LibrarySearch();
    const text = Array.from({ length: 400 }, (_, k) => `t${k}`).join(' ');
    for (let i = 0; i < 400; i++) s.add(item(`x${i}`, i, `Doc ${i}`, `${text} only${i}`));
    expect(s.search('only399')).toEqual(['x399']);
    expect(s.search('only1')).toHaveLength(111);
    expect(s.search('t399 doc')).toHaveLength(400);
  });

  it('a form added twice under one id replaces the first', () => {
    const s = new LibrarySearch();
    s.addForm('a', 1, ' harbour ferry');
    s.addForm('a', 2, ' lighthouse');
    expect(s.search('ferry')).toEqual([]);
    expect(s.search('light')).toEqual(['a']);
    expect(s.tombstones).toBe(1);
  });
});
