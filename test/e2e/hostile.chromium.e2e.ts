// The hostile corpus (test/fixtures/hostile, issue 5) through the built extension in real headless
// Chromium: every script-execution and metadata page through the overlay, a save, the offline
// reader and a copy-paste of the HTML, with nothing running and nothing navigating; the pages
// whose hidden text only a browser can see; huge and deep pages; messages from the page. UI
// redress is in hostile-redress.chromium.e2e.ts, lifecycle in hostile-lifecycle.chromium.e2e.ts.
import { describe, expect, test } from 'vitest';
import type { Dialog, Page } from 'playwright-core';
import { screenshot } from './helpers/chromium.js';
import { overlayCall, readOverlay, waitForOverlay } from './helpers/overlay.js';
import { byTestId, popupText } from './helpers/popup.js';
import { activeMarkupFn, FLAG_WATCH_SCRIPT, hostileEntries, readwellWrites, serveHostile, settleAndArm, type HostileEntry } from './helpers/hostile.js';
import { useChromium } from './helpers/use-chromium.js';
import { until } from './helpers/wait.js';
// @ts-expect-error: a plain .mjs script without types; GENERATED maps a file name to a page builder
import { GENERATED as GENERATED_PAGES } from '../../scripts/make-hostile-pages.mjs';

const gen = (name: string): string => (GENERATED_PAGES as Record<string, () => string>)[name]!();

let library: Page;
let paste: Page;
const dialogs: string[] = [];

// The library and paste tabs stay open for every test (opened before the first, so the harness
// does not close them after each).
const chromium = useChromium('chrome-test', {
  clipboard: true,
  async setup(harness) {
    await harness.l.ctx.addInitScript(FLAG_WATCH_SCRIPT);
    harness.l.ctx.on('page', (p) => p.on('dialog', (d: Dialog) => {
      dialogs.push(`${d.type()}: ${d.message()} (${p.url()})`);
      void d.dismiss().catch(() => {});
    }));
    library = await harness.openLibrary();
    paste = await harness.openPage(harness.server.e2e('hostile-paste.html'));
    await settleAndArm(paste);
  },
});

const norm = (s: string) => s.replace(/\s+/g, ' ');
const flagIn = (p: Page) => p.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;

/** Console messages of a page that say a Content Security Policy blocked something (a handler or script that tried to run). */
function cspReports(p: Page): string[] {
  const out: string[] = [];
  p.on('console', (m) => {
    if (/Content Security Policy|Refused to (execute|load|run)/i.test(m.text())) out.push(m.text());
  });
  return out;
}

const RUNS_CODE = hostileEntries.filter((e) => e.category === 'script-execution' || e.category === 'metadata');

describe('nothing runs: script-execution and metadata pages through overlay, save, offline reader and copy-paste', () => {
  test('the flag watch sees a handler that runs after arming (the instrument works)', async () => {
    const page = await chromium.openPage(chromium.server.e2e('hostile-paste.html'));
    await settleAndArm(page);
    expect(await readwellWrites(page)).toEqual([]);
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.setAttribute('onerror', "window.__pwned='control'");
      img.src = 'data:,not-an-image';
      document.body.append(img);
    });
    await expect.poll(() => readwellWrites(page)).toEqual([expect.stringMatching(/^control via error on img/)]);
    await page.close();
  });

  test.each(RUNS_CODE.map((e) => [e.file, e] as const))('%s', async (_file, e: HostileEntry) => {
    const url = serveHostile(chromium.server, e);
    const page = await chromium.l.ctx.newPage();
    const navigations: string[] = [];
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame() && f.url() !== url) navigations.push(f.url());
    });
    await page.goto(url);
    // A pending <meta refresh> is the page's own doing, not Readwell's; cancel it so that any
    // navigation seen from here on could only come from reader view.
    await page.evaluate(() => window.stop());
    await settleAndArm(page);
    const dialogsBefore = dialogs.length;

    // Reader view from the popup (as a tab, on the test build).
    const popup = await chromium.openPopup(page);
    await popup.locator(byTestId('popup-toggle')).click();
    const view = await waitForOverlay(page);
    const content = norm(view.text['reader-content'] ?? '');
    for (const s of e.present ?? []) expect(content).toContain(norm(s));
    const everything = Object.values(view.text).join('\n');
    for (const s of e.absent ?? []) expect(everything).not.toContain(s);
    expect(await overlayCall(page, byTestId('reader-dialog'), activeMarkupFn(false))).toEqual([]);
    expect(await overlayCall(page, byTestId('reader-content'), activeMarkupFn(true))).toEqual([]);
    const header = await overlayCall<{ elements: string[]; title: string; byline: string; meta: string }>(page, 'header', `function () {
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
      const dir = await overlayCall<{ lang: string | null; dir: string | null }>(page, 'article.page', 'function(){return {lang: this.getAttribute("lang"), dir: this.getAttribute("dir")}}');
      expect([null, 'ltr', 'rtl']).toContain(dir.dir);
      expect(dir.lang ?? '').toMatch(/^[A-Za-z0-9-]*$/);
    }
    if (e.file.endsWith('handlers-casing.html')) {
      await page.bringToFront();
      await screenshot(page, 'chrome-hostile-handlers-casing');
    }

    // Save, then copy the HTML, from the same popup.
    await popup.bringToFront();
    await popup.locator(byTestId('popup-save')).click();
    await expect.poll(() => popupText(popup, ['popup-message'])).toMatch(/Saved “/);
    await popup.locator(byTestId('popup-copy-html')).click();
    await expect.poll(() => popupText(popup, ['popup-message'])).toMatch(/Copied \d+ words as HTML/);

    // Paste into a rich-text editor, and also into a page that would use innerHTML.
    await paste.evaluate(() => document.querySelectorAll('#editor, #naive').forEach((d) => d.replaceChildren()));
    await paste.bringToFront();
    const clip = await paste.evaluate(async () => {
      const out: Record<string, string> = {};
      for (const item of await navigator.clipboard.read()) for (const t of item.types) out[t] = await (await item.getType(t)).text();
      return out;
    });
    const html = clip['text/html'] ?? '';
    expect(norm(html)).toContain(norm(e.present![0]!));
    await paste.locator('#editor').click();
    await paste.keyboard.press('Control+V');
    await expect.poll(() => paste.locator('#editor').innerText().then(norm)).toContain(norm(e.present![0]!));
    await paste.evaluate((h) => (document.getElementById('naive')!.innerHTML = h), html);
    const pasted = await paste.evaluate(`(${activeMarkupFn(true)}).call(document.getElementById('naive'))`);
    expect(pasted).toEqual([]);
    await paste.waitForTimeout(200); // let a surviving <img onerror> or <svg onload> fire
    expect(await readwellWrites(paste)).toEqual([]);
    expect(await flagIn(paste)).toBeUndefined();

    // The saved copy in the library and the offline reader.
    const csp = cspReports(library);
    await library.goto(`chrome-extension://${chromium.l.extId}/library.html`);
    await library.bringToFront();
    const first = library.locator(byTestId('library-open')).first();
    await first.waitFor();
    expect(await first.evaluate((a) => a.children.length)).toBe(0); // the title is text
    if (e.metadata?.titleContains) expect(await first.innerText()).toContain(e.metadata.titleContains);
    await first.click();
    await library.waitForURL(/\/reader\.html\?id=/);
    const saved = library.locator(byTestId('reader-page-content'));
    await saved.waitFor();
    expect(await library.locator('a', { hasText: 'Original' }).getAttribute('href')).toBe(url);
    const savedText = norm(await saved.innerText());
    for (const s of e.present ?? []) expect(savedText).toContain(norm(s));
    expect(await saved.evaluate(`(${activeMarkupFn(true)}).call(document.querySelector('[data-testid=reader-page-content]'))`)).toEqual([]);
    if (e.metadata?.titleContains) expect(await library.locator(byTestId('reader-page-title')).innerText()).toContain(e.metadata.titleContains);
    await library.waitForTimeout(200);
    expect(await flagIn(library)).toBeUndefined();
    expect(csp).toEqual([]);

    // Close reader view again from the popup; then: nothing ran, nothing navigated, no dialog.
    await popup.bringToFront();
    await popup.locator(byTestId('popup-toggle')).click();
    await until('the overlay to close', async () => (await readOverlay(page)) === null);
    expect(await readwellWrites(page)).toEqual([]);
    expect(dialogs.slice(dialogsBefore)).toEqual([]);
    expect(navigations).toEqual([]);
    expect(page.url()).toBe(url);
    await popup.close();
    await page.close();
  });
});

/**
 * Hidden text the core still lets through in Chromium (src/core is another engineer's): a
 * paragraph with inline `font-size:0` has a box (full width, zero height), so the layout check in
 * inert-copy.ts does not call it hidden. Each entry is a substring of the line that leaks.
 */
const CORE_GAPS: Record<string, string[]> = {};

describe('hidden text a browser can see: not in the overlay', () => {
  test.each(hostileEntries.filter((e) => e.browserAbsent).map((e) => [e.file, e] as const))('%s', async (_file, e: HostileEntry) => {
    const page = await chromium.openPage(serveHostile(chromium.server, e));
    const popup = await chromium.openPopup(page);
    await popup.locator(byTestId('popup-toggle')).click();
    const view = await waitForOverlay(page);
    const content = norm(view.text['reader-content'] ?? '');
    for (const s of e.present ?? []) expect(content).toContain(norm(s));
    const everything = Object.values(view.text).join('\n');
    const gaps = CORE_GAPS[e.file] ?? [];
    for (const s of e.browserAbsent ?? []) {
      const lines = everything.split('\n').filter((line) => line.includes(s));
      expect(lines.filter((line) => !gaps.some((g) => line.includes(g))), s).toEqual([]);
    }
    // Known gap, still visible to the user: flip into a failure of the check above when fixed.
    for (const g of gaps) expect(everything, `known gap "${g}" is fixed: remove it from CORE_GAPS`).toContain(g);
    await page.bringToFront();
    await screenshot(page, `chrome-hostile-${e.file.replace(/^.*\/|\.html$/g, '')}`);
    await popup.close();
    await page.close();
  });
});

/**
 * Times `page.evaluate(() => 1)` round trips (a script task in the page) from now until `done`
 * says the reader has answered: the longest wait is how long the tab was frozen.
 */
async function longestFreeze(page: Page, done: () => Promise<boolean>, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let longest = 0;
  for (;;) {
    const t = Date.now();
    await page.evaluate(() => 1);
    longest = Math.max(longest, Date.now() - t);
    if (await done()) return longest;
    if (Date.now() > deadline) throw new Error('reader view never answered');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('size and shape: the tab never freezes for long, and the user is told', () => {
  const TOO_LARGE = /too large or complex/i;
  const cases: [string, () => string, RegExp][] = [
    ['generated/elements-200k.html (200,000 elements)', () => gen('elements-200k.html'), TOO_LARGE],
    ['generated/article-5mb.html (a 5 MB article)', () => gen('article-5mb.html'), TOO_LARGE],
    // Parsers cap nesting (Blink at 512), so the deep page is built with DOM calls, as the manifest
    // says. 1,500 levels is well over the core's depth budget (256). At 5,000 levels (and 50,000)
    // Chromium's renderer crashes while the page builds itself, with no extension involved, so
    // those depths are left to the jsdom and CLI tests.
    ['nesting 1,500 deep (built by a page script)', () => deepPage(1_500), TOO_LARGE],
    ['generated/no-article.html', () => gen('no-article.html'), /No article found/],
    ['generated/section-front.html (teaser cards only)', () => gen('section-front.html'), /No article found/],
  ];
  test.each(cases)('%s', async (name, make, message) => {
    const url = chromium.server.addPage(`/generated/${name.replace(/\W+/g, '-')}.html`, make());
    const page = await chromium.openPage(url, { timeout: 30_000 });
    const popup = await chromium.openPopup(page);
    await popup.locator(byTestId('popup-toggle')).click();
    const said = async () => message.test((await popupText(popup).catch(() => '')) ?? '');
    const frozen = await longestFreeze(page, said);
    expect(frozen).toBeLessThan(5_000);
    // The overlay, if it opened to say so, says the same and shows no article. (The DevTools
    // protocol cannot serialize a DOM 1,500 deep, so there the popup's message is what is read.)
    const view = name.startsWith('nesting') ? null : await readOverlay(page);
    if (view) {
      expect(view.text['reader-message']).toMatch(message);
      expect(view.text['reader-content']).toBeUndefined();
    }
    await popup.close();
    await page.close();
  });

  test('saving the 5 MB article fails with the plain message and stores nothing', async () => {
    const url = chromium.server.addPage('/generated/save-article-5mb.html', gen('article-5mb.html'));
    const page = await chromium.openPage(url, { timeout: 30_000 });
    const library = await chromium.openLibrary();
    const countBefore = await library.locator(byTestId('library-item')).count();
    const popup = await chromium.openPopup(page);
    await popup.locator(byTestId('popup-save')).click();
    await expect.poll(() => popupText(popup, ['popup-message']), { timeout: 30_000 }).toMatch(TOO_LARGE);
    await library.reload();
    await library.locator('body').waitFor();
    await expect.poll(() => library.locator(byTestId('library-item')).count()).toBe(countBefore);
    for (const p of [popup, library, page]) await p.close();
  });
});

function deepPage(depth: number): string {
  const p = (s: string) => `<p>${s} The harbour authority published its annual report on Monday, and the figures show that container traffic fell for the third year in a row, officials said.</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Port traffic falls again</title></head><body><main><article><h1>Port traffic falls again</h1>${p('One.')}${p('Two.')}<div id="deep"></div>${p('Four.')}</article></main>
<script>let n = document.getElementById('deep'); for (let i = 0; i < ${depth}; i++) { const d = document.createElement('div'); n.appendChild(d); n = d; } n.innerHTML = ${JSON.stringify(p('Three, deep inside.'))};</script></body></html>`;
}

describe('messages from the page change nothing', () => {
  test('window.postMessage with Readwell-shaped requests, and chrome.runtime from the page, open and save nothing', async () => {
    const e = hostileEntries.find((x) => x.file.endsWith('/forms.html'))!;
    const url = serveHostile(chromium.server, e);
    const page = await chromium.openPage(url);
    await page.evaluate(() => window.stop());
    await settleAndArm(page);
    const libraryShown = () => library.locator(`${byTestId('library-item')}, ${byTestId('library-empty')}:visible`).first().waitFor();
    await library.goto(`chrome-extension://${chromium.l.extId}/library.html`);
    await libraryShown();
    const savedBefore = await library.locator(byTestId('library-item')).count();
    // Have the content script live in the tab (open and close reader view once), so its
    // listener is there to be fooled.
    const popup = await chromium.openPopup(page);
    await popup.locator(byTestId('popup-toggle')).click();
    await waitForOverlay(page);
    await popup.locator(byTestId('popup-toggle')).click();
    await until('the overlay to close', async () => (await readOverlay(page)) === null);

    const fromPage = await page.evaluate((extId) => {
      const draft = { url: 'https://evil.test/', canonicalUrl: null, title: 'Forged', byline: null, siteName: null, publishedTime: null, lang: 'en', dir: 'ltr',
        excerpt: null, html: '<img src=x onerror="window.__pwned=1">', text: 'Forged', wordCount: 1, readingMinutes: 1, leadImage: null };
      const messages = [{ type: 'reader-toggle', allowSelection: true }, { type: 'toggle-reader', tabId: 1 }, { type: 'save-draft', draft },
        { type: 'save-tab', tabId: 1 }, { type: 'reader-copy', format: 'html' }, { type: 'x'.repeat(5_000_000) }];
      for (const m of messages) {
        window.postMessage(m, '*');
        window.postMessage(JSON.stringify(m), '*');
        document.dispatchEvent(new CustomEvent('readwell', { detail: m }));
      }
      const c = (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome;
      let forged = 'no chrome.runtime.sendMessage in the page';
      if (typeof c?.runtime?.sendMessage === 'function') {
        try {
          (c.runtime.sendMessage as (id: string, m: unknown) => void)(extId, { type: 'save-draft', draft });
          forged = 'sent';
        } catch (err) {
          forged = `threw: ${String(err)}`;
        }
      }
      return forged;
    }, chromium.l.extId);
    // Without externally_connectable a page has no channel to Readwell at all.
    expect(fromPage).toBe('no chrome.runtime.sendMessage in the page');
    await page.waitForTimeout(500);
    expect(await readOverlay(page)).toBeNull();
    await library.reload();
    await libraryShown();
    expect(await library.locator(byTestId('library-item')).count()).toBe(savedBefore);
    expect(await library.locator(byTestId('library-item-title')).allInnerTexts()).not.toContain('Forged');
    expect(await readwellWrites(page)).toEqual([]);
    await popup.close();
    await page.close();
  });
});
