// The removal guard: a clean rule whose pattern matches the article itself (the NBC page's
// `section#article-sec_0` went to the comments rule and page-chrome) must not take the story.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/index';
import { createCleanContext } from '../../src/core/clean/index';
import type { Removal } from '../../src/core/types';
import { page, prose } from './page';

// Shaped like the NBC page: the story's only wrapper carries names the comments rule keys on,
// and a short real comments block follows it.
const NBC_SHAPED = `
  <div class="layout"><h1>Harbour vote delayed again</h1>
    <section id="article-sec_0" class="discussion">${prose(8)}</section>
    <div id="comments"><h2>Comments</h2><p>First!</p></div>
  </div>`;

describe('removal guard', () => {
  it('keeps an element holding most of the prose even when a rule matches it', () => {
    const result = extractArticle(page(NBC_SHAPED), 'https://news.example/story');
    if (!result.ok) throw new Error(result.message);
    expect(result.article.text).toContain('Paragraph 1 about the harbour');
    expect(result.article.text).toContain('Paragraph 8 about the harbour');
    // The real comments block is still removed: the guard protects prose, not names.
    expect(result.article.text).not.toContain('First!');
  });

  it('records the refusal, naming the rule and the element', () => {
    const doc = page(NBC_SHAPED);
    const log: Removal[] = [];
    const ctx = createCleanContext(doc, doc.URL, new Set(), log);
    const section = doc.getElementById('article-sec_0')!;
    ctx.remove(section, 'comments');
    expect(section.isConnected).toBe(true);
    expect(ctx.guarded).toEqual([expect.objectContaining({ rule: 'comments', selector: 'section#article-sec_0.discussion' })]);
    expect(log).toEqual([]);
  });

  it('lets the hidden-text rules remove even the largest block: unseen text is not the article', () => {
    const doc = page(NBC_SHAPED);
    const ctx = createCleanContext(doc, doc.URL, new Set(), []);
    const section = doc.getElementById('article-sec_0')!;
    ctx.remove(section, 'hidden');
    expect(section.isConnected).toBe(false);
  });

  it('protects nothing on a page with too little prose to be an article', () => {
    const doc = page('<div class="discussion"><p>One short line of text that is not much of anything at all, really.</p></div>');
    const ctx = createCleanContext(doc, doc.URL, new Set(), []);
    const block = doc.querySelector('.discussion')!;
    ctx.remove(block, 'comments');
    expect(block.isConnected).toBe(false);
  });
});
