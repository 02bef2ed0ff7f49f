// The reader's keys (real key presses), written once and run in both browsers
// (overlay.chromium.e2e.ts, reader.firefox.e2e.ts) on the seed reconstruction: text size, theme
// and copy keys; moving through the article from the keyboard (exact scroll positions); and the
// `?` key list. The harness must give pages the clipboard and forget reading positions before
// each test.
import { describe, expect, test } from 'vitest';
import type { BrowserHarness } from '../helpers/browser-harness.js';
import { byTestId } from '../helpers/popup.js';
import { readerProbes } from '../helpers/reader-probes.js';
import { seedTextProblems } from '../helpers/seed.js';
import { inPage, pressWith, type AnyPage } from '../helpers/tab.js';
import { until } from '../helpers/wait.js';
import { KEY_LIST } from '../../../src/content/keys.js';
import { t } from '../../../src/shared/strings/t.js';
import { DEFAULT_SETTINGS, nextTheme, THEMES, type Theme } from '../../../src/shared/settings.js';

const scroller = byTestId('reader-scroller');
/** The space bar by the key it types: Puppeteer's BiDi keyboard knows no "Space". */
const SPACE = ' ';
const help = byTestId('reader-help');

export function readerKeysTests<P extends AnyPage>(h: BrowserHarness<P>): void {
  const { fontSize, colours, openSeedReader } = readerProbes(h);
  const storedTheme = async () => ((await h.stored('sync', 'settings')) as { theme?: Theme } | undefined)?.theme ?? DEFAULT_SETTINGS.theme;
  const scrollTop = (page: P) => h.overlay.call<number>(page, scroller, 'function(){return Math.round(this.scrollTop)}');
  const geometry = (page: P) => h.overlay.call<{ view: number; max: number }>(page, scroller, 'function(){return {view: this.clientHeight, max: this.scrollHeight - this.clientHeight}}');
  /** Waits for a (possibly smooth) scroll to arrive at `top`. */
  const arrivesAt = (page: P, top: number) => until(`scrollTop ${top}`, async () => (await scrollTop(page)) === top);
  const helpOpen = (page: P) => h.overlay.call<boolean>(page, help, 'function(){return this.checkVisibility()}');
  const focusedInHelp = (page: P) => h.overlay.call<boolean>(page, help, 'function(){return this.contains(this.getRootNode().activeElement)}');

  describe('reader keys (real key presses)', () => {
    test('"+" and "-" change the text size, "t" the theme (five, then the first again), "c" copies the article', async () => {
      const page = await openSeedReader();
      const was = await fontSize(page);
      await page.keyboard.press('+');
      await until('the text to grow', async () => (await fontSize(page)) === was + 1);
      await page.keyboard.press('-');
      await until('the text back', async () => (await fontSize(page)) === was);
      // Each press waits until the reader shows the next theme and it is stored: presses faster
      // than storage.onChanged can come back lose steps (the content script takes its own older
      // save for a change made elsewhere; reported, src/content/controller.ts).
      const first = await colours(page);
      const seen = [first];
      let theme = await storedTheme();
      for (let i = 0; i < THEMES.length; i++) {
        const next = nextTheme(theme);
        await page.keyboard.press('t');
        await until(`the ${next} theme`, async () => (await storedTheme()) === next && (await colours(page)) !== seen[seen.length - 1]);
        seen.push(await colours(page));
        theme = next;
      }
      expect(seen[seen.length - 1]).toBe(first); // five themes, then the first again
      expect(new Set(seen.slice(0, -1)).size).toBeGreaterThanOrEqual(4); // 'system' may look like light or dark

      await inPage(page, () => navigator.clipboard.writeText('clipboard before copy'));
      await page.keyboard.press('c');
      await until('the "Copied" toast', async () => /Copied \d+ words/.test((await h.overlay.read(page))?.text['reader-toast'] ?? ''));
      const text = await inPage(page, () => navigator.clipboard.readText());
      expect(text).not.toBe('clipboard before copy');
      expect(seedTextProblems(text)).toEqual([]);
    });
  });

  describe('moving through the article from the keyboard (real key presses)', () => {
    test('as it opens, Space, PageDown and ↓ scroll the article down; Shift+Space, PageUp and ↑ back up; End and Home go to either end', async () => {
      const page = await openSeedReader();
      const { view, max } = await geometry(page);
      expect(max).toBeGreaterThan(2 * view); // long enough for two screens and more
      expect(await scrollTop(page)).toBe(0);
      const screen = 0.875 * view; // a screenful, less an overlap to read on from
      let top = 0;
      for (const [key, by, shift] of [[SPACE, screen, false], ['PageDown', screen, false], ['ArrowDown', 40, false], ['ArrowUp', -40, false], [SPACE, -screen, true], ['PageUp', -screen, false]] as const) {
        top = Math.max(0, Math.round(top + by));
        if (shift) await pressWith(page, 'Shift', key);
        else await page.keyboard.press(key);
        await arrivesAt(page, top);
      }
      expect(top).toBe(0);
      await page.keyboard.press('End');
      await arrivesAt(page, max);
      await h.screenshot(page, 'overlay-keys-end');
      await page.keyboard.press('Home');
      await arrivesAt(page, 0);
    });

    test('after clicking the article text, PageDown still scrolls the article', async () => {
      const page = await openSeedReader();
      await h.overlay.click(page, `${byTestId('reader-content')} p`);
      const from = await scrollTop(page);
      await page.keyboard.press('PageDown');
      await arrivesAt(page, Math.round(from + 0.875 * (await geometry(page)).view));
    });

    test('j brings the next paragraph to the top of the reader, k the previous one', async () => {
      const page = await h.openSeed();
      // Instant scrolling where the browser can emulate it, so each press lands before the next
      // (elsewhere each press waits for the smooth scroll to arrive).
      await h.reduceMotion?.(page);
      await h.openReader(page);
      await page.bringToFront();
      /** Which block of the article starts 16 px below the reader's top edge ('none': none). */
      const atTop = () =>
        h.overlay.call<string>(page, byTestId('reader-content'), `function(){
          const top = this.closest('[data-testid=reader-scroller]').getBoundingClientRect().top;
          const blocks = [...this.querySelectorAll('figure, p')];
          const i = blocks.findIndex((b) => Math.round(b.getBoundingClientRect().top - top) === 16);
          return i < 0 ? 'none' : blocks[i].localName + ':' + (blocks[i].textContent || '').trim().slice(0, 40);
        }`);
      const paragraphs = await h.overlay.call<string[]>(page, byTestId('reader-content'), "function(){return [...this.querySelectorAll('p')].map((p) => 'p:' + p.textContent.trim().slice(0, 40))}");
      expect(await atTop()).toBe('none');
      await page.keyboard.press('j');
      await until('the lead photo at the top', async () => /^figure:/.test(await atTop()));
      for (const want of [paragraphs[0], paragraphs[1], paragraphs[2]]) {
        await page.keyboard.press('j');
        await until(`"${want}" at the top`, async () => (await atTop()) === want);
      }
      await page.keyboard.press('k');
      await until('the previous paragraph at the top', async () => (await atTop()) === paragraphs[1]);
      await page.keyboard.press('K'); // Caps Lock on
      await until('the one before at the top', async () => (await atTop()) === paragraphs[0]);
    });

    test('a focused slider keeps its keys, and Ctrl+End stays the browser’s', async () => {
      const page = await openSeedReader();
      const width = byTestId('setting-width');
      const value = () => h.overlay.call<string>(page, width, 'function(){return this.value}');
      const [was, min, max, step] = await h.overlay.call<[number, number, number, number]>(page, width, 'function(){return [this.value, this.min, this.max, this.step].map(Number)}');
      expect(was).toBeLessThan(max); // so End has somewhere to move it
      await h.overlay.focus(page, width);
      await page.keyboard.press('End');
      await until('the slider at its end', async () => (await value()) === String(max));
      await page.keyboard.press('PageDown'); // a slider's own big step
      await until('the slider a step back', async () => Number(await value()) < max);
      await page.keyboard.press(SPACE);
      expect(await scrollTop(page)).toBe(0);
      // Back to where it was, for the other tests.
      await page.keyboard.press('Home');
      for (let v = min; v < was; v += step) await page.keyboard.press('ArrowRight');
      await until('the slider back', async () => (await value()) === String(was));

      await h.overlay.focus(page, byTestId('reader-dialog'));
      await pressWith(page, 'Control', 'End');
      await pressWith(page, 'Alt', 'PageDown');
      expect(await scrollTop(page)).toBe(0);
      await page.keyboard.press('End'); // and the reader still answers its own keys
      await arrivesAt(page, (await geometry(page)).max);
    });
  });

  describe('the key list', () => {
    test('"?" opens a dialog listing every key over the reader; Esc closes the list, not the reader; then Esc closes the reader', async () => {
      const page = await openSeedReader();
      expect(await helpOpen(page)).toBe(false);
      await page.keyboard.press('?');
      await until('the key list', () => helpOpen(page));
      const text = (await h.overlay.read(page))!.text['reader-help']!;
      expect(text).toContain('Keyboard shortcuts');
      for (const [labels, what] of KEY_LIST) {
        expect(text).toContain(t(what)); // what each key does, in the catalogue's English
        for (const label of labels) expect(text).toContain(label);
      }
      expect(await h.overlay.call<string>(page, help, 'function(){return this.getAttribute("role") + " " + this.getAttribute("aria-modal")}')).toBe('dialog true');
      expect(await focusedInHelp(page)).toBe(true);
      await h.screenshot(page, 'overlay-keys-help');

      // Focus stays in the list, and the article behind it does not move.
      for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
      expect(await focusedInHelp(page)).toBe(true);
      await page.keyboard.press('End');
      expect(await h.overlay.call<number>(page, scroller, 'function(){return this.scrollTop}')).toBe(0);

      await page.keyboard.press('Escape');
      await until('the list to close', async () => !(await helpOpen(page)));
      expect(await h.overlay.read(page)).not.toBeNull(); // the reader is still open
      await page.keyboard.press('?');
      await until('the key list again', () => helpOpen(page));
      await page.keyboard.press('?');
      await until('the list to close again', async () => !(await helpOpen(page)));
      await page.keyboard.press('Escape'); // now Esc closes the reader
      await h.overlay.waitForNone(page);
    });

    test('the toolbar\'s "?" button opens the list and its Close button closes it (real clicks)', async () => {
      const page = await openSeedReader();
      await h.overlay.click(page, byTestId('reader-keys'));
      await until('the key list', () => helpOpen(page));
      await h.overlay.click(page, byTestId('reader-help-close'));
      await until('the list to close', async () => !(await helpOpen(page)));
      await page.keyboard.press('PageDown'); // focus is back in the reader
      await until('the article to scroll', async () => (await scrollTop(page)) > 0);
    });
  });
}
