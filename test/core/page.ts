// Builds a jsdom Document for core unit tests: the core takes a Document, so tests need no
// jsdom test environment.
import { JSDOM } from 'jsdom';
import { extractArticle } from '../../src/core/index';

export const BASE = 'https://news.example/world/2024/story.html';

export function page(body: string, head = '<title>A story</title>', url = BASE): Document {
  return new JSDOM(`<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`, { url }).window.document;
}

export function fragment(html: string): DocumentFragment {
  const doc = page('');
  const t = doc.createElement('template');
  t.innerHTML = html;
  return t.content;
}

/** Enough ordinary prose for Readability to call it an article. */
export function prose(paragraphs = 6, topic = 'the harbour'): string {
  return Array.from({ length: paragraphs }, (_, i) =>
    `<p>Paragraph ${i + 1} about ${topic}: the council met on Tuesday to discuss the plan, and residents said the changes would reshape how the town works, trades and travels for years to come.</p>`,
  ).join('\n');
}

/**
 * The reader's text for a story with `inner` between two runs of prose: for rule tests that ask
 * whether a block in the middle of an article goes or stays.
 */
export function storyTextWith(inner: string, disabledRules: string[] = []): string {
  const result = extractArticle(page(`<article><h1>A story</h1>${prose(3)}${inner}${prose(3, 'the ferry')}</article>`), BASE, { disabledRules });
  if (!result.ok) throw new Error(result.message);
  return result.article.text;
}
