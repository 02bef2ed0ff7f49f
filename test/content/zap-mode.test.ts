// @vitest-environment jsdom
// Zap in the reader (issue 12 item 4, second half): a block picked in the reader goes, the page
// is read again without it (so Save and Copy leave it out), and it is remembered for the site,
// so the site's next article opens without that box; a block that holds the article is kept and
// nothing is stored. The keys of zap mode are tested on the mode itself (jsdom events are untrusted).
import { describe, expect, it, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import { createZapStore } from '../../src/platform/zap-store';
import { buildZapMode } from '../../src/content/zap-mode';
import { ruleLabel } from '../../src/content/removed-panel';
import { PAGE_URL, readerOnPage } from './reader-on-page';

const para = (topic: string, i: number) => `<p>${topic} paragraph ${i}: the council met on Tuesday to hear residents, and the plan was changed twice before the vote, which passed by a narrow margin after a long debate about the cost of the works.</p>`;
const article = (topic: string, box: string) => `<!doctype html><html><head><title>${topic} | The Daily</title></head><body>
  <main><article class="story"><h1>${topic}</h1>${para(topic, 1)}${para(topic, 2)}${box}${para(topic, 3)}${para(topic, 4)}${para(topic, 5)}</article></main></body></html>`;
const box = (words: string) => `<div class="episode-box css-1k2j3h"><p>${words}</p></div>`;

function memoryArea() {
  const data: Record<string, unknown> = {};
  return { data, get: async (key: string) => (key in data ? { [key]: structuredClone(data[key]) } : {}), set: async (items: Record<string, unknown>) => void Object.assign(data, structuredClone(items)) };
}

function site() {
  const area = memoryArea();
  const zaps = createZapStore(area);
  const open = (html: string) => {
    const page = readerOnPage(html, { zaps });
    return { ...page, on: () => page.handlers.at(-1)!, text: () => page.last().content.textContent!.replace(/\s+/g, ' ') };
  };
  return { area, zaps, open };
}

const blockWith = (content: HTMLElement, words: string) => [...content.querySelectorAll('p')].find((p) => p.textContent!.includes(words))!;

describe('zapping a block', () => {
  it('takes it out of the reader, remembers it for the site, and the site\'s next article opens without that box', async () => {
    const { zaps, open } = site();
    const first = open(article('Bridges', box('This week on the podcast: the harbour, in forty minutes.')));
    await first.reader.toggle(true);
    expect(first.text()).toContain('This week on the podcast');
    first.on().zap!(blockWith(first.last().content, 'This week on the podcast'));
    await vi.waitFor(async () => expect(await zaps.load(PAGE_URL)).toHaveLength(1));
    expect(first.text()).not.toContain('This week on the podcast');
    expect(first.text()).toContain('Bridges paragraph 3');
    const [stored] = await zaps.load(PAGE_URL);
    expect(stored).toMatchObject({ selector: 'div.episode-box', label: 'This week on the podcast: the harbour, in forty minutes.' });
    expect(first.last().root.querySelector('[data-testid="reader-toast"]')!.textContent).toBe('Removed. Reader view hides it on this site from now on; the popup lists what it hides.');
    // Still in zap mode, to take the next one; and the removed panel lists it as the user's.
    expect((first.last().root.querySelector('[data-testid="zap-bar"]') as HTMLElement).hidden).toBe(false);
    // (The panel builds its groups from these when opened: test/content/removed-panel.test.ts.)
    expect(first.last().view.removals!.filter((r) => r.rule === 'zapped').map((r) => r.text)).toEqual(['This week on the podcast: the harbour, in forty minutes.']);
    expect(ruleLabel('zapped')).toBe('Removed by you');

    // Save takes the article as shown.
    first.reader.onKey('save');
    await vi.waitFor(() => expect(first.deps.saveDraft).toHaveBeenCalled());
    expect(vi.mocked(first.deps.saveDraft).mock.calls[0]![0].text).not.toContain('podcast');

    // Another article of the site: the same box, other words, gone at once; copy with the reader closed too.
    const next = open(article('Tunnels', box('Next week on the podcast: tunnels under the river.')));
    await next.reader.copy('text');
    expect(vi.mocked(next.deps.writeClipboard).mock.calls[0]![0].plain).not.toContain('Next week on the podcast');
    await next.reader.toggle(true);
    expect(next.text()).not.toContain('Next week on the podcast');
    expect(next.text()).toContain('Tunnels paragraph 3');
  });

  it('keeps a block that holds the article, says so, and stores nothing', async () => {
    const { zaps, open } = site();
    const page = open(article('Bridges', ''));
    await page.reader.toggle(true);
    const whole = page.last().content.firstElementChild!;
    page.on().zap!(whole);
    await vi.waitFor(() => expect(page.last().root.querySelector('[data-testid="reader-toast"]')!.textContent).toBe('Readwell keeps this block: it holds the article.'));
    expect(page.text()).toContain('Bridges paragraph 5');
    expect(await zaps.load(PAGE_URL)).toEqual([]);
  });

  it('with storage failing, the block still goes for this reading and the reader says it was not remembered', async () => {
    const { zaps, open } = site();
    vi.spyOn(zaps, 'add').mockRejectedValue(new Error('QuotaExceededError'));
    const page = open(article('Bridges', box('This week on the podcast: the harbour.')));
    await page.reader.toggle(true);
    page.on().zap!(blockWith(page.last().content, 'This week on the podcast'));
    await vi.waitFor(() => expect(page.last().root.querySelector('[data-testid="reader-toast"]')!.textContent).toBe('Removed here, but it could not be remembered for this site.'));
    expect(page.text()).not.toContain('This week on the podcast');
  });
});

describe('zap mode keys', () => {
  const setup = () => {
    const doc = new JSDOM('<div class="content"><h2>Title</h2><p>One.</p><ul><li>Item A</li><li>Item B</li></ul><p>Two.</p></div>').window.document;
    const content = doc.querySelector<HTMLElement>('.content')!;
    const zapped: Element[] = [];
    const changed = vi.fn();
    const mode = buildZapMode(doc, content, content, (el) => zapped.push(el), changed);
    const picked = () => content.querySelector('.rw-zap-target')?.textContent ?? null;
    return { mode, content, zapped, changed, picked, status: () => mode.element.querySelector('[data-testid="zap-status"]')!.textContent };
  };

  it('↓ ↑ step through the blocks, ← takes the one around, → goes back in, Enter removes, Esc ends', () => {
    const { mode, zapped, changed, picked, status } = setup();
    expect(mode.key('ArrowDown')).toBe(false); // off: the reader's keys
    mode.toggle();
    expect(changed).toHaveBeenLastCalledWith(true);
    expect(mode.element.hidden).toBe(false);
    expect(picked()).toBe('Title');
    mode.key('ArrowDown');
    mode.key('j');
    expect(picked()).toBe('Item A');
    expect(status()).toBe('Picked: Item A');
    mode.key('ArrowLeft');
    expect(picked()).toBe('Item AItem B');
    mode.key('ArrowRight');
    expect(picked()).toBe('Item A');
    mode.key('ArrowLeft');
    expect(mode.key('Enter')).toBe(true);
    expect(zapped.map((el) => el.localName)).toEqual(['ul']);
    expect(mode.key(' ')).toBe(false); // Space still scrolls
    mode.key('Escape');
    expect(mode.isOn()).toBe(false);
    expect(picked()).toBeNull();
    expect(changed).toHaveBeenLastCalledWith(false);
  });
});
