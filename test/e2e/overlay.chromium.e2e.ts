// The reader overlay itself in real headless Chromium (content script injected the way the
// background injects it), on the seed reconstruction and a few other pages: the checks of
// suites/reader-overlay.ts (what it shows, how it closes, what a page cannot do, its toolbar) and
// suites/reader-keys.ts (its keys, keyboard scrolling, the key list), which Firefox runs too; and
// what only Chromium can emulate here, prefers-reduced-motion. The toolbar-button and popup paths
// that open it are in reader.chromium.e2e.ts.
import { describe, expect, test } from 'vitest';
import { overlayStyle } from './helpers/overlay.js';
import { byTestId } from './helpers/popup.js';
import { useChromium } from './helpers/use-chromium.js';
import { readerKeysTests } from './suites/reader-keys.js';
import { readerOverlayTests } from './suites/reader-overlay.js';

// The reader resumes where an article was left (per address): each test opens it from the top.
const chromium = useChromium('chrome-test', { clipboard: true, forget: { local: ['positions'] } });

readerOverlayTests(chromium);
readerKeysTests(chromium);

describe('motion', () => {
  test('scrolls smoothly, and instantly under prefers-reduced-motion', async () => {
    const page = await chromium.openSeed();
    await chromium.openReader(page);
    const scroller = byTestId('reader-scroller');
    expect((await overlayStyle(page, scroller, ['scroll-behavior']))['scroll-behavior']).toBe('smooth');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect((await overlayStyle(page, scroller, ['scroll-behavior']))['scroll-behavior']).toBe('auto');
  });
});
