// Zap (issue 12 item 4, second half) in real headless Chromium: `x` (a real key) turns zap mode
// on, a real click on a box in the article removes it, and the site's next article opens
// without its box (same class, other words); the removed panel names it "Removed by you", and
// Esc ends zap mode before it closes the reader. The real popup lists it for the site and
// forgets it, and the box is back. The rule-making and keys are unit-tested in
// test/core/zap.test.ts and test/content/zap-mode.test.ts.
import { expect, test } from 'vitest';
import { screenshot } from './helpers/chromium.js';
import { overlayCall, readOverlay, waitForNoOverlay } from './helpers/overlay.js';
import { useChromium } from './helpers/use-chromium.js';

const chromium = useChromium('chrome-test', { forget: { local: ['positions', 'zaps'], sync: ['settings'] } });
const byTestId = (id: string) => `[data-testid="${id}"]`;
type Page = Parameters<typeof readOverlay>[0];
const content = async (page: Page) => (await readOverlay(page))?.text['reader-content'] ?? '';
const zapOn = (page: Page) => overlayCall<boolean>(page, byTestId('zap-bar'), 'function(){return this.checkVisibility()}');

test('"x", then a click on a box, removes it; the site\'s next article opens without its box; Esc ends zap mode, then closes the reader', async () => {
  const page = await chromium.openPage(chromium.server.e2e('zap-first.html'));
  await chromium.openReader(page);
  await page.bringToFront();
  expect(await content(page)).toContain('This week on the Herald podcast');
  await page.keyboard.press('x');
  await expect.poll(() => zapOn(page)).toBe(true);
  expect(await overlayCall<string>(page, byTestId('reader-zap'), 'function(){return this.getAttribute("aria-expanded")}')).toBe('true');

  // The pointer over the box marks it; the screenshot shows the mark.
  const box = '[data-testid="reader-content"] p:nth-of-type(3)';
  expect(await overlayCall<string>(page, box, 'function(){return this.textContent}')).toContain('This week on the Herald podcast');
  await chromium.overlay.click(page, box);
  await expect.poll(() => content(page)).not.toContain('This week on the Herald podcast');
  expect(await content(page)).toContain('A final vote is expected next month');
  expect((await readOverlay(page))?.text['reader-toast']).toBe('Removed. Reader view hides it on this site from now on; the popup lists what it hides.');
  expect(await zapOn(page)).toBe(true); // still on, for the next one
  await page.mouse.move(640, 300); // over a paragraph: marked as the next pick
  await screenshot(page, 'chrome-zap-mode');

  await page.keyboard.press('Escape');
  await expect.poll(() => zapOn(page)).toBe(false);
  expect(await readOverlay(page)).not.toBeNull();
  await page.keyboard.press('Escape');
  await waitForNoOverlay(page);

  const second = await chromium.openPage(chromium.server.e2e('zap-second.html'));
  await chromium.openReader(second);
  await second.bringToFront();
  const text = await content(second);
  expect(text).toContain('Sea wall survey published: A final vote');
  expect(text).not.toContain('Herald podcast');
  await chromium.overlay.click(second, byTestId('reader-removed-toggle'));
  const zapped = await overlayCall<string>(second, '[data-rule="zapped"] summary', 'function(){return this.innerText.replace(/\\s+/g, " ")}');
  expect(zapped).toBe('Removed by you 1');
  await screenshot(second, 'chrome-zap-next-article');
  await second.keyboard.press('Escape');
  await second.keyboard.press('Escape');
  await waitForNoOverlay(second);

  // The real popup (its toolbar button) lists what is hidden on this site, and forgets it.
  const popup = await chromium.toolbar.open(second);
  try {
    expect(await popup.text('popup-zaps')).toContain('This week on the Herald podcast: the harbour, in forty minutes.');
    await popup.screenshot('popup-zaps');
    await popup.click('popup-zaps-forget-all');
    expect(await popup.text('popup-message')).toBe('Readwell will no longer hide anything on this site.');
  } finally {
    await popup.release();
  }
  await chromium.openReader(second);
  await expect.poll(() => content(second)).toContain('Next week on the Herald podcast');
});
