// Issue 12 item 7: while the reader is open, the page underneath is inert to the keyboard and to
// assistive technology. Read the way a screen reader reads it: Chromium's accessibility tree
// over CDP (Accessibility.getFullAXTree), which lists what assistive technology is given.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { toggleDirect } from './helpers/direct.js';
import { waitForNoOverlay } from './helpers/overlay.js';
import { pageState } from './helpers/page-state.js';
import { seedTitle } from './helpers/seed.js';
import { useChromium } from './helpers/use-chromium.js';

const chromium = useChromium('chrome-test');

interface AXNode {
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
}

/** What assistive technology is given: each node that is not ignored, as `role: name`. */
async function accessibleNodes(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Accessibility.enable');
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    return nodes.filter((n) => !n.ignored).map((n) => `${n.role?.value ?? ''}: ${(n.name?.value ?? '').trim()}`);
  } finally {
    await cdp.detach().catch(() => {});
  }
}
const headings = (nodes: string[]) => nodes.filter((n) => n.startsWith('heading: '));

const PAGE_ONLY = ['heading: Comments (3)', 'heading: Trending'];

describe('the page under the reader', () => {
  test('the accessibility tree holds only the reader while it is open, and the page again once it closes', async () => {
    const page = await chromium.openSeed();
    const before = await pageState(page);
    const pageTree = await accessibleNodes(page);
    for (const h of PAGE_ONLY) expect(pageTree).toContain(h); // the page's own headings are there to hide

    const view = await chromium.openReader(page);
    const open = await accessibleNodes(page);
    // One heading with the title (the reader's; the page has its own), none of the page's others.
    expect(headings(open)).toEqual([`heading: ${seedTitle}`]);
    for (const h of PAGE_ONLY) expect(open).not.toContain(h);
    expect(open).toContain(`dialog: ${seedTitle}`);
    expect(open).toContain('button: Close reader view');
    // The article's text is the reader's copy: the first paragraph appears once.
    const first = view.text['reader-content']!.trim().split('\n')[0]!.trim();
    expect(open.filter((n) => n === `StaticText: ${first}`)).toHaveLength(1);
    // Nothing of the page outside its article (its navigation, its comments) is offered either.
    const pageOnlyText = pageTree.filter((n) => n.startsWith('StaticText: ') && !open.includes(n) && !view.text['reader-content']!.includes(n.slice(12)));
    expect(pageOnlyText.length).toBeGreaterThan(10);
    // Inert to the keyboard as well: the page's body carries `inert` while the reader is open.
    expect(await page.evaluate(() => document.body.inert)).toBe(true);

    await page.bringToFront();
    await page.keyboard.press('Escape');
    await waitForNoOverlay(page);
    expect(await pageState(page)).toEqual(before);
    expect(headings(await accessibleNodes(page))).toEqual(headings(pageTree));
  });

  test("the page's own inert and aria-hidden values come back exactly as they were", async () => {
    const page = await chromium.openSeed();
    // A page that had already made parts of itself inert or hidden, and an element it hung on <html>.
    await page.evaluate(() => {
      document.body.setAttribute('aria-hidden', 'false');
      const side = document.createElement('aside');
      side.id = 'side';
      side.setAttribute('inert', 'page value');
      side.textContent = 'A side note the page hung on html';
      document.documentElement.append(side);
      const panel = document.createElement('div');
      panel.id = 'panel';
      panel.setAttribute('aria-hidden', 'true');
      document.documentElement.append(panel);
    });
    const before = await pageState(page);
    await chromium.openReader(page);
    expect(await page.evaluate(() => ['body', '#side', '#panel'].map((s) => document.querySelector<HTMLElement>(s)!.inert))).toEqual([true, true, true]);
    expect(await accessibleNodes(page)).not.toContain('StaticText: A side note the page hung on html');
    expect(await toggleDirect(chromium.l, page)).toMatchObject({ ok: true, value: { open: false } });
    await waitForNoOverlay(page);
    expect(await pageState(page)).toEqual(before);
    expect(await page.evaluate(() => [document.body.getAttribute('aria-hidden'), document.getElementById('side')!.getAttribute('inert'), document.getElementById('panel')!.outerHTML])).toEqual(['false', 'page value', '<div id="panel" aria-hidden="true"></div>']);
  });
});
