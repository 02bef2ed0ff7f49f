// Highlights and notes in the offline reader (issue 11, item 4), written once and run in both
// browsers (highlights.chromium.e2e.ts, highlights.firefox.e2e.ts): save an article, open it
// offline, drag the mouse over a sentence, pick a colour in the bar that appears, click the
// highlight and write a note; reload: the highlight and its note are still there. The library
// lists it under the article and a search finds the article by a word of the note; tagged,
// exported, deleted and imported, the article comes back with its tag, highlight and note, and
// exports the same again. The overlay on a page: drag, `h`, and the article is saved with it.
import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import type { BrowserHarness } from '../helpers/browser-harness.js';
import { byTestId, clickPopup } from '../helpers/popup.js';
import { clickLocated, fill, inPage, navigate, textOf, textsOf, waitForLocation, type AnyPage } from '../helpers/tab.js';
import { until } from '../helpers/wait.js';
import { inItem, showsTitles } from './library.js';
import { seedParagraphs, seedTitle } from '../helpers/seed.js';

const SLUG = 'icon-fonts--font-awesome-blog';
const TITLE = 'What three winters of composting taught me about soil';
const WORDS = 'A pile needs to be roughly a cubic metre before it holds enough heat to cook';

/**
 * Where words are on screen, `this` being the article's element (the offline reader's, or the
 * overlay's inside its closed shadow root): the first character's left edge and the last one's
 * right edge, mid-line, once scrolled into view. A function's source, to run in either.
 */
const WORD_ENDS = `function (w) {
  const walker = this.ownerDocument.createTreeWalker(this, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.nodeValue.indexOf(w);
    if (at < 0) continue;
    node.parentElement.scrollIntoView({ block: 'center', behavior: 'instant' });
    const range = this.ownerDocument.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    const first = range.getBoundingClientRect();
    range.setStart(node, at + w.length - 1);
    range.setEnd(node, at + w.length);
    const last = range.getBoundingClientRect();
    return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
  }
  throw new Error('no "' + w + '" in the article');
}`;

function wordEnds(page: AnyPage, words: string): Promise<Ends> {
  return inPage(page, `(${WORD_ENDS}).call(document.querySelector('[data-testid="reader-page-content"]'), ${JSON.stringify(words)})`);
}

type Ends = { x1: number; y1: number; x2: number; y2: number };

/** Measured twice, a moment apart, until the same: the reading font comes in after the first layout and moves every word. */
const steady = (measure: () => Promise<Ends>) => until('the words to stay put', async () => {
  const a = await measure();
  await new Promise((r) => setTimeout(r, 150));
  const b = await measure();
  return JSON.stringify(a) === JSON.stringify(b) ? b : undefined;
}, 10_000);

/** A real mouse drag from (x1, y1) to (x2, y2). */
async function drag(page: AnyPage, { x1, y1, x2, y2 }: Ends): Promise<void> {
  await page.mouse.move(x1, y1);
  await page.mouse.down();
  await page.mouse.move((x1 + x2) / 2, (y1 + y2) / 2, { steps: 5 });
  await page.mouse.move(x2, y2, { steps: 5 });
  await page.mouse.up();
}

/** The id of the list item titled `title`. */
const idOf = (library: AnyPage, title: string) => inPage(library, (want) => [...document.querySelectorAll('[data-testid="library-item"]')]
  .find((i) => i.querySelector<HTMLElement>('[data-testid="library-item-title"]')?.innerText === want)?.getAttribute('data-id') ?? '', title);

/** Waits until the library lists `title` (other tests' articles may be there too). */
const lists = (library: AnyPage, title: string) =>
  until(`the library to list ${title}`, async () => (await textsOf(library, byTestId('library-item-title'))).includes(title), 10_000);

/** The text of `selector` inside the list item titled `title`. */
const itemText = (library: AnyPage, title: string, selector: string) => inPage(library, ([want, sel]) => {
  const item = [...document.querySelectorAll('[data-testid="library-item"]')].find((i) => i.querySelector<HTMLElement>('[data-testid="library-item-title"]')?.innerText === want);
  return item?.querySelector<HTMLElement>(sel)?.innerText ?? null;
}, [title, selector] as const);

export function highlightTests<P extends AnyPage>(h: BrowserHarness<P>): void {
  test('in the reader on the page: drag over words and press h; the article is saved with the highlight, shown again on the next opening and in the library', async () => {
    const words = seedParagraphs[1]!.split(' ').slice(0, 9).join(' ');
    const page = await h.openSeed();
    await h.openReader(page);
    const content = byTestId('reader-content');
    const ends = await steady(() => h.overlay.call<Ends>(page, content, `function () { return (${WORD_ENDS}).call(this, ${JSON.stringify(words)}); }`));
    await drag(page, ends);
    await page.keyboard.press('h');
    await until('the saved notice', async () => (await h.overlay.read(page))?.text['reader-toast']?.includes(`Saved “${seedTitle}”`) || undefined, 10_000);
    const marked = () => h.overlay.call<string>(page, content, `function () { return [...this.querySelectorAll('mark.hl')].map((m) => m.textContent).join(''); }`);
    expect(await marked()).toBe(words);
    await h.screenshot(page, 'reader-highlight');
    // From the keyboard: the highlight focused, Enter opens its editor, Esc closes it and not the reader.
    await h.overlay.focus(page, 'mark.hl');
    await page.keyboard.press('Enter');
    await until('the editor', () => h.overlay.call<boolean>(page, byTestId('reader-dialog'), `function () { return !!this.querySelector('[data-testid=highlight-editor]'); }`));
    await page.keyboard.press('Escape');
    await until('the editor to close', async () => !(await h.overlay.call<boolean>(page, byTestId('reader-dialog'), `function () { return !!this.querySelector('[data-testid=highlight-editor]'); }`)));
    expect(await h.overlay.read(page)).not.toBeNull();

    // Closed and opened again: the saved copy's highlight is on the words.
    await page.keyboard.press('Escape');
    await h.overlay.waitForNone(page);
    await h.openReader(page);
    await until('the highlight on the next opening', async () => (await marked()) === words || undefined);

    const library = await h.openLibrary();
    await lists(library, seedTitle);
    expect(await itemText(library, seedTitle, `${byTestId('library-highlights')} summary`)).toBe('1 highlight');
    await library.close();
  });

  test('drag over a sentence, pick green, add a note: it is there after a reload, listed in the library, and found by a word of the note', async () => {
    const page = await h.openPage(h.server.fixture(SLUG));
    const popup = await h.openPopup(page);
    await clickPopup(popup, 'popup-save', `Saved “${TITLE}”`);
    await popup.close();
    await page.close();

    const library = await h.openLibrary();
    await lists(library, TITLE);
    await inItem(library, TITLE, 'library-open');
    await waitForLocation(library, '/reader.html?id=');
    await until('the article', () => textOf(library, byTestId('reader-page-content')));

    // A real drag over the words: the bar appears under them. Measured once the reading font is
    // in: it comes in after the first layout and moves every word.
    await inPage(library, async () => {
      await document.fonts.ready;
    });
    await drag(library, await steady(() => wordEnds(library, WORDS)));
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
    await lists(library, TITLE);
    expect(await itemText(library, TITLE, `${byTestId('library-highlights')} summary`)).toBe('1 highlight');
    await inItem(library, TITLE, 'library-highlights');
    expect(await itemText(library, TITLE, `${byTestId('library-highlights')} li`)).toContain('Pallet bays');
    await fill(library, byTestId('library-search'), 'pitchfork');
    await showsTitles(library, [TITLE]);
    await h.screenshot(library, 'library-highlights');

    // Tagged, exported, deleted, imported: the same tag, highlight and note, the same text.
    await fill(library, byTestId('library-search'), '');
    await fill(library, `[data-id="${await idOf(library, TITLE)}"] ${byTestId('library-tag-input')}`, 'compost');
    await library.keyboard.press('Enter');
    const tagsOf = () => inPage(library, (want) => {
      const item = [...document.querySelectorAll('[data-testid="library-item"]')].find((i) => i.querySelector<HTMLElement>('[data-testid="library-item-title"]')?.innerText === want);
      return item ? [...item.querySelectorAll('.tag')].map((t) => t.firstChild?.textContent ?? '') : [];
    }, TITLE);
    await until('the tag', async () => JSON.stringify(await tagsOf()) === '["compost"]' || undefined);
    const file = await h.download(library, () => library.click(byTestId('library-export-json')));
    const before = JSON.parse(readFileSync(file.path, 'utf8')).articles.find((a: { title: string }) => a.title === TITLE);
    expect(before.highlights).toMatchObject([{ color: 'green', quote: WORDS, note: 'Pallet bays: build three before the autumn, and borrow a pitchfork.' }]);
    await inItem(library, TITLE, 'library-delete');
    await until('the article gone', async () => !(await textsOf(library, byTestId('library-item-title'))).includes(TITLE));
    await h.setInputFile(library, byTestId('library-import-input'), file.path);
    await lists(library, TITLE);
    expect(await itemText(library, TITLE, `${byTestId('library-highlights')} summary`)).toBe('1 highlight');
    expect(await tagsOf()).toEqual(['compost']);
    const again = JSON.parse(readFileSync((await h.download(library, () => library.click(byTestId('library-export-json')))).path, 'utf8'))
      .articles.find((a: { title: string }) => a.title === TITLE);
    expect(again).toEqual(before);
  });
}
