// A labelled run of links that ends the chosen content (choose/trailing-teasers.ts): a label in
// any language followed by nothing but headline links goes; links without a label, lines that
// say more than their link, and runs that would take much of the article stay.
import { describe, expect, it } from 'vitest';
import { dropTrailingTeasers } from '../../src/core/choose/trailing-teasers';
import { extractArticle } from '../../src/core/index';
import { BASE, page, prose } from './page';

function after(html: string): { last: string; removed: string[] } {
  const content = page(`<div id="content">${html}</div>`).getElementById('content')!;
  const removed = dropTrailingTeasers(content).map((r) => r.text);
  const lines = (content.textContent ?? '').split('\n').map((s) => s.trim()).filter(Boolean);
  return { last: lines[lines.length - 1] ?? '', removed };
}

const story = `<p>${'The ferry will run twice a day from May, the council said on Tuesday. '.repeat(6)}</p>`;
const links = (n: number, tag = 'p') => Array.from({ length: n }, (_, i) => `<${tag}><a href="/story-${i}">Another headline about the harbour, number ${i + 1}</a></${tag}>`).join('\n');

describe('dropTrailingTeasers', () => {
  it('removes a heading and the headline links after it, in a language the label list does not know', () => {
    const { last, removed } = after(`${story}\n<h3>Weitere Beiträge aus der Kolumne</h3>\n${links(3)}`);
    expect(removed).toEqual(['Another headline about the harbour, number 3', 'Another headline about the harbour, number 2', 'Another headline about the harbour, number 1', 'Weitere Beiträge aus der Kolumne']);
    expect(last).toMatch(/council said on Tuesday\.$/);
  });

  it('takes a bold label ending with a colon inside the block that holds the links, and a list of dated links', () => {
    const items = '<ul><li>2019-01-14: <a href="/a">Launch of the dictionary centre in Berlin</a></li><li>2018-01-06: <a href="/b">A long evening of language on five floors</a></li></ul>';
    const { last, removed } = after(`${story}\n<div><strong>Mehr lesen:</strong>${items}</div>`);
    expect(removed).toHaveLength(3);
    expect(removed[2]).toBe('Mehr lesen:');
    expect(last).toMatch(/council said on Tuesday\.$/);
  });

  it('keeps links that no label introduces: an article may end with its sources', () => {
    expect(after(`${story}\n${links(3)}`).removed).toEqual([]);
  });

  it('keeps a run whose last line says more than its link', () => {
    const described = '<p><a href="/x">Another headline</a> is where the council first set out the timetable it later dropped.</p>';
    expect(after(`${story}\n<h3>Background</h3>\n${links(2)}\n${described}`).removed).toEqual([]);
  });

  it('keeps a labelled run when an image outside the links closes the article, and a run too long for a teaser block', () => {
    expect(after(`${story}\n<h3>Elsewhere</h3>\n${links(2)}\n<figure><img src="/map.png" alt="map"></figure>`).removed).toEqual([]);
    expect(after(`${story}\n<h3>Sources</h3>\n${links(13, 'li')}`).removed).toEqual([]);
  });

  it('keeps a labelled run that is a third or more of the content: a short page of links is its content', () => {
    expect(after(`<p>The ferry runs twice a day.</p>\n<h3>Timetables</h3>\n${links(3)}`).removed).toEqual([]);
  });

  it('keeps a label that is a sentence, not a heading', () => {
    expect(after(`${story}\n<p>These are the three stories the harbour master told us about on the day we visited.</p>\n${links(3)}`).removed).toEqual([]);
  });
});

describe('in the pipeline', () => {
  const doc = () => page(`<article><h1>A story</h1>${prose(6)}<h4>Aus der Reihe</h4>${links(3)}</article>`);

  it('leaves the reader text ending with the story and lists what went among the removals', () => {
    const result = extractArticle(doc(), BASE);
    if (!result.ok) throw new Error(result.message);
    expect(result.article.text).not.toMatch(/Aus der Reihe|Another headline/);
    expect(result.article.removals).toContainEqual(expect.objectContaining({ rule: 'trailing-teasers', text: 'Aus der Reihe' }));
  });

  it('keeps them when the step is disabled', () => {
    const result = extractArticle(doc(), BASE, { disabledRules: ['trailing-teasers'] });
    if (!result.ok) throw new Error(result.message);
    expect(result.article.text).toMatch(/Aus der Reihe[\s\S]*Another headline about the harbour, number 3/);
  });
});
