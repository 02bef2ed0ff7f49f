// Every small page of the hostile corpus through the core, in a window where the page's own
// scripts run (as in a browser): the outcome the manifest promises, no active markup in any output,
// nothing running while we extract, the page left untouched, and nothing running when the output
// is parsed again (the overlay, the offline reader, a paste of the copied HTML).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JSDOM } from 'jsdom';
import { extractArticle, toMarkdown, type ExtractResult } from '../../src/core/index';
import { FLAG, PAGES, activeMarkdown, activeMarkup, loadPage, norm, runsWhenParsed, textOfHtml, tick, unescapeMarkdown, urlOf, type PwnedWindow } from './corpus';

describe.each(PAGES.map((e) => [e.file, e] as const))('%s', (_name, e) => {
  let dom: JSDOM;
  let result: ExtractResult;
  let markdown = '';
  let before = '';
  let after = '';
  let mutations = 0;
  let flagDuringExtraction: unknown;
  let flagFromPageLoad: unknown;

  beforeAll(async () => {
    dom = loadPage(e, true);
    const win = dom.window as unknown as PwnedWindow;
    await tick(5); // let the page's own load-time events (details toggle, body onload) settle
    flagFromPageLoad = win[FLAG];
    win[FLAG] = undefined;
    const doc = win.document;
    before = doc.documentElement.outerHTML;
    const observer = new win.MutationObserver(() => {});
    observer.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
    result = extractArticle(doc, urlOf(e));
    await tick(10); // anything our copy queued (a toggle, an error event) would fire now
    mutations = observer.takeRecords().length;
    observer.disconnect();
    flagDuringExtraction = win[FLAG];
    after = doc.documentElement.outerHTML;
    if (result.ok) markdown = toMarkdown(result.content);
  });
  afterAll(() => dom.window.close());

  it(`ends as "${e.outcome}"`, () => {
    expect(result.ok ? 'article' : result.reason).toBe(e.outcome);
  });

  it('runs nothing and changes nothing on the page while extracting', () => {
    expect(flagDuringExtraction).toBeUndefined();
    expect(mutations).toBe(0);
    expect(after).toBe(before);
    // The script-elements page sets the flag itself when it loads (the page's doing, not ours);
    // every other page's payloads must need something our pipeline never does.
    if (e.pageSetsFlag) expect(flagFromPageLoad).toBe(e.flag);
  });

  it('has no active markup in its HTML, no script links or raw HTML in its Markdown', () => {
    if (!result.ok) return expect.unreachable(result.message);
    expect(activeMarkup(result.article.html)).toEqual([]);
    expect(activeMarkdown(markdown)).toEqual([]);
  });

  it('runs nothing when its HTML is parsed again in a scripted window and every event fires', async () => {
    if (!result.ok) return expect.unreachable(result.message);
    expect(await runsWhenParsed(result.article.html)).toBeUndefined();
  });

  it('keeps the article text and drops the bait, in text, Markdown and HTML', () => {
    if (!result.ok) return expect.unreachable(result.message);
    const outputs = { text: norm(result.article.text), markdown: norm(unescapeMarkdown(markdown)), html: norm(textOfHtml(result.article.html)) };
    for (const [format, out] of Object.entries(outputs)) {
      for (const s of e.present ?? []) expect(out, `${format} should contain "${s}"`).toContain(norm(s));
      for (const s of e.absent ?? []) expect(out, `${format} should not contain "${s}"`).not.toContain(s);
      for (const s of e.jsdomShows ?? []) expect(out, `${format}: jsdom cannot see this hiding (manifest says so)`).toContain(s);
    }
    for (const s of e.absent ?? []) expect(result.article.html).not.toContain(s);
  });

  it('gives ids a user-content- prefix and drops names, so the output cannot clobber the reader page', () => {
    if (!result.ok) return expect.unreachable(result.message);
    const ids = [...result.article.html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
    expect(ids.filter((id) => !id.startsWith('user-content-'))).toEqual([]);
    expect(result.article.html).not.toMatch(/\sname="(?!user-content-)/);
  });

  if (e.linksResolveTo) {
    it(`resolves links and images against the page, not a hostile <base>`, () => {
      if (!result.ok) return expect.unreachable(result.message);
      const urls = [...result.article.html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
      expect(urls.length).toBeGreaterThan(0);
      for (const u of urls) expect(u.startsWith(e.linksResolveTo!), u).toBe(true);
    });
  }
});
