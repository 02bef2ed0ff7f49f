// UI redress (issue 5) in real headless Chromium: the checks of suites/hostile-redress.ts (pages
// that restyle, cover, clobber or re-prototype what an overlay would use, and pages that swallow
// keys and clicks), with what Chromium's isolated world sees of a clobbering page.
import { expect } from 'vitest';
import { tabIdOf } from './helpers/chromium.js';
import { useChromium } from './helpers/use-chromium.js';
import { hostileRedressTests } from './suites/hostile-redress.js';

declare const chrome: { scripting: { executeScript(o: object): Promise<{ result?: unknown }[]> } };

const chromium = useChromium('chrome-test');

hostileRedressTests(chromium, {
  // Named access reaches the content script's world: there the page's elements answer to
  // `chrome` and to the string name Readwell used to mark itself (both broke injection).
  async expectClobbering(page) {
    const tabId = await tabIdOf(chromium.l, page);
    const seen = await chromium.l.sw.evaluate(async (id) => {
      const [r] = await chrome.scripting.executeScript({ target: { tabId: id }, world: 'ISOLATED', func: () => {
        const g = globalThis as unknown as Record<string, unknown>;
        return [String(g.__readwellContent), String(g.chrome), String((g.chrome as { runtime?: unknown }).runtime)];
      } });
      return r?.result;
    }, tabId);
    expect(seen).toEqual(['[object HTMLCollection]', '[object HTMLFormElement]', '[object HTMLInputElement]']);
  },
});
