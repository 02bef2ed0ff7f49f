// Highlights and notes in the offline reader (issue 11, item 4), written once and run in both
// browsers (highlights.chromium.e2e.ts, highlights.firefox.e2e.ts): save an article, open it
// offline, drag the mouse over a sentence, pick a colour in the bar that appears, click the
// highlight and write a note; reload: the highlight and its note are still there. The library
// lists it under the article and a search finds the article by a word of the note.
import { expect, test } from 'vitest';
import type { BrowserHarness } from '../helpers/browser-harness.js';
import { byTestId, clickPopup } from '../helpers/popup.js';
import { clickLocated, fill, inPage, navigate, textOf, textsOf, waitForLocation, type AnyPage } from '../helpers/tab.js';
import { until } from '../helpers/wait.js';
import { inItem, showsTitles } from './library.js';

const SLUG = 'icon-fonts--font-awesome-blog';
const TITLE = 'What three winters of composting taught me about soil';
const WORDS = 'A pile needs to be roughly a cubic metre before it holds enough heat to cook';

/** Where the words are on screen: the first character's left edge and the last one's right edge, mid-line. */
function wordEnds(page: AnyPage, words: string): Promise<{ x1: number; y1: number; x2: number; y2: number }> {
  return inPage(page, (w) => {
    const content = document.querySelector('[data-testid="reader-page-content"]')!;
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.nodeValue!.indexOf(w);
      if (at < 0) continue;
      // Instantly: the coordinates are read right after, and a smooth scroll would still be moving.
      (node.parentElement as HTMLElement).scrollIntoView({ block: 'center', behavior: 'instant' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const first = range.getBoundingClientRect();
      range.setStart(node, at + w.length - 1);
      range.setEnd(node, at + w.length);
      const last = range.getBoundingClientRect();
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    throw new Error(`no "${w}" in the article`);
  }, words);
}

export function highlightTests<P extends AnyPage>(h: BrowserHarness<P>): void {
  test('drag over a sentence, pick green, add a note: it is there after a reload, listed in the library, and found by a word of the note', async () => {
    const page = await h.openPage(h.server.fixture(SLUG));
    const popup = await h.openPopup(page);
    await clickPopup(popup, 'popup-save', `Saved “${TITLE}”`);
    await popup.close();
    await page.close();

    const library = await h.openLibrary();
    await showsTitles(library, [TITLE]);
    await inItem(library, TITLE, 'library-open');
    await waitForLocation(library, '/reader.html?id=');
    await until('the article', () => textOf(library, byTestId('reader-page-content')));

    // A real drag over the words: the bar appears under them. Measured once the reading font is
    // in: it comes in after the first layout and moves every word.
    await inPage(library, async () => {
      await document.fonts.ready;
    });
    const { x1, y1, x2, y2 } = await until('the words to stay put', async () => {
      const a = await wordEnds(library, WORDS);
      await new Promise((r) => setTimeout(r, 100));
      const b = await wordEnds(library, WORDS);
      return JSON.stringify(a) === JSON.stringify(b) ? b : undefined;
    });
    await library.mouse.move(x1, y1);
    await library.mouse.down();
    await library.mouse.move((x1 + x2) / 2, (y1 + y2) / 2, { steps: 5 });
    await library.mouse.move(x2, y2, { steps: 5 });
    await library.mouse.up();
    await until('the highlight bar', () => inPage(library, () => !document.querySelector<HTMLElement>('[data-testid="highlight-bar"]')!.hidden));
    await clickLocated(library, byTestId('highlight-green'));
    const made = await until('a green highlight', async () => (await textsOf(library, 'mark.hl[data-color="green"]')).join('') || undefined);
    expect(made).toBe(WORDS);

    // Click it, write a note, save.
    await clickLocated(library, 'mark.hl');
    await fill(library, byTestId('highlight-note'), 'Pallet bays: build three before the autumn, and borrow a pitchfork.');
    await h.screenshot(library, 'highlight-note');
    await clickLocated(library, byTestId('highlight-save'));
    await until('the editor to close', () => inPage(library, () => !document.querySelector('[data-testid="highlight-editor"]')));

    // Opened again: the same words, the same colour, the note on them.
    await navigate(library);
    await until('the highlight after a reload', async () => (await textsOf(library, 'mark.hl[data-color="green"]')).join('') === WORDS);
    expect(await inPage(library, () => document.querySelector('mark.hl')!.getAttribute('title'))).toBe('Pallet bays: build three before the autumn, and borrow a pitchfork.');
    await h.screenshot(library, 'highlight-reloaded');

    // The library lists it, and finds the article by a word only the note has.
    await inPage(library, () => void setTimeout(() => history.back(), 0));
    await waitForLocation(library, '/library.html');
    await showsTitles(library, [TITLE]);
    expect(await textOf(library, `${byTestId('library-highlights')} summary`)).toBe('1 highlight');
    await clickLocated(library, `${byTestId('library-highlights')} summary`);
    expect(await textOf(library, `${byTestId('library-highlights')} li`)).toContain('Pallet bays');
    await fill(library, byTestId('library-search'), 'pitchfork');
    await showsTitles(library, [TITLE]);
    await h.screenshot(library, 'library-highlights');
  });
}
