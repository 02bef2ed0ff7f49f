// Dateline lines in the languages of the pages (clean/article-meta.ts): a marked line that is only
// a date and its label goes in German, Polish or French as in English; a marked line with other
// words stays.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/index';
import { page, prose, BASE } from './page';

function textOf(lines: string, disabledRules: string[] = []): string {
  const result = extractArticle(page(`<article><h1>A story</h1>${lines}${prose(6)}</article>`), BASE, { disabledRules });
  if (!result.ok) throw new Error(result.message);
  return result.article.text;
}

describe('datelines beyond English', () => {
  const lines = '<div class="date">Aktualisiert: 11.04.2020, 10:27 Uhr</div><p class="meta">Publikacja: 4 maja 2021</p><span class="post-date">Publié le 2 février 2022</span>';

  it('removes a marked line that is only a date with its label', () => {
    expect(textOf(lines)).not.toMatch(/Aktualisiert|Publikacja|Publié/);
    expect(textOf(lines, ['article-meta'])).toMatch(/Aktualisiert[\s\S]*Publikacja[\s\S]*Publié/);
  });

  it('keeps a marked line that says more than a date', () => {
    expect(textOf('<div class="date">Stand der Technik: 11.04.2020</div>')).toMatch(/Stand der Technik/);
  });
});
