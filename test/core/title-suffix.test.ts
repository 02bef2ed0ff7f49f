// The title without the site's name after it (title-suffix.ts): what the reader's header, the
// outline and every saved or copied file start with.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/index';
import { withoutSiteSuffix } from '../../src/core/title-suffix';
import { page, prose } from './page';

describe('withoutSiteSuffix', () => {
  it('takes the page\'s own headline when the title is that headline, a separator and more', () => {
    expect(withoutSiteSuffix('The long life of the canal — River Notes', 'The long life of the canal', null)).toBe('The long life of the canal');
    expect(withoutSiteSuffix('Chain keeps skipping - Repairs - Spokesfolk', '  Chain keeps\n skipping ', null)).toBe('Chain keeps skipping');
    expect(withoutSiteSuffix('retry() | Tidewater docs', 'retry()', null)).toBe('retry() | Tidewater docs'); // too short to be a headline
  });

  it('drops a declared site name after a separator', () => {
    expect(withoutSiteSuffix('Harbour vote delayed again | The Courier', null, 'The Courier')).toBe('Harbour vote delayed again');
    expect(withoutSiteSuffix('Harbour vote delayed again – the courier', 'Harbour', 'The Courier')).toBe('Harbour vote delayed again');
  });

  it('keeps a title whose ending is its own words, not a suffix', () => {
    expect(withoutSiteSuffix('Why we moved to the Courier', null, 'Courier')).toBe('Why we moved to the Courier');
    // A colon more often opens a subtitle than a site name: the title stays whole.
    expect(withoutSiteSuffix('Election night: the results', 'Election night', null)).toBe('Election night: the results');
    expect(withoutSiteSuffix('A headline with no site', 'Something else entirely', 'Site')).toBe('A headline with no site');
  });

  it('is what the extracted article is titled', () => {
    const doc = page(`<header><a href="/">River Notes</a></header><article><h1>The long life of the canal</h1>${prose(6)}</article>`, '<title>The long life of the canal — River Notes</title>');
    const result = extractArticle(doc, doc.URL);
    if (!result.ok) throw new Error(result.message);
    expect(result.article.title).toBe('The long life of the canal');
  });
});
