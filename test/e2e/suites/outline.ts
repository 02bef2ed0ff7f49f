// The reader's outline (issue 12 item 2) on pages/outline.html, the part written once and run in
// both browsers (outline.chromium.e2e.ts, reader.firefox.e2e.ts): `o` opens it on the current
// section, the keys and a click go to a heading, Esc closes it before the reader. The probes are
// shared with the Chromium-only outline tests.
import { expect, test } from 'vitest';
import type { BrowserHarness } from '../helpers/browser-harness.js';
import { byTestId } from '../helpers/popup.js';
import type { AnyPage } from '../helpers/tab.js';
import { until } from '../helpers/wait.js';

export const HEADINGS = ['Where the river begins', 'The first locks', 'Keepers and their cottages', 'Trade on the water', 'Floods, and the <wall> that held', 'The winter of 1947', 'The canal today'];
/** The article's title as the reader shows it (the page's <title>, site name included). */
export const TITLE = 'The long life of the Ashbourne canal';
export const scroller = byTestId('reader-scroller');
export const outline = byTestId('reader-outline');

/** What a test reads of the outline and the scroller, through the harness's overlay access. */
export function outlineProbes<P extends AnyPage>(h: BrowserHarness<P>) {
  return {
    scrollTop: (page: P) => h.overlay.call<number>(page, scroller, 'function(){return Math.round(this.scrollTop)}'),
    maxScroll: (page: P) => h.overlay.call<number>(page, scroller, 'function(){return this.scrollHeight - this.clientHeight}'),
    outlineOpen: (page: P) => h.overlay.call<boolean>(page, outline, 'function(){return this.checkVisibility()}'),
    /** The entries as shown. */
    entries: (page: P) => h.overlay.call<string[]>(page, outline, "function(){return [...this.querySelectorAll('button')].map((b) => b.textContent)}"),
    /** Which entry is marked as the current section. */
    current: (page: P) => h.overlay.call<string | null>(page, outline, "function(){return this.querySelector('[aria-current=location]')?.textContent ?? null}"),
    /** The focused element inside the reader: its text, if it is an outline entry or a heading. */
    focusedText: (page: P) => h.overlay.call<string>(page, outline, 'function(){const a = this.getRootNode().activeElement; return a ? a.localName + ":" + (a.textContent || "").trim().slice(0, 60) : "none"}'),
    /** How far a heading's top is below the reader's visible top. */
    headingOffset: (page: P, text: string) =>
      h.overlay.call<number>(page, scroller, `function(){
        const h = [...this.querySelectorAll('h2, h3')].find((el) => el.textContent.trim() === ${JSON.stringify(text)});
        return Math.round(h.getBoundingClientRect().top - this.getBoundingClientRect().top);
      }`),
  };
}

/** The long article in reader view, in front, scrolling instantly where the browser can emulate it (so each move lands before the next read). */
export async function openOutlineArticle<P extends AnyPage>(h: BrowserHarness<P>): Promise<P> {
  const page = await h.openPage(h.server.e2e('outline.html'));
  await h.reduceMotion?.(page);
  await h.openReader(page);
  await page.bringToFront();
  return page;
}

export function outlineTests<P extends AnyPage>(h: BrowserHarness<P>): void {
  const { scrollTop, outlineOpen, entries, current, focusedText, headingOffset } = outlineProbes(h);

  test('"o" opens it on the current section; ↓ and Enter go to a heading, which then has focus; Esc closes it, then the reader', async () => {
    const page = await openOutlineArticle(h);
    await page.keyboard.press('o');
    await until('the outline', () => outlineOpen(page));
    expect(await entries(page)).toEqual([TITLE, ...HEADINGS]);
    expect(await current(page)).toBe(TITLE); // the title, at the top
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    expect(await focusedText(page)).toBe(`button:${HEADINGS[3]}`);
    await page.keyboard.press('Enter');
    await until(`"${HEADINGS[3]}" at the top`, async () => (await headingOffset(page, HEADINGS[3]!)) === 16);
    await until('its entry marked', async () => (await current(page)) === HEADINGS[3]);
    expect(await focusedText(page)).toBe(`h2:${HEADINGS[3]}`);
    await h.screenshot(page, 'outline-keys');
    // The reader's keys carry on from there: j goes to the section's first paragraph.
    const from = await scrollTop(page);
    await page.keyboard.press('j');
    await until('j to scroll on', async () => (await scrollTop(page)) > from);
    // A real click on an entry goes there too.
    await h.overlay.click(page, `${outline} li:nth-child(6) button`);
    await until(`"${HEADINGS[4]}" at the top`, async () => (await headingOffset(page, HEADINGS[4]!)) === 16);
    await until('its entry marked', async () => (await current(page)) === HEADINGS[4]);
    await page.keyboard.press('o'); // and o closes it again
    await until('the outline to close', async () => !(await outlineOpen(page)));
    // Esc closes the outline first, then the reader.
    await page.keyboard.press('o');
    await until('the outline again', () => outlineOpen(page));
    await page.keyboard.press('Escape');
    await until('the outline to close on Esc', async () => !(await outlineOpen(page)));
    expect(await h.overlay.read(page)).not.toBeNull();
    await page.keyboard.press('Escape');
    await h.overlay.waitForNone(page);
  });
}
