// A photo series: many pictures and a line or two of text, shorter than the 200 characters an
// article needs. It is what the page is, so the reader shows it; a page with as little text and
// only a picture or two still has no article, and a list page is still read as its list.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/index';
import { BASE, page } from './page';

const photos = (n: number) => Array.from({ length: n }, (_, i) => `<p><img src="/photos/${i + 1}.jpg" alt="" width="1200" height="800"></p>`).join('');
const facts = '<h3>Places</h3><p>Shuji: Japan. Walter: Germany.</p><h3>Film</h3><p>Fuji X-TRA 400.</p><h3>Cameras</h3><p>Widelux, Pentax Z-1.</p>';

describe('a photo series with little text', () => {
  it('shows the pictures and their lines', () => {
    const result = extractArticle(page(`<article><h1>Shuji and Walter, April 2018</h1>${facts}${photos(12)}</article>`), BASE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.text).toContain('Fuji X-TRA 400.');
    expect(result.content.querySelectorAll('img').length).toBeGreaterThanOrEqual(12);
  });

  it('still finds no article where the same lines have only two pictures', () => {
    const result = extractArticle(page(`<article><h1>Shuji and Walter, April 2018</h1>${facts}${photos(2)}</article>`), BASE);
    expect(result).toMatchObject({ ok: false, reason: 'no-article' });
  });
});
