// Headings left at the end of the chosen content with nothing to introduce (choose/trailing-headings.ts):
// what goes, what stays, and what the reader's text then ends with.
import { describe, expect, it } from 'vitest';
import { dropTrailingHeadings } from '../../src/core/choose/trailing-headings';
import { extractArticle } from '../../src/core/index';
import { BASE, page, prose } from './page';

function lastLineAfter(html: string): { last: string; removed: string[] } {
  const content = page(`<div id="content">${html}</div>`).getElementById('content')!;
  const removed = dropTrailingHeadings(content).map((r) => r.text);
  const lines = (content.textContent ?? '').split('\n').map((s) => s.trim()).filter(Boolean);
  return { last: lines[lines.length - 1] ?? '', removed };
}

const story = '<p>The ferry will run twice a day from May.</p>';

describe('dropTrailingHeadings', () => {
  it('removes a heading that ends the content, with the wrappers it leaves empty', () => {
    const { last, removed } = lastLineAfter(`${story}\n<section class="more"><div><h3>You may also like</h3></div></section>`);
    expect(removed).toEqual(['You may also like']);
    expect(last).toBe('The ferry will run twice a day from May.');
  });

  it('removes several in a row: a "Related" block leaves more than one', () => {
    const { last, removed } = lastLineAfter(`${story}\n<h2>Mehr zum Thema</h2>\n<h2>Auch interessant</h2>\n<p><h4>Tags</h4></p>`);
    expect(removed).toEqual(['Tags', 'Auch interessant', 'Mehr zum Thema']);
    expect(last).toBe('The ferry will run twice a day from May.');
  });

  it('removes a short lead-in line ending with a colon, as <p><strong>…:</strong></p>', () => {
    const { last, removed } = lastLineAfter(`${story}\n<p><strong>More topics:</strong></p>`);
    expect(removed).toEqual(['More topics:']);
    expect(last).toBe('The ferry will run twice a day from May.');
  });

  it('keeps a heading that introduces a closing image, table or code block', () => {
    for (const media of ['<figure><img src="/map.png" alt=""></figure>', '<table><tr><td>7:10</td></tr></table>', '<pre>ferry --times</pre>']) {
      const { removed } = lastLineAfter(`${story}\n<h3>Timetable</h3>\n${media}`);
      expect(removed).toEqual([]);
    }
  });

  it('keeps a bold closing line without a colon (a sign-off looks the same) and a long line ending with a colon', () => {
    expect(lastLineAfter(`${story}\n<p><strong>Ruth Pennington</strong></p>`).removed).toEqual([]);
    expect(lastLineAfter(`${story}\n<p>These are the three changes the council voted for on Tuesday night:</p>`).removed).toEqual([]);
  });

  it('keeps headings followed by text, wherever they are', () => {
    const { removed, last } = lastLineAfter(`<h2>Timetable</h2>\n${story}\n<h2>Fares</h2>\n<p>Adults pay £4.</p>`);
    expect(removed).toEqual([]);
    expect(last).toBe('Adults pay £4.');
  });
});

describe('in the pipeline', () => {
  const doc = () => page(`<article><h1>A story</h1>${prose(6)}<h3>Tags</h3></article>`);

  it('leaves the reader text ending with the story and lists the heading among the removals', () => {
    const result = extractArticle(doc(), BASE);
    if (!result.ok) throw new Error(result.message);
    expect(result.article.text.trim().endsWith('for years to come.')).toBe(true);
    expect(result.article.removals).toContainEqual(expect.objectContaining({ rule: 'trailing-headings', text: 'Tags' }));
  });

  it('is switched off by disabledRules, like every pipeline step', () => {
    const result = extractArticle(doc(), BASE, { disabledRules: ['trailing-headings'] });
    if (!result.ok) throw new Error(result.message);
    expect(result.article.text.trim().endsWith('Tags')).toBe(true);
  });
});

describe('headings that are text', () => {
  it('keeps a closing "heading" that is a sentence (testimonials and slogans set in <h3>)', () => {
    const quote = '“Have bought too many items to mention and love them all, from the pottery to the glass.”';
    const { removed, last } = lastLineAfter(`${story}\n<h3>${quote}</h3>`);
    expect(removed).toEqual([]);
    expect(last).toBe(quote);
  });
});
