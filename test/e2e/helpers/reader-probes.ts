// What the reader tests written for both browsers (test/e2e/suites/) read of the open reader
// through a harness: the text size, the colours, and the seed article opened in front.
import type { BrowserHarness } from './browser-harness.js';
import { byTestId } from './popup.js';
import type { AnyPage } from './tab.js';

export function readerProbes<P extends AnyPage>(h: BrowserHarness<P>) {
  const contentStyle = (page: P, props: string[]) => h.overlay.style(page, byTestId('reader-content'), props);
  return {
    contentStyle,
    /** The article text's size in px. */
    fontSize: async (page: P) => parseFloat((await contentStyle(page, ['font-size']))['font-size']!),
    /** `<dialog background> / <text colour>`: what a theme changes. */
    colours: async (page: P) => {
      const dialog = await h.overlay.style(page, byTestId('reader-dialog'), ['background-color']);
      return `${dialog['background-color']} / ${(await contentStyle(page, ['color'])).color}`;
    },
    /** The seed article in reader view, its tab in front for real keys. */
    async openSeedReader(): Promise<P> {
      const page = await h.openSeed();
      await h.openReader(page);
      await page.bringToFront();
      return page;
    },
  };
}
