import { describe, expect, it } from 'vitest';
import { mergeRecords, recordFromDraft, resave, validateRecord } from '../../src/shared/article-record';
import type { ArticleDraft } from '../../src/platform/messages';
import { draft, record } from '../library/fixtures';

describe('article record validation', () => {
  it('accepts a complete record and returns an equal copy of only the known fields', () => {
    const r = record(1);
    const checked = validateRecord({ ...r, extra: 'dropped' });
    expect(checked).toEqual({ ok: true, value: r });
  });

  it.each([
    [null, 'not an object'],
    [[], 'not an object'],
    [{ ...record(1), id: '' }, 'id is empty'],
    [{ ...record(1), url: 'javascript:alert(1)' }, 'url is not an http(s) or file address'],
    [{ ...record(1), url: undefined }, 'url is not text'],
    [{ ...record(1), title: 5 }, 'title is not text'],
    [{ ...record(1), savedAt: 'yesterday' }, 'savedAt is not a time'],
    [{ ...record(1), updatedAt: 1 }, 'updatedAt is before savedAt'],
    [{ ...record(1), progress: 1.5 }, 'progress is not between 0 and 1'],
    [{ ...record(1), progress: Number.NaN }, 'progress is not between 0 and 1'],
    [{ ...record(1), dir: 'up' }, 'dir is neither ltr nor rtl'],
    [{ ...record(1), lang: 'english please' }, 'lang is not a language tag'],
    [{ ...record(1), tags: 'news' }, 'tags is not a list'],
    [{ ...record(1), tags: ['News'] }, 'tag "News" is not a valid tag'],
    [{ ...record(1), tags: ['a', 'a'] }, 'tags repeat'],
    [{ ...record(1), wordCount: 2.5 }, 'wordCount is not a whole number'],
    [{ ...record(1), leadImage: 'data:image/png;base64,AAAA' }, 'leadImage is not an http(s) address'],
  ])('rejects %j with a reason', (input, reason) => {
    expect(validateRecord(input)).toEqual({ ok: false, reason });
  });

  it('agrees with the protocol: an ArticleDraft is a RecordDraft', () => {
    const d: ArticleDraft = { ...draft(1), url: 'https://claimed.example/' };
    const r = recordFromDraft(d, 'https://real.example/', 10, 'x');
    expect(r.ok && r.value.url).toBe('https://real.example/');
  });

  it('drops a canonical URL or lead image a page made up in a scheme we do not keep', () => {
    const r = recordFromDraft(draft(1, { canonicalUrl: 'javascript:x', leadImage: 'data:x' }), 'https://example.com/', 10, 'x');
    expect(r.ok && [r.value.canonicalUrl, r.value.leadImage]).toEqual([null, null]);
  });
});

describe('saving again and merging', () => {
  it('resave keeps id, first save, tags and progress, takes new content', () => {
    const old = record(1, { tags: ['a'], progress: 0.5 });
    const fresh = record(2, { url: old.url, savedAt: old.savedAt + 10_000, updatedAt: old.savedAt + 10_000 });
    expect(resave(old, fresh)).toEqual({ ...fresh, id: old.id, savedAt: old.savedAt, tags: ['a'], progress: 0.5 });
  });

  it('merge keeps the stored id, the earliest save, all tags and the newer content', () => {
    const stored = record(1, { tags: ['a', 'b'], savedAt: 100, updatedAt: 200, title: 'Old' });
    const incoming = record(1, { id: 'other', tags: ['b', 'c'], savedAt: 50, updatedAt: 300, title: 'New', progress: 0.9 });
    expect(mergeRecords(stored, incoming)).toEqual({ ...incoming, id: stored.id, savedAt: 50, updatedAt: 300, tags: ['a', 'b', 'c'] });
    expect(mergeRecords(stored, { ...stored })).toEqual(stored);
  });
});
