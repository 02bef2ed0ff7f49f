// What a fixture's extraction is compared on: the same shape update-fixtures.mjs writes, so a test
// failure diff reads like a diff of the reviewed files.
import { extractArticle, toMarkdown } from '../../src/core/index';
import type { ExtractOptions } from '../../src/core/index';
import { loadDocument, type Fixture } from './fixtures';

export interface FixtureOutput {
  /** expected.json's content. */
  meta: Record<string, unknown>;
  text: string | null;
  markdown: string | null;
  html: string | null;
}

export function extractFixture(fixture: Fixture, options: ExtractOptions = {}): FixtureOutput {
  const result = extractArticle(loadDocument(fixture), fixture.url, options);
  if (!result.ok) return { meta: { ok: false, reason: result.reason }, text: null, markdown: null, html: null };
  const a = result.article;
  return {
    meta: {
      title: a.title,
      byline: a.byline,
      siteName: a.siteName,
      publishedTime: a.publishedTime,
      lang: a.lang,
      dir: a.dir,
      leadImage: a.leadImage,
      canonicalUrl: a.canonicalUrl,
      wordCount: a.wordCount,
    },
    text: a.text,
    markdown: toMarkdown(result.content),
    html: a.html,
  };
}
