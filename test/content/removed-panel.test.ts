// What was removed, and getting it back (issue 12 item 4, first half): the status line's
// "N removed" button and its panel (grouped by rule in words, with counts), and "Show again",
// which reads the page again with that block left in place, so it comes back where the page has
// it; rules that cut after Readability come back by skipping the rule.
import { describe, expect, it, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import { CLEAN_RULES, extractArticle, type Removal } from '../../src/core/index';
import { buildRemovedPanel, groupRemovals, ruleLabel } from '../../src/content/removed-panel';
import { restoring } from '../../src/content/source';
import { findRestored } from '../../src/content/reveal';
import { fixturePage, readerOnPage } from './reader-on-page';

const URL_ = 'https://news.example/story';
const extract = (html: string, options = {}) => {
  const r = extractArticle(new JSDOM(html, { url: URL_ }).window.document, URL_, { useLayout: false, ...options });
  if (!r.ok) throw new Error(r.message);
  return r.article;
};

/** The reader on `slug`, with the overlay's handlers kept so a test can press what a click would. */
function readerWithHandlers(slug: string) {
  const page = readerOnPage(fixturePage(slug));
  return { ...page, on: () => page.handlers.at(-1)! };
}

describe('the core leaves spared removals in place', () => {
  it('a spared block is back in the article text, where the page has it, and no longer listed', () => {
    const html = fixturePage('calls-to-action--follow-and-print');
    const before = extract(html);
    const follow = before.removals.find((r) => r.text.startsWith('Follow The Harbour Herald'))!;
    expect(before.text).not.toContain('Follow The Harbour Herald');
    const after = extract(html, { spare: [follow] });
    expect(after.text).toContain('Follow The Harbour Herald on Instagram');
    expect(after.removals).not.toContainEqual(follow);
    // Only that one: the app prompt is still out.
    expect(after.text).not.toContain('Download our app');
    // In place: after the paragraph that comes before it on the page.
    const page = new JSDOM(html).window.document.body.textContent!.replace(/\s+/g, ' ');
    const [prev] = page.split('Follow The Harbour Herald')[0]!.trim().split('. ').slice(-1);
    const text = after.text.replace(/\s+/g, ' ');
    expect(text.indexOf(prev!)).toBeLessThan(text.indexOf('Follow The Harbour Herald'));
  });
});

describe('restoring', () => {
  it('spares clean-rule removals and skips the rules that act after Readability', () => {
    const r = (rule: string, text: string): Removal => ({ rule, selector: 'p', text });
    const next = restoring({ spare: [r('credits', 'Photo: A')], disabledRules: [], zaps: [{ selector: 'aside.promo', text: null }] }, [r('trailing-teasers', 'More'), r('newsletter', 'Sign up')]);
    expect(next).toEqual({ spare: [r('credits', 'Photo: A'), r('newsletter', 'Sign up')], disabledRules: ['trailing-teasers'], zaps: [{ selector: 'aside.promo', text: null }] });
  });
});

describe('the removed panel', () => {
  it('names every rule that removes anything in words (the two that only rewrite classes remove nothing)', () => {
    const removing = [...CLEAN_RULES.map((r) => r.name).filter((n) => n !== 'code-language' && n !== 'captions'), 'trailing-teasers', 'trailing-headings'];
    expect(removing.filter((name) => ruleLabel(name) === name)).toEqual([]);
  });

  it('groups by rule in words with counts, lists blocks with text, counts those without, and caps long lists', () => {
    const removals: Removal[] = [
      ...Array.from({ length: 3 }, (_, i) => ({ rule: 'svg-icons', selector: 'svg', text: '' })).map((r, i) => ({ ...r, selector: `svg#i${i}` })),
      ...Array.from({ length: 32 }, (_, i) => ({ rule: 'related-links', selector: 'li', text: `Teaser ${i}` })),
      { rule: 'newsletter', selector: 'div.box', text: 'Get our newsletter every Friday' },
    ];
    expect(groupRemovals(removals).map((g) => [g.rule, g.items.length])).toEqual([['svg-icons', 3], ['related-links', 32], ['newsletter', 1]]);
    const panel = buildRemovedPanel(new JSDOM('').window.document, removals, () => undefined);
    expect(panel.button.textContent).toBe('36 removed');
    // Closed, the panel holds none of the removed text (page clutter must not sit in the reader's DOM).
    expect(panel.isOpen()).toBe(false);
    expect(panel.element.textContent).not.toContain('Teaser');
    panel.toggle();
    const groups = [...panel.element.querySelectorAll('[data-testid="removed-group"]')];
    expect(groups.map((g) => g.querySelector('summary')!.textContent)).toEqual(['Icons3', 'Related links and teasers32', 'Newsletter sign-ups1']);
    expect(groups[0]!.textContent).toContain('3 without text');
    expect(groups[1]!.querySelectorAll('[data-testid="removed-item"]')).toHaveLength(30);
    expect(groups[1]!.textContent).toContain('and 2 more');
    expect(panel.isOpen()).toBe(true);
    panel.toggle();
    panel.toggle();
    expect(panel.element.querySelectorAll('[data-testid="removed-group"]')).toHaveLength(3);
  });
});

describe('finding a block that came back', () => {
  const content = new JSDOM(`<div><section><p>First paragraph of the story.</p><div class="cta"><p>Follow us <a>@here</a></p></div>
    <p>${'A long paragraph that was cut short when it was logged. '.repeat(4)}<em>end</em></p></section></div>`).window.document.querySelector('div')!;
  it('is the outermost element with exactly the logged text, or the innermost that starts with a cut-short one', () => {
    expect(findRestored(content, { rule: 'calls-to-action', selector: 'div.cta', text: 'Follow us @here' })!.className).toBe('cta');
    const long = 'A long paragraph that was cut short when it was logged. '.repeat(4).replace(/\s+/g, ' ').trim().slice(0, 120);
    expect(findRestored(content, { rule: 'related-links', selector: 'p', text: long })!.localName).toBe('p');
  });
  it('is nothing for a block without text or one the re-read did not bring back', () => {
    expect(findRestored(content, { rule: 'svg-icons', selector: 'svg', text: '' })).toBeNull();
    expect(findRestored(content, { rule: 'newsletter', selector: 'div', text: 'Sign up today' })).toBeNull();
  });
});

describe('show again in the reader', () => {
  it('shows the block again in the article, keeps the panel open, and the next save holds it', async () => {
    const { reader, on, last, deps } = readerWithHandlers('calls-to-action--follow-and-print');
    await reader.toggle(true);
    const first = last();
    const toggle = first.root.querySelector('[data-testid="reader-removed-toggle"]')!;
    const count = Number(toggle.textContent!.match(/\d+/)![0]);
    expect(first.content.textContent).not.toContain('Follow The Harbour Herald');
    const follow = first.view.removals!.find((r) => r.text.startsWith('Follow The Harbour Herald'))!;

    on().restore!([follow]);
    const again = last();
    expect(again).not.toBe(first);
    expect(again.content.textContent).toContain('Follow The Harbour Herald on Instagram');
    expect(again.root.querySelector('[data-testid="reader-removed-toggle"]')!.textContent).toBe(`${count - 1} removed`);
    expect((again.root.querySelector('[data-testid="removed-panel"]') as HTMLElement).hidden).toBe(false);
    expect(again.root.querySelector('[data-testid="reader-toast"]')!.textContent).toBe('Shown again in the article.');
    // Its group is open, and the block is marked where it came back.
    expect([...again.root.querySelectorAll<HTMLDetailsElement>('[data-testid="removed-group"]')].filter((d) => d.open).map((d) => d.dataset.rule)).toEqual([follow.rule]);
    await new Promise((r) => setTimeout(r, 50)); // the frame after layout
    expect([...again.content.querySelectorAll('.rw-restored')].map((el) => el.textContent!.replace(/\s+/g, ' ').trim())).toEqual([follow.text]);

    // A second one adds to the first; saving now saves what the reader shows.
    const app = again.view.removals!.find((r) => r.text.startsWith('Download our app'))!;
    on().restore!([app]);
    expect(last().content.textContent).toContain('Follow The Harbour Herald');
    expect(last().content.textContent).toContain('Download our app');
    reader.onKey('save');
    await new Promise((r) => setTimeout(r, 0));
    const saved = vi.mocked(deps.saveDraft).mock.calls[0]![0];
    expect(saved.text).toContain('Download our app');
    reader.onKey('close');
    // Opened again, the reader starts from the clean article.
    await reader.toggle(true);
    expect(last().content.textContent).not.toContain('Follow The Harbour Herald');
  });

  it('a trailing teaser comes back by skipping its rule', async () => {
    const { reader, on, last } = readerWithHandlers('trailing-teasers--column-series-links');
    await reader.toggle(true);
    expect(last().content.textContent).not.toContain('Sharpening chisels without a jig');
    const teaser = last().view.removals!.find((r) => r.rule === 'trailing-teasers')!;
    on().restore!([teaser]);
    expect(last().content.textContent).toContain('Sharpening chisels without a jig');
  });
});
