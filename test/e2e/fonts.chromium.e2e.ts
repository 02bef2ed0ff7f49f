// Issue 12 item 8, type: the reader draws "Serif" with the Literata it ships and "Legible" with
// Atkinson Hyperlegible, in real headless Chromium (whose Linux has neither), at a measure of
// about 60–66 characters a line; the faces sit in the page's font set only while the reader is
// open, and an article in Russian gets the Cyrillic part. "Drawn with" is what Chromium reports
// it rendered the text in (CSS.getPlatformFontsForNode), not what the CSS asks for.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './helpers/chromium.js';
import { overlayCall, overlayFonts, waitForNoOverlay } from './helpers/overlay.js';
import { useChromium } from './helpers/use-chromium.js';

const chromium = useChromium('chrome-test', { forget: { sync: ['settings'] } });
declare const chrome: { storage: { sync: { set(items: object): Promise<void> } } };

const PARAGRAPH = '[data-testid="reader-content"] p';
const drawnWith = async (page: Page) => (await overlayFonts(page, PARAGRAPH))[0]?.familyName ?? '';
/** The faces of Readwell's fonts in the page's font set, as the page itself would list them. */
const pageFaces = (page: Page) => page.evaluate(() => [...document.fonts].filter((f) => f.family.includes('Readwell')).map((f) => `${f.family.replace(/"/g, '')} ${f.style} ${f.status}`).sort());

/** Characters a full line holds, over the article's paragraphs of five lines or more. */
const charsPerLine = (page: Page) => overlayCall<number>(page, '[data-testid="reader-content"]', `function(){
  const counts = [];
  for (const p of this.querySelectorAll('p')) {
    const lines = Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight));
    // All lines but the last are full.
    if (lines >= 5) counts.push((p.textContent.replace(/\\s+/g, ' ').trim().length - 0.5 * (p.textContent.length / lines)) / (lines - 0.5));
  }
  counts.sort((a, b) => a - b);
  return counts[Math.floor(counts.length / 2)] ?? 0;
}`);

describe('the reading fonts', () => {
  test('Serif is drawn in the shipped Literata at about 60–66 characters a line, Legible in Atkinson Hyperlegible; the faces leave with the reader', async () => {
    const page = await chromium.openSeed();
    const view = await chromium.openReader(page);
    // Each slider shows its value.
    expect([view.text['setting-line-height-value'], view.text['setting-width-value'], view.text['setting-letter-spacing-value']]).toEqual(['1.6', '68', '0.00']);
    await expect.poll(() => drawnWith(page), { timeout: 5_000 }).toMatch(/^Literata/);
    // The seed article is English: the Latin part only, upright and italic, loaded.
    expect(await pageFaces(page)).toEqual(['Readwell Literata italic loaded', 'Readwell Literata normal loaded']);
    const perLine = await charsPerLine(page);
    expect(perLine).toBeGreaterThanOrEqual(58);
    expect(perLine).toBeLessThanOrEqual(68);
    await screenshot(page, 'chrome-font-literata');

    await chromium.l.sw.evaluate(() => chrome.storage.sync.set({ settings: { font: 'legible' } }));
    await expect.poll(() => drawnWith(page), { timeout: 5_000 }).toMatch(/^Atkinson Hyperlegible/);
    await screenshot(page, 'chrome-font-legible');

    await page.keyboard.press('Escape');
    await waitForNoOverlay(page);
    expect(await pageFaces(page)).toEqual([]);
    await page.close();
  });

  test('an article in Russian loads the Cyrillic part, is drawn in Literata, and says its reading time in Russian', async () => {
    const page = await chromium.openPage(chromium.server.e2e('fonts-russian.html'));
    const view = await chromium.openReader(page);
    // The reading time in the article's language, as its date would be.
    expect(view.text['reader-meta']).toMatch(/^1 минута$/);
    await expect.poll(() => drawnWith(page), { timeout: 5_000 }).toMatch(/^Literata/);
    const faces = await pageFaces(page);
    // Two subsets (Latin for digits and punctuation, Cyrillic), both styles each.
    expect(faces).toHaveLength(4);
    expect(faces.every((f) => f.endsWith('loaded'))).toBe(true);
    await screenshot(page, 'chrome-font-russian');
    await page.close();
  });
});
