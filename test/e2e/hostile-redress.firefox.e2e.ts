// UI redress (issue 5) in Firefox ESR: the checks of suites/hostile-redress.ts. Firefox differs
// from Chromium here in the top layer and popover, and in what a content script sees of the page:
// Xray wrappers hide the page's named elements and replaced prototypes from Readwell's world.
import { expect } from 'vitest';
import { inExtension } from './helpers/firefox.js';
import { inPage } from './helpers/tab.js';
import { useFirefox } from './helpers/use-firefox.js';
import { hostileRedressTests } from './suites/hostile-redress.js';

const firefox = useFirefox('test');

hostileRedressTests(firefox, {
  async expectClobbering(page) {
    // The page really clobbers: in its own world those names are its elements...
    // (Firefox names the first of several same-named elements where Chromium gives a collection.)
    expect(await inPage(page, () => {
      const g = window as unknown as Record<string, unknown>;
      return [String(g.__readwellContent), String(g.chrome), String((g.chrome as { runtime?: unknown }).runtime)];
    })).toEqual([expect.stringMatching(/^\[object HTML\w*(Element|Collection)\]$/), '[object HTMLFormElement]', '[object HTMLInputElement]']);
    // ...but Firefox shows a content script the page through Xray wrappers: no named elements,
    // and `chrome` is the extension API (in Chromium the same names reach the isolated world).
    const seen = await inExtension(firefox.ff, async (tabId: number) => {
      const b = (globalThis as unknown as { browser: { scripting: { executeScript(o: object): Promise<{ result?: unknown }[]> } } }).browser;
      const [r] = await b.scripting.executeScript({ target: { tabId }, func: () => {
        const g = globalThis as unknown as Record<string, unknown>;
        return [typeof g.__readwellContent, typeof (g.chrome as { runtime?: { sendMessage?: unknown } }).runtime?.sendMessage];
      } });
      return r?.result;
    }, await firefox.ff.tabIdOf(page));
    expect(seen).toEqual(['undefined', 'function']);
  },
});
