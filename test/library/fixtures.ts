// Drafts and records for the library tests: small, valid, and distinct by index.
import type { ArticleRecord, RecordDraft } from '../../src/shared/article-record';

export function draft(i: number, overrides: Partial<RecordDraft> = {}): RecordDraft {
  const text = `Paragraph about topic ${i}. The harbour crane lifted container number ${i}.\n\nSecond paragraph.`;
  return {
    canonicalUrl: `https://example.com/story-${i}`,
    title: `Story number ${i}`,
    byline: 'Ada Writer',
    siteName: 'Example News',
    publishedTime: '2024-05-01T10:00:00Z',
    lang: 'en',
    dir: 'ltr',
    excerpt: `Paragraph about topic ${i}.`,
    html: `<p>Paragraph about topic ${i}. The harbour crane lifted container number ${i}.</p><p>Second paragraph.</p>`,
    text,
    wordCount: 16,
    readingMinutes: 1,
    leadImage: null,
    ...overrides,
  };
}

export function record(i: number, overrides: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    id: `id-${String(i).padStart(5, '0')}`,
    url: `https://example.com/story-${i}`,
    ...draft(i),
    savedAt: 1_700_000_000_000 + i * 1000,
    updatedAt: 1_700_000_000_000 + i * 1000,
    tags: [],
    progress: 0,
    images: [],
    highlights: [],
    ...overrides,
  };
}
