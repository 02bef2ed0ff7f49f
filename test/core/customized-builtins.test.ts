// A page whose theme wraps the whole post in a customized built-in (`<section is="…">`):
// DOMPurify deletes such an element outright when it returns DOM, so the reader said "No
// article found" (a WordPress theme on a French news site). The wrapper is rebuilt as a plain
// element first: the story comes through, and nothing in the output keeps an `is` value.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/index';
import { BASE, page, prose } from './page';

describe('customized built-in elements', () => {
  it('keeps a story wrapped in <section is>, without the attribute', () => {
    const doc = page(`<section is="theme-layout-single-post"><main role="main"><h1>A story</h1>${prose(6)}<section is="theme-quote"><p>A quoted line that must stay.</p></section></main></section>`);
    const result = extractArticle(doc, BASE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.text).toContain('Paragraph 6 about the harbour');
    expect(result.article.text).toContain('A quoted line that must stay.');
    expect(result.article.html).not.toMatch(/\sis=/);
  });
});
