// What was removed, and getting it back (issue 12 item 4, first half) in real headless Chromium:
// the status line's "N removed" button (a real click) opens the panel grouped by rule, a group
// opens, its "Show again" brings that block back into the article where the page has it (in
// view, marked for a moment), the panel stays open on the new count, and Esc closes the panel
// before the reader. Grouping, caps and the re-read are unit-tested in
// test/content/removed-panel.test.ts.
import { expect, test } from 'vitest';
import { screenshot } from './helpers/chromium.js';
import { overlayCall, readOverlay, waitForNoOverlay } from './helpers/overlay.js';
import { useChromium } from './helpers/use-chromium.js';

const chromium = useChromium('chrome-test', { forget: { local: ['positions'], sync: ['settings'] } });
const byTestId = (id: string) => `[data-testid="${id}"]`;
const content = async (page: Parameters<typeof readOverlay>[0]) => (await readOverlay(page))?.text['reader-content'] ?? '';
const removedCount = async (page: Parameters<typeof readOverlay>[0]) => Number((await readOverlay(page))?.text['reader-removed-toggle']?.match(/\d+/)?.[0]);

test('"N removed" lists what the rules took out by rule; "Show again" puts a block back in the article; Esc closes the panel, then the reader', async () => {
  const page = await chromium.openPage(chromium.server.fixture('calls-to-action--follow-and-print'));
  await chromium.openReader(page);
  await page.bringToFront();
  const panelOpen = () => overlayCall<boolean>(page, byTestId('removed-panel'), 'function(){return this.checkVisibility()}');
  const count = await removedCount(page);
  expect(count).toBeGreaterThan(1);
  expect(await content(page)).not.toContain('Follow The Harbour Herald');
  expect(await panelOpen()).toBe(false);

  await chromium.overlay.click(page, byTestId('reader-removed-toggle'));
  await expect.poll(panelOpen).toBe(true);
  const groups = await overlayCall<string[]>(page, byTestId('removed-panel'), "function(){return [...this.querySelectorAll('summary')].map((s) => s.innerText.replace(/\\s+/g, ' '))}");
  expect(groups.length).toBeGreaterThan(0);
  // Each group in words with its count, and the counts add up to the button's.
  expect(groups.every((g) => /^[A-Z][^\d]+ \d+$/.test(g))).toBe(true);
  expect(groups.reduce((n, g) => n + Number(g.match(/\d+$/)![0]), 0)).toBe(count);

  // Open the calls-to-action group (a real click on its summary) and show its "Follow" prompt again.
  const group = '[data-rule="calls-to-action"]';
  await chromium.overlay.click(page, `${group} summary`);
  const items = await overlayCall<string[]>(page, group, "function(){return [...this.querySelectorAll('.removed-text')].map((s) => s.textContent)}");
  const index = items.findIndex((t) => t.startsWith('Follow The Harbour Herald'));
  expect(index).toBeGreaterThanOrEqual(0);
  await screenshot(page, 'chrome-removed-panel');
  await chromium.overlay.click(page, `${group} li:nth-child(${index + 1}) ${byTestId('removed-show')}`);
  await expect.poll(() => content(page)).toContain('Follow The Harbour Herald');
  expect(await removedCount(page)).toBe(count - 1);
  expect(await panelOpen()).toBe(true);
  expect((await readOverlay(page))?.text['reader-toast']).toBe('Shown again in the article.');
  // It is where the reader looks: inside the scroller's visible part, not off screen.
  const inView = await overlayCall<boolean>(page, byTestId('reader-scroller'), `function(){
    const block = [...this.querySelectorAll('p, div')].find((el) => el.textContent.trim().startsWith('Follow The Harbour Herald'));
    const r = block.getBoundingClientRect(), v = this.getBoundingClientRect();
    return r.top >= v.top && r.bottom <= v.bottom;
  }`);
  expect(inView).toBe(true);
  await screenshot(page, 'chrome-removed-shown-again');

  await page.keyboard.press('Escape');
  await expect.poll(panelOpen).toBe(false);
  expect(await readOverlay(page)).not.toBeNull();
  await page.keyboard.press('Escape');
  await waitForNoOverlay(page);
});
