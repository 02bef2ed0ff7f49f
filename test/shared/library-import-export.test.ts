import { describe, expect, it } from 'vitest';
import { articleFileName, buildExport, exportFileName, serializeExport } from '../../src/shared/library-export';
import { describeInvalid, parseImport } from '../../src/shared/library-import';
import { record } from '../library/fixtures';

describe('library export', () => {
  it('writes the versioned envelope with every record, newest first', () => {
    const data = buildExport([record(1), record(3), record(2)], new Date('2025-02-03T04:05:06Z'));
    expect(data).toMatchObject({ format: 'readwell-library', version: 2, exportedAt: '2025-02-03T04:05:06.000Z' });
    expect(data.articles.map((a) => a.id)).toEqual(['id-00003', 'id-00002', 'id-00001']);
    expect(exportFileName(new Date('2025-02-03T04:05:06Z'))).toBe('readwell-library-2025-02-03.json');
  });

  it('parses back to exactly what it wrote', () => {
    const records = [record(2, { tags: ['x'], progress: 0.25, lang: null, dir: 'rtl' }), record(1)];
    const parsed = parseImport(serializeExport(buildExport(records, new Date())));
    expect(parsed).toEqual({ ok: true, records, invalid: [], mergedInFile: 0, images: [] });
  });

  it('makes file names every file system accepts', () => {
    expect(articleFileName('What is a/b? "Quotes" <tags>: yes', 'md')).toBe('What is a b Quotes tags yes.md');
    expect(articleFileName('...', 'html')).toBe('article.html');
  });
});

describe('library import', () => {
  it('refuses files that are not a library export, saying why', () => {
    expect(parseImport('not json')).toEqual({ ok: false, reason: 'The file is not JSON.' });
    expect(parseImport('[]')).toMatchObject({ ok: false, reason: 'The file is not a Readwell library export.' });
    expect(parseImport(JSON.stringify({ format: 'readwell-library', version: 7, articles: [] }))).toMatchObject({ ok: false, reason: expect.stringContaining('version 7') });
    expect(parseImport(JSON.stringify({ format: 'readwell-library', version: 1 }))).toMatchObject({ ok: false, reason: 'The file has no list of articles.' });
  });

  it('keeps good records and reports each bad one with its position, title and reason', () => {
    const file = {
      format: 'readwell-library',
      version: 1,
      exportedAt: '2025-01-01T00:00:00Z',
      articles: [record(1), { ...record(2), url: 'ftp://x' }, 'junk', record(3), { ...record(4), id: 'id-00001' }],
    };
    const parsed = parseImport(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.records).toEqual([record(1), record(3)]);
    expect(parsed.invalid).toEqual([
      { index: 1, title: 'Story number 2', reason: 'url is not an http(s) or file address' },
      { index: 2, title: null, reason: 'not an object' },
      { index: 4, title: 'Story number 4', reason: 'id id-00001 is used by another article in the file' },
    ]);
    expect(describeInvalid(parsed.invalid[0]!)).toBe('Article 2 “Story number 2”: url is not an http(s) or file address');
  });

  it('merges two entries for the same URL inside one file', () => {
    const a = record(1, { tags: ['a'] });
    const b = record(1, { id: 'other', tags: ['b'], updatedAt: a.updatedAt + 5, title: 'Newer' });
    const parsed = parseImport(JSON.stringify({ format: 'readwell-library', version: 1, articles: [a, b] }));
    expect(parsed).toMatchObject({ ok: true, mergedInFile: 1, records: [{ id: a.id, title: 'Newer', tags: ['a', 'b'] }] });
  });
});
