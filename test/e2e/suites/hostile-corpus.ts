// The hostile corpus (test/fixtures/hostile, issue 5) through the built extension, written once
// and run in both browsers (hostile.chromium.e2e.ts, hostile.firefox.e2e.ts), which differ exactly
// where the promises live (when handlers on an inert copy fire, how a parser nests SVG and MathML,
// what extension pages allow): every script-execution and metadata page through the overlay, a
// save, the offline reader and a copy-paste of the HTML, with nothing running, no dialog and no
// navigation; the hidden text only a browser can see. Huge pages and page messages:
// suites/hostile-limits.ts, on the same tabs.
import { beforeAll, describe, expect, test } from 'vitest';
import type { BrowserHarness } from '../helpers/browser-harness.js';
import { activeMarkupFn, FLAG_WATCH_SCRIPT, hostileEntries, readwellWrites, serveHostile, settleAndArm, type HostileEntry } from '../helpers/hostile.js';
import { byTestId, clickPopup } from '../helpers/popup.js';
import { inPage, navigate, onNavigation, pressWith, readClipboard, textOf, waitForLocation, type AnyPage } from '../helpers/tab.js';
import { pause, until } from '../helpers/wait.js';

export interface HostileTabs<P> {
  /** The library tab, open for every test (Readwell's own page: its CSP and what it shows of a saved page). */
  library(): P;
  /** The titles the library lists, read on a freshly loaded library page. */
  libraryTitles(): Promise<string[]>;
  /** Every dialog any tab showed so far (none may appear). */
  readonly dialogs: string[];
}

export const norm = (s: string) => s.replace(/\s+/g, ' ');
export const flagIn = (p: AnyPage) => inPage(p, () => (window as unknown as { __pwned?: unknown }).__pwned);
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
/**
 * Images under the element have loaded or failed, so an onerror/onload that survived would have
 * fired by now (a lazy image out of view never loads, so it fires nothing either).
 */
const SETTLED = "function(){return [...this.querySelectorAll('img')].every((i) => i.complete || i.loading === 'lazy')}";
const imagesSettled = (p: AnyPage, selector: string) =>
  until('images to load or fail', () => inPage(p, `[...document.querySelectorAll(${JSON.stringify(selector)})].every((e) => (${SETTLED}).call(e))`));

/**
 * Pages whose defence is plain string work in the core, the same in every engine (host names of
 * embeds, JSON-LD parsing): jsdom and the Chromium run check them, and the Firefox run spends its
 * time on the pages whose attack depends on how the engine parses, nests, focuses, loads or
 * navigates.
 */
const ENGINE_INDEPENDENT = new Set(['pages/embed-lookalike.html', 'pages/metadata-jsonld.html']);

/** Opens the library and paste tabs before the first test (so the harness keeps them open) and installs the watches. */
export function useHostileTabs<P extends AnyPage>(h: BrowserHarness<P>): HostileTabs<P> {
  let library: P | undefined;
  const dialogs: string[] = [];
  beforeAll(async () => {
    // The flag watch in every web page's main world before the page's own scripts; Readwell's own
    // pages report what their Content Security Policy refused (a handler or script that tried to run).
    await h.addInitScript(FLAG_WATCH_SCRIPT);
    await h.watchCsp();
    h.onDialog((d) => dialogs.push(d));
    library = await h.openLibrary();
  });
  return {
    library: () => library!,
    async libraryTitles() {
      await navigate(library!, h.extensionUrl('library.html'));
      await until('the list', () => inPage(library!, () => !!document.querySelector('[data-testid="library-item"], [data-testid="library-empty"]:not([hidden])')));
      return inPage(library!, () => [...document.querySelectorAll<HTMLElement>('[data-testid="library-item-title"]')].map((t) => t.innerText));
    },
    dialogs,
  };
}

export function hostileCorpusTests<P extends AnyPage>(h: BrowserHarness<P>, tabs: HostileTabs<P>, options: { skipEngineIndependent?: boolean } = {}): void {
  let paste: P;
  beforeAll(async () => {
    paste = await h.openPage(h.server.e2e('hostile-paste.html'));
    await settleAndArm(paste);
  });
  /** Reader view from the popup (as a tab, on the test build): it shows every snippet the page's entry says must be there. */
  async function openWithPopup(page: P, e: HostileEntry) {
    const popup = await h.openPopup(page);
    await clickPopup(popup, 'popup-toggle');
    const view = await h.overlay.waitFor(page);
    const content = norm(view.text['reader-content'] ?? '');
    for (const s of e.present ?? []) expect(content).toContain(norm(s));
    return { popup, view, everything: Object.values(view.text).join('\n') };
  }
  const runsCode = hostileEntries.filter((e) => (e.category === 'script-execution' || e.category === 'metadata') && !(options.skipEngineIndependent && ENGINE_INDEPENDENT.has(e.file)));

  describe('nothing runs: script-execution and metadata pages through overlay, save, offline reader and copy-paste', () => {
    test('the flag watch sees a handler that runs after arming (the instrument works)', async () => {
      const page = await h.openPage(h.server.e2e('hostile-paste.html'));
      await settleAndArm(page);
      expect(await readwellWrites(page)).toEqual([]);
      await inPage(page, () => {
        const img = document.createElement('img');
        img.setAttribute('onerror', "window.__pwned='control'");
        img.src = 'data:,not-an-image';
        document.body.append(img);
      });
      await until('the control write', async () => (await readwellWrites(page)).length > 0);
      expect(await readwellWrites(page)).toEqual([expect.stringMatching(/^control via error on img/)]);
    });

    test('the CSP watch sees an inline script refused in an extension page (the instrument works)', async () => {
      const probe = await h.openExtensionPage('reader.html?csp-control');
      const before = (await h.cspReports()).length;
      await inPage(probe, () => {
        const s = document.createElement('script');
        s.textContent = 'window.__pwned = "inline"';
        document.body.append(s);
      });
      await until('the CSP report', async () => (await h.cspReports()).length > before);
      expect(await flagIn(probe)).toBeUndefined();
    });

    test.each(runsCode.map((e) => [e.file, e] as const))('%s', async (_file, e: HostileEntry) => {
      const url = serveHostile(h.server, e);
      const page = await h.newTab();
      const navigations: string[] = [];
      onNavigation(page, (to) => to !== url && navigations.push(to));
      await page.goto(url);
      // A pending <meta refresh> is the page's own doing, not Readwell's; cancel it so that any
      // navigation seen from here on could only come from reader view.
      await inPage(page, () => window.stop());
      await settleAndArm(page);
      const dialogsBefore = tabs.dialogs.length;
      const cspBefore = (await h.cspReports()).length;

      const { popup, everything } = await openWithPopup(page, e);
      for (const s of e.absent ?? []) expect(everything).not.toContain(s);
      expect(await h.overlay.call(page, byTestId('reader-dialog'), activeMarkupFn(false))).toEqual([]);
      expect(await h.overlay.call(page, byTestId('reader-content'), activeMarkupFn(true))).toEqual([]);
      const header = await h.overlay.call<{ elements: string[]; title: string; byline: string; meta: string }>(page, 'header', `function () {
        return { elements: [...this.querySelectorAll('*')].map((e) => e.localName), title: this.querySelector('[data-testid=reader-title]')?.textContent ?? '',
          byline: this.querySelector('[data-testid=reader-byline]')?.textContent ?? '', meta: this.querySelector('[data-testid=reader-meta]')?.textContent ?? '' };
      }`);
      // Markup in metadata is shown as text: the header holds only the elements the reader makes.
      expect(header.elements.filter((n) => !['h1', 'p', 'bdi'].includes(n))).toEqual([]);
      if (e.metadata?.titleContains) expect(header.title).toContain(e.metadata.titleContains);
      if (e.metadata?.bylineContains) expect(header.byline).toContain(e.metadata.bylineContains);
      if (e.metadata?.siteNameContains) expect(header.meta).toContain(e.metadata.siteNameContains);
      if (e.metadata?.noBidi) {
        for (const part of [header.title, header.byline, header.meta]) expect(part).not.toMatch(BIDI_CONTROLS);
        const dir = await h.overlay.call<{ lang: string | null; dir: string | null }>(page, 'article.page', 'function(){return {lang: this.getAttribute("lang"), dir: this.getAttribute("dir")}}');
        expect([null, 'ltr', 'rtl']).toContain(dir.dir);
        expect(dir.lang ?? '').toMatch(/^[A-Za-z0-9-]*$/);
      }
      // Images in the overlay have had their chance to fire anything the copy kept.
      await until('overlay images to settle', () => h.overlay.call<boolean>(page, byTestId('reader-content'), SETTLED));
      if (e.file.endsWith('handlers-casing.html')) {
        await page.bringToFront();
        await h.screenshot(page, 'hostile-handlers-casing');
      }

      // Save, then copy the HTML, from the same popup.
      await clickPopup(popup, 'popup-save', /Saved “/);
      await clickPopup(popup, 'popup-copy-html', /Copied \d+ words as HTML/);

      // Paste into a rich-text editor (a real Ctrl+V), and also into a page that would use innerHTML.
      await inPage(paste, () => document.querySelectorAll('#editor, #naive').forEach((d) => d.replaceChildren()));
      const html = (await readClipboard(paste))['text/html'] ?? '';
      expect(norm(html)).toContain(norm(e.present![0]!));
      await paste.click('#editor');
      await pressWith(paste, 'Control', 'v');
      await until('the pasted article', async () => norm((await textOf(paste, '#editor')) ?? '').includes(norm(e.present![0]!)));
      await inPage(paste, (markup) => (document.getElementById('naive')!.innerHTML = markup), html);
      expect(await inPage(paste, `(${activeMarkupFn(true)}).call(document.getElementById('naive'))`)).toEqual([]);
      await imagesSettled(paste, '#editor, #naive');
      await pause(200); // and a surviving <svg onload> its turn
      expect(await readwellWrites(paste)).toEqual([]);
      expect(await flagIn(paste)).toBeUndefined();

      // The saved copy in the library and the offline reader.
      const library = tabs.library();
      await navigate(library, h.extensionUrl('library.html'));
      await library.bringToFront();
      await until('the saved article in the list', () => inPage(library, () => !!document.querySelector('[data-testid="library-open"]')));
      expect(await inPage(library, () => document.querySelector('[data-testid="library-open"]')!.children.length)).toBe(0); // the title is text
      if (e.metadata?.titleContains) expect(await textOf(library, byTestId('library-open'))).toContain(e.metadata.titleContains);
      await library.click(byTestId('library-open'));
      await waitForLocation(library, '/reader.html?id=');
      const savedText = norm(await until('the saved article', async () => (await textOf(library, byTestId('reader-page-content'))) ?? undefined));
      for (const s of e.present ?? []) expect(savedText).toContain(norm(s));
      expect(await inPage(library, () => [...document.querySelectorAll('a')].find((a) => a.textContent?.includes('Original'))?.getAttribute('href'))).toBe(url);
      expect(await inPage(library, `(${activeMarkupFn(true)}).call(document.querySelector('[data-testid=reader-page-content]'))`)).toEqual([]);
      if (e.metadata?.titleContains) expect(await textOf(library, byTestId('reader-page-title'))).toContain(e.metadata.titleContains);
      await imagesSettled(library, byTestId('reader-page-content'));
      await pause(200);
      expect(await flagIn(library)).toBeUndefined();
      expect((await h.cspReports()).slice(cspBefore)).toEqual([]);

      // Close reader view again from the popup; then: nothing ran, nothing navigated, no dialog.
      await clickPopup(popup, 'popup-toggle');
      await until('the overlay to close', async () => (await h.overlay.read(page)) === null);
      expect(await readwellWrites(page)).toEqual([]);
      expect(tabs.dialogs.slice(dialogsBefore)).toEqual([]);
      expect(navigations).toEqual([]);
      expect(page.url()).toBe(url);
    });
  });

  /**
   * Hidden text the core still lets through in a browser (none now). Each entry is a substring of
   * the line that leaks, for a gap that is known and still visible to the user.
   */
  const CORE_GAPS: Record<string, string[]> = {};

  describe('hidden text a browser can see: not in the overlay', () => {
    test.each(hostileEntries.filter((e) => e.browserAbsent).map((e) => [e.file, e] as const))('%s', async (_file, e: HostileEntry) => {
      const page = await h.openPage(serveHostile(h.server, e));
      const { everything } = await openWithPopup(page, e);
      const gaps = CORE_GAPS[e.file] ?? [];
      for (const s of e.browserAbsent ?? []) {
        const lines = everything.split('\n').filter((line) => line.includes(s));
        expect(lines.filter((line) => !gaps.some((g) => line.includes(g))), s).toEqual([]);
      }
      // A known gap flips into a failure of the check above when it is fixed.
      for (const g of gaps) expect(everything, `known gap "${g}" is fixed: remove it from CORE_GAPS`).toContain(g);
      await page.bringToFront();
      await h.screenshot(page, `hostile-${e.file.replace(/^.*\/|\.html$/g, '')}`);
    });
  });
}
