// Which content the reader gets when Readability and the prose candidate disagree
// (choose/choose-content.ts), on elements shaped like the pages that taught each rule.
import { describe, expect, it } from 'vitest';
import { chooseContent, proseWeight } from '../../src/core/choose/choose-content';
import { proseCandidate } from '../../src/core/choose/prose-candidate';
import { page, prose } from './page';

const para = (topic: string, n: number) => prose(n, topic);
const menu = (n: number) =>
  `<ul class="menu">${Array.from({ length: n }, (_, i) => `<li><a href="/s/${i}">Service ${i}</a><a href="/s/${i}/a">Plans</a><a href="/s/${i}/b">Pricing</a><a href="/s/${i}/c">Contact</a> Tailored help</li>`).join('')}</ul>`;

function pick(html: string): Element {
  const el = page(html).body.firstElementChild!;
  return el;
}

describe('chooseContent', () => {
  it('keeps Readability when the candidate is the whole <body>: prose spread over a page is not an article', () => {
    const doc = page(`<section>${para('our services', 3)}</section><section>${para('our team', 3)}</section><section>${para('our clients', 3)}</section>`);
    const readability = pick(`<div>${para('our services', 3)}</div>`);
    const chosen = chooseContent(readability, { el: doc.body, prose: proseWeight(doc.body), pageProse: proseWeight(doc.body), linkShare: 0 }, () => false);
    expect(chosen?.source).toBe('readability');
  });

  it('keeps Readability when the candidate is mostly links: the page frame with its menus', () => {
    const doc = page(`<div id="frame">${menu(80)}${para('the service', 8)}</div><footer>${para('the company', 1)}</footer>`);
    const candidate = proseCandidate(doc.body)!;
    expect(candidate.el.id).toBe('frame');
    expect(candidate.linkShare).toBeGreaterThan(0.4);
    const readability = pick(`<div>${para('the service', 2)}</div>`);
    expect(chooseContent(readability, { ...candidate, prose: 20000 }, () => false)?.source).toBe('readability');
    expect(chooseContent(readability, { ...candidate, prose: 20000, linkShare: 0.1 }, () => false)?.source).toBe('prose-candidate');
  });

  it('takes a much larger block of prose over a short pick', () => {
    const doc = page(`<div id="story">${para('the harbour', 14)}</div>`);
    const story = doc.getElementById('story')!;
    const readability = pick(`<div>${para('a teaser', 1)}</div>`);
    const chosen = chooseContent(readability, { el: story, prose: proseWeight(story), pageProse: proseWeight(story), linkShare: 0 }, () => false);
    expect(chosen?.source).toBe('prose-candidate');
  });

  it('keeps Readability when the larger block is a side box: a sidebar widget holding a whole programme', () => {
    for (const box of ['<aside class="widget">', '<div role="complementary">']) {
      const doc = page(`<div id="content">${para('the demonstration', 2)}</div><div id="sidebar">${box}<div id="programme">${para('the party programme', 14)}</div>${box.startsWith('<aside') ? '</aside>' : '</div>'}</div>`);
      const programme = doc.getElementById('programme')!;
      const readability = pick(`<div>${para('the demonstration', 2)}</div>`);
      const chosen = chooseContent(readability, { el: programme, prose: proseWeight(programme), pageProse: proseWeight(doc.body), linkShare: 0 }, () => false);
      expect(chosen?.source).toBe('readability');
      // Where Readability found nothing, the box is still better than no article.
      expect(chooseContent(null, { el: programme, prose: proseWeight(programme), pageProse: proseWeight(doc.body), linkShare: 0 }, () => false)?.source).toBe('prose-candidate');
    }
  });
});
