// "About the author" boxes (clean/author-boxes.ts): the biography goes, a byline or a long
// section that merely carries an author class stays, and a forum post's author card stays.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/index';
import { BASE, page, prose } from './page';

const bio = 'Dana Whitcombe has baked bread at home for twenty years and taught sourdough classes in Vermont since 2015, and grows heritage wheat.';

function textOf(body: string): string {
  const result = extractArticle(page(body), BASE);
  if (!result.ok) throw new Error(result.message);
  return result.article.text;
}

describe('author-boxes', () => {
  it('removes the biography box after the story', () => {
    const text = textOf(`<article><h1>A story</h1>${prose(6)}<section class="author-box"><img src="/a.jpg" alt=""><p>${bio}</p></section></article>`);
    expect(text).toContain('for years to come.');
    expect(text).not.toContain('Dana Whitcombe has baked bread');
  });

  it('finds the box by a part of a longer class name (BEM, theme prefixes)', () => {
    const text = textOf(`<article><h1>A story</h1>${prose(6)}<div class="TestReport__AuthorBox"><p>${bio}</p></div></article>`);
    expect(text).not.toContain('Dana Whitcombe has baked bread');
  });

  it('keeps a short byline box and a long section that only carries an author class', () => {
    // Readability takes a byline out of the text into the header's byline: it must still find it.
    const result = extractArticle(page(`<article><h1>A story</h1><div class="post-author">By Dana Whitcombe, 3 May 2024</div>${prose(6)}</article>`), BASE);
    expect(result.ok && result.article.byline).toContain('Dana Whitcombe');
    const long = textOf(`<article><h1>A story</h1><div class="post-author-bio">${prose(8, 'the author and her bakery')}</div></article>`);
    expect(long).toContain('Paragraph 8 about the author and her bakery');
  });

  it('keeps the box when the name is only a word inside a token (authorize, coauthored)', () => {
    const text = textOf(`<article><h1>A story</h1>${prose(6)}<div class="authorized-content"><p>${bio}</p></div></article>`);
    expect(text).toContain('Dana Whitcombe has baked bread');
  });
});
