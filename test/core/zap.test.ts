// Zap in the core (core/zap.ts): the rule made from a block the user picked finds the same box
// on the site's other articles, by the page's stable class names, or by its words where the
// names are generated; it never grows into the article, and a stored rule that cannot parse or
// that names the article itself takes nothing the reader needs.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { extractArticle, findByText, findContaining, zapRuleFor, type ZapRule } from '../../src/core/index';

const para = (topic: string, i: number) => `<p>${topic} paragraph ${i}: the council met on Tuesday to hear residents, and the plan was changed twice before the vote, which passed by a narrow margin after a long debate about the cost of the works.</p>`;
/** An article of the site's template: `box` sits between its paragraphs. */
const article = (topic: string, box: string) => `<!doctype html><html><head><title>${topic} | The Daily</title></head><body>
  <main><article class="story"><h1>${topic}</h1>${para(topic, 1)}${para(topic, 2)}${box}${para(topic, 3)}${para(topic, 4)}${para(topic, 5)}</article></main></body></html>`;
const doc = (html: string) => new JSDOM(html, { url: 'https://daily.example/a' }).window.document;
const textOf = (html: string, zaps: ZapRule[] = []) => {
  const r = extractArticle(doc(html), 'https://daily.example/a', { useLayout: false, zaps });
  if (!r.ok) throw new Error(r.message);
  return r.article;
};

const promo = (words: string) => `<div class="episode-box css-1k2j3h"><p>${words}</p></div>`;

describe('the rule made from a picked block', () => {
  it('names it by its stable class, skipping generated ones, and keeps its words', () => {
    const d = doc(article('Bridges', promo('This week on the podcast: the harbour, in forty minutes.')));
    const rule = zapRuleFor(d, d.querySelector('.episode-box')!);
    expect(rule).toEqual({ selector: 'div.episode-box', text: 'This week on the podcast: the harbour, in forty minutes.' });
  });
  it('goes up to the nearest named box for an unnamed block, with the tags down to it', () => {
    const d = doc(article('Bridges', '<div class="aside-box"><div><p>Listen to the podcast.</p></div></div>'));
    expect(zapRuleFor(d, d.querySelector('.aside-box p')!)!.selector).toBe('div.aside-box > div > p');
  });
  it('has no selector where the only names are generated or the selector would take more than the block', () => {
    const generated = doc(article('Bridges', '<div class="sc-bdVaJa Xy3kq9"><p>Listen to the podcast.</p></div>'));
    expect(zapRuleFor(generated, generated.querySelector('.Xy3kq9')!)).toEqual({ selector: null, text: 'Listen to the podcast.' });
    // The block's own name is also the article's: the selector would take the story.
    const nested = doc(article('Bridges', '<div class="box"><p>Listen.</p></div>').replace('<article class="story">', '<div class="box">').replace('</article>', '</div>'));
    expect(zapRuleFor(nested, nested.querySelector('div.box div.box')!)!.selector).toBeNull();
  });
});

describe('applying zaps to the site\'s other articles', () => {
  const rule = (() => {
    const d = doc(article('Bridges', promo('This week on the podcast: the harbour, in forty minutes.')));
    return zapRuleFor(d, d.querySelector('.episode-box')!)!;
  })();

  it('a selector takes the same box with other words on another article, listed as removed by the user', () => {
    const other = article('Tunnels', promo('Next week on the podcast: tunnels under the river.'));
    expect(textOf(other).text).toContain('Next week on the podcast');
    const a = textOf(other, [rule]);
    expect(a.text).not.toContain('Next week on the podcast');
    expect(a.text).toContain('Tunnels paragraph 3');
    expect(a.removals).toContainEqual(expect.objectContaining({ rule: 'zapped', text: 'Next week on the podcast: tunnels under the river.' }));
  });

  it('a text rule takes the same words wherever they stand', () => {
    const other = article('Tunnels', '<div class="jsx-4411"><p>Support local journalism: it costs less than a coffee.</p></div>');
    const a = textOf(other, [{ selector: null, text: 'Support local journalism: it costs less than a coffee.' }]);
    expect(a.text).not.toContain('Support local journalism');
    expect(a.text).toContain('Tunnels paragraph 5');
  });

  it('a rule naming the article itself, or one that does not parse, leaves the article whole', () => {
    const page = article('Tunnels', '');
    const whole = textOf(page).text;
    expect(textOf(page, [{ selector: 'article.story', text: null }, { selector: 'main', text: null }]).text).toBe(whole);
    expect(textOf(page, [{ selector: 'p:has(', text: null }, { selector: '<img onerror=1>', text: null }]).text).toBe(whole);
  });
});

describe('findByText', () => {
  it('finds the outermost element with exactly the text, or the innermost starting with a cut one', () => {
    const d = doc('<body><div id="a"><p id="b">Short words.</p></div><p id="c">' + 'long '.repeat(100) + '</p></body>');
    expect(findByText(d.body, 'Short words.')!.id).toBe('a');
    expect(findByText(d.body, 'long '.repeat(100).trim().slice(0, 300))!.id).toBe('c');
    expect(findByText(d.body, 'Nowhere')).toBeNull();
  });
});

describe('findContaining', () => {
  it('finds the innermost element holding the block\'s first and last words at about its length, where the reader\'s copy lost some of it', () => {
    const words = 'This week on the podcast: the harbour, in forty minutes, with the people who run it.';
    const d = doc(`<body><section id="s"><div id="box"><span class="icon">▶</span><p id="p">${words} <small>(Photo: A. Credit)</small></p></div><p>${'other words '.repeat(30)}</p></section></body>`);
    // The reader showed the paragraph without its credit: the page's paragraph is found, not the box or the section.
    expect(findContaining(d.body, words)!.id).toBe('p');
    expect(findContaining(d.body, `${words} and much more that the page never had, to make it far longer than any block there`)).toBeNull();
  });
});
