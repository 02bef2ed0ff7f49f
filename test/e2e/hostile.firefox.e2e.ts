// The hostile corpus (test/fixtures/hostile, issue 5) in Firefox ESR, where it differs from
// Chromium exactly where the promises live: when handlers on an inert copy fire, how its parser
// nests SVG and MathML, focus and autofocus, and what extension pages allow. The same checks as
// hostile.chromium.e2e.ts: every script-execution and metadata page through the overlay, a save,
// the offline reader and a copy-paste of the HTML, with nothing running, no dialog and no
// navigation; the hidden text only a browser can see; huge and deep pages; messages from the page.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { bidiSend, clickPopup, ffScreenshot, launchFirefox, openPage, popupText, readClipboard, waitForLocation, type LaunchedFirefox } from './helpers/firefox.js';
import { cspReports, watchCspReports } from './helpers/firefox-chrome.js';
import { overlayCall, readOverlay, waitForOverlay } from './helpers/firefox-overlay.js';
import { activeMarkupFn, FLAG_WATCH_SCRIPT, hostileEntries, readwellWrites, serveHostile, settleAndArm, type HostileEntry } from './helpers/hostile.js';
import { startServer, type StaticServer } from './helpers/server.js';
import { until } from './helpers/wait.js';
// @ts-expect-error: a plain .mjs script without types; GENERATED maps a file name to a page builder
import { GENERATED as GENERATED_PAGES } from '../../scripts/make-hostile-pages.mjs';

const gen = (name: string): string => (GENERATED_PAGES as Record<string, () => string>)[name]!();

let server: StaticServer;
let ff: LaunchedFirefox;
let library: Page;
let paste: Page;
const dialogs: string[] = [];

/** Every tab the tests open reports its dialogs (none may appear), and dismisses them. */
function watchDialogs(page: Page): Page {
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()} (${page.url()})`);
    void d.dismiss().catch(() => {});
  });
  return page;
}

beforeAll(async () => {
  server = await startServer();
  ff = await launchFirefox();
  // The flag watch in every web page's main world before the page's own scripts (a BiDi preload
  // script; Playwright's addInitScript in Chromium); and, for the extension pages, Firefox's own
  // record of Content Security Policy reports (a handler or script that tried to run there).
  await bidiSend(ff.browser, 'script.addPreloadScript', { functionDeclaration: `() => { ${FLAG_WATCH_SCRIPT} }` });
  await watchCspReports(ff);
  library = watchDialogs(await ff.openExtensionPage('library.html'));
  paste = watchDialogs(await openPage(ff, server.e2e('hostile-paste.html')));
  await settleAndArm(paste);
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

const byTestId = (id: string) => `[data-testid="${id}"]`;
const norm = (s: string) => s.replace(/\s+/g, ' ');
const flagIn = (p: Page) => p.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
const extensionCsp = () => cspReports(ff, ff.base);
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
/**
 * Images under `selector` have loaded or failed, so an onerror/onload that survived would have
 * fired by now (a lazy image out of view never loads, so it fires nothing either).
 */
const SETTLED = "function(){return [...this.querySelectorAll('img')].every((i) => i.complete || i.loading === 'lazy')}";
const imagesSettled = (p: Page, selector: string) =>
  until('images to load or fail', () => p.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})].every((e) => (${SETTLED}).call(e))`));

/**
 * Pages whose defence is plain string work in the core, the same in every engine (host names of
 * embeds, JSON-LD parsing): jsdom and the Chromium run check them, and the Firefox run spends its
 * time on the pages whose attack depends on how the engine parses, nests, focuses, loads or
 * navigates.
 */
const ENGINE_INDEPENDENT = new Set(['pages/embed-lookalike.html', 'pages/metadata-jsonld.html']);
const RUNS_CODE = hostileEntries.filter((e) => (e.category === 'script-execution' || e.category === 'metadata') && !ENGINE_INDEPENDENT.has(e.file));

describe('nothing runs: script-execution and metadata pages through overlay, save, offline reader and copy-paste', () => {
  test('the flag watch sees a handler that runs after arming (the instrument works in Firefox)', async () => {
    const page = await openPage(ff, `${server.e2e('hostile-paste.html')}?control`);
    await settleAndArm(page);
    expect(await readwellWrites(page)).toEqual([]);
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.setAttribute('onerror', "window.__pwned='control'");
      img.src = 'data:,not-an-image';
      document.body.append(img);
    });
    await until('the control write', async () => (await readwellWrites(page)).length > 0);
    expect(await readwellWrites(page)).toEqual([expect.stringMatching(/^control via error on img/)]);
    await page.close();
  });

  test('the CSP watch sees an inline script refused in an extension page (the instrument works)', async () => {
    const probe = await ff.openExtensionPage('reader.html?csp-control');
    const before = (await extensionCsp()).length;
    await probe.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__pwned = "inline"';
      document.body.append(s);
    });
    await until('the CSP report', async () => (await extensionCsp()).length > before);
    expect(await flagIn(probe)).toBeUndefined();
    await probe.close();
  });

  test.each(RUNS_CODE.map((e) => [e.file, e] as const))('%s', async (_file, e: HostileEntry) => {
    const url = serveHostile(server, e);
    const page = watchDialogs(await ff.browser.newPage());
    const navigations: string[] = [];
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame() && f.url() !== url) navigations.push(f.url());
    });
    await page.goto(url);
    // A pending <meta refresh> is the page's own doing; cancel it so that any navigation seen
    // from here on could only come from reader view.
    await page.evaluate(() => window.stop());
    await settleAndArm(page);
    const dialogsBefore = dialogs.length;
    const cspBefore = (await extensionCsp()).length;

    const popup = watchDialogs(await ff.popupFor(page));
    await clickPopup(popup, 'popup-toggle');
    const view = await waitForOverlay(ff, page);
    const content = norm(view.text['reader-content'] ?? '');
    for (const s of e.present ?? []) expect(content).toContain(norm(s));
    const everything = Object.values(view.text).join('\n');
    for (const s of e.absent ?? []) expect(everything).not.toContain(s);
    expect(await overlayCall(ff, page, byTestId('reader-dialog'), activeMarkupFn(false))).toEqual([]);
    expect(await overlayCall(ff, page, byTestId('reader-content'), activeMarkupFn(true))).toEqual([]);
    const header = await overlayCall<{ elements: string[]; title: string; byline: string; meta: string }>(ff, page, 'header', `function () {
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
      const dir = await overlayCall<{ lang: string | null; dir: string | null }>(ff, page, 'article.page', 'function(){return {lang: this.getAttribute("lang"), dir: this.getAttribute("dir")}}');
      expect([null, 'ltr', 'rtl']).toContain(dir.dir);
      expect(dir.lang ?? '').toMatch(/^[A-Za-z0-9-]*$/);
    }
    // Images in the overlay have had their chance to fire anything the copy kept.
    await until('overlay images to settle', () => overlayCall<boolean>(ff, page, byTestId('reader-content'), SETTLED));
    if (e.file.endsWith('handlers-casing.html')) await ffScreenshot(page, 'firefox-hostile-handlers-casing');

    // Save, then copy the HTML, from the same popup.
    await clickPopup(popup, 'popup-save', /Saved “/);
    await clickPopup(popup, 'popup-copy-html', /Copied \d+ words as HTML/);

    // Paste into a rich-text editor (a real Ctrl+V), and also into a page that would use innerHTML.
    await paste.evaluate(() => document.querySelectorAll('#editor, #naive').forEach((d) => d.replaceChildren()));
    const html = (await readClipboard(paste))['text/html'] ?? '';
    expect(norm(html)).toContain(norm(e.present![0]!));
    await paste.click('#editor');
    await paste.keyboard.down('Control');
    await paste.keyboard.press('v');
    await paste.keyboard.up('Control');
    await until('the pasted article', async () => norm(await paste.$eval('#editor', (d) => (d as HTMLElement).innerText)).includes(norm(e.present![0]!)));
    await paste.evaluate((h) => (document.getElementById('naive')!.innerHTML = h), html);
    expect(await paste.evaluate(`(${activeMarkupFn(true)}).call(document.getElementById('naive'))`)).toEqual([]);
    await imagesSettled(paste, '#editor, #naive');
    expect(await readwellWrites(paste)).toEqual([]);
    expect(await flagIn(paste)).toBeUndefined();

    // The saved copy in the library and the offline reader.
    await library.evaluate(() => location.assign('library.html'));
    await waitForLocation(library, '/library.html');
    const first = await until('the saved article in the list', () => library.$(byTestId('library-open')).then((h) => h ?? undefined));
    expect(await first.evaluate((a) => a.children.length)).toBe(0); // the title is text
    if (e.metadata?.titleContains) expect(await first.evaluate((a) => (a as HTMLElement).innerText)).toContain(e.metadata.titleContains);
    await first.click();
    await waitForLocation(library, '/reader.html?id=');
    const savedText = norm(await until('the saved article', () => library.$eval(byTestId('reader-page-content'), (c) => (c as HTMLElement).innerText).catch(() => undefined)));
    for (const s of e.present ?? []) expect(savedText).toContain(norm(s));
    expect(await library.evaluate(() => [...document.querySelectorAll('a')].find((a) => a.textContent?.includes('Original'))?.getAttribute('href'))).toBe(url);
    expect(await library.evaluate(`(${activeMarkupFn(true)}).call(document.querySelector('[data-testid=reader-page-content]'))`)).toEqual([]);
    if (e.metadata?.titleContains) expect(await library.$eval(byTestId('reader-page-title'), (t) => (t as HTMLElement).innerText)).toContain(e.metadata.titleContains);
    await imagesSettled(library, byTestId('reader-page-content'));
    expect(await flagIn(library)).toBeUndefined();
    expect((await extensionCsp()).slice(cspBefore)).toEqual([]);

    // Close reader view from the popup; then: nothing ran, nothing navigated, no dialog.
    await clickPopup(popup, 'popup-toggle');
    await until('the overlay to close', async () => (await readOverlay(ff, page)) === null);
    expect(await readwellWrites(page)).toEqual([]);
    expect(dialogs.slice(dialogsBefore)).toEqual([]);
    expect(navigations).toEqual([]);
    expect(page.url()).toBe(url);
    await popup.close();
    await page.close();
  });
});

describe('hidden text a browser can see: not in the overlay', () => {
  test.each(hostileEntries.filter((e) => e.browserAbsent).map((e) => [e.file, e] as const))('%s', async (_file, e: HostileEntry) => {
    const page = await openPage(ff, serveHostile(server, e));
    const popup = await ff.popupFor(page);
    await clickPopup(popup, 'popup-toggle');
    const view = await waitForOverlay(ff, page);
    const content = norm(view.text['reader-content'] ?? '');
    for (const s of e.present ?? []) expect(content).toContain(norm(s));
    const everything = Object.values(view.text).join('\n');
    for (const s of e.browserAbsent ?? []) expect(everything.split('\n').filter((line) => line.includes(s)), s).toEqual([]);
    await page.bringToFront();
    await ffScreenshot(page, `firefox-hostile-${e.file.replace(/^.*\/|\.html$/g, '')}`);
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

function deepPage(depth: number): string {
  const p = (s: string) => `<p>${s} The harbour authority published its annual report on Monday, and the figures show that container traffic fell for the third year in a row, officials said.</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Port traffic falls again</title></head><body><main><article><h1>Port traffic falls again</h1>${p('One.')}${p('Two.')}<div id="deep"></div>${p('Four.')}</article></main>
<script>let n = document.getElementById('deep'); for (let i = 0; i < ${depth}; i++) { const d = document.createElement('div'); n.appendChild(d); n = d; } n.innerHTML = ${JSON.stringify(p('Three, deep inside.'))};</script></body></html>`;
}

describe('size and shape: the tab never freezes for long, and the user is told', () => {
  const TOO_LARGE = /too large or complex/i;
  const cases: [string, () => string, RegExp][] = [
    ['generated/elements-200k.html (200,000 elements)', () => gen('elements-200k.html'), TOO_LARGE],
    ['generated/article-5mb.html (a 5 MB article)', () => gen('article-5mb.html'), TOO_LARGE],
    // Built by a page script, as parsers cap nesting; well over the core's depth budget (256).
    ['nesting 1,500 deep (built by a page script)', () => deepPage(1_500), TOO_LARGE],
    ['generated/no-article.html', () => gen('no-article.html'), /No article found/],
    ['generated/section-front.html (teaser cards only)', () => gen('section-front.html'), /No article found/],
  ];
  test.each(cases)('%s', async (name, make, message) => {
    const url = server.addPage(`/generated/${name.replace(/\W+/g, '-')}.html`, make());
    const page = await ff.browser.newPage();
    await page.goto(url, { timeout: 30_000 });
    const popup = await ff.popupFor(page);
    await popup.bringToFront();
    await popup.click(byTestId('popup-toggle'));
    const said = async () => message.test((await popupText(popup).catch(() => '')) ?? '');
    expect(await longestFreeze(page, said)).toBeLessThan(5_000);
    const view = await readOverlay(ff, page);
    if (view) {
      expect(view.text['reader-message']).toMatch(message);
      expect(view.text['reader-content']).toBeUndefined();
    }
    await popup.close();
    await page.close();
  });

  test('saving the 5 MB article fails with the plain message and stores nothing', async () => {
    const page = await ff.browser.newPage();
    await page.goto(server.addPage('/generated/save-article-5mb.html', gen('article-5mb.html')), { timeout: 30_000 });
    const countItems = async () => (await inLibraryTitles()).length;
    const before = await countItems();
    const popup = await ff.popupFor(page);
    await clickPopup(popup, 'popup-save', TOO_LARGE, 30_000);
    expect(await countItems()).toBe(before);
    await popup.close();
    await page.close();
  });
});

describe('messages from the page change nothing', () => {
  test('window.postMessage with Readwell-shaped requests, custom events and a 5 MB junk message open and save nothing; the page has no extension API', async () => {
    const e = hostileEntries.find((x) => x.file.endsWith('/forms.html'))!;
    const page = await openPage(ff, `${serveHostile(server, e)}?messages`);
    await page.evaluate(() => window.stop());
    await settleAndArm(page);
    // Have the content script live in the tab (open and close reader view once), so its
    // listener is there to be fooled.
    const popup = await ff.popupFor(page);
    await clickPopup(popup, 'popup-toggle');
    await waitForOverlay(ff, page);
    await clickPopup(popup, 'popup-toggle');
    await until('the overlay to close', async () => (await readOverlay(ff, page)) === null);
    const savedBefore = await inLibraryTitles();

    const fromPage = await page.evaluate(() => {
      const draft = { url: 'https://evil.test/', canonicalUrl: null, title: 'Forged', byline: null, siteName: null, publishedTime: null, lang: 'en', dir: 'ltr',
        excerpt: null, html: '<img src=x onerror="window.__pwned=1">', text: 'Forged', wordCount: 1, readingMinutes: 1, leadImage: null };
      const messages = [{ type: 'reader-toggle', allowSelection: true }, { type: 'toggle-reader', tabId: 1 }, { type: 'save-draft', draft },
        { type: 'save-tab', tabId: 1 }, { type: 'reader-copy', format: 'html' }, { type: 'x'.repeat(5_000_000) }];
      for (const m of messages) {
        window.postMessage(m, '*');
        window.postMessage(JSON.stringify(m), '*');
        document.dispatchEvent(new CustomEvent('readwell', { detail: m }));
      }
      const w = window as unknown as { browser?: { runtime?: unknown }; chrome?: { runtime?: unknown } };
      return [typeof w.browser?.runtime, typeof w.chrome?.runtime];
    });
    // Firefox gives pages neither `browser` nor `chrome`: no channel to Readwell at all.
    expect(fromPage).toEqual(['undefined', 'undefined']);
    // The page's messages are delivered in order before this one: once it arrives, they all have.
    await page.evaluate(() => new Promise((done) => {
      addEventListener('message', function last(ev) { if (ev.data === 'readwell-test-last') { removeEventListener('message', last); done(null); } });
      postMessage('readwell-test-last', '*');
    }));
    expect(await readOverlay(ff, page)).toBeNull();
    expect(await inLibraryTitles()).toEqual(savedBefore);
    expect(await readwellWrites(page)).toEqual([]);
    await popup.close();
    await page.close();
  });
});

async function inLibraryTitles(): Promise<string[]> {
  await library.evaluate(() => location.assign('library.html'));
  await waitForLocation(library, '/library.html');
  await until('the list', () => library.$(`${byTestId('library-item')}, ${byTestId('library-empty')}:not([hidden])`).then((h) => h ?? undefined));
  return library.$$eval(byTestId('library-item-title'), (els) => els.map((t) => (t as HTMLElement).innerText));
}
