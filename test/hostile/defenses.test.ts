// The defenses one at a time: the test harness itself (it must see an attack when there is one),
// the inert copy (design step 2: handlers gone before anything touches the copy), DOM clobbering
// of the page and of its forms (browsers expose `<img name=x>` as document.x; jsdom does not, so
// it is simulated the way browsers do it: an own property that shadows the prototype), the
// sanitizer failing closed, and metadata as plain text.
import { afterEach, describe, expect, it } from 'vitest';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle, toMarkdown } from '../../src/core/index';
import { makeInertCopy } from '../../src/core/inert-copy';
import { sanitizeArticle } from '../../src/core/sanitize';
import { cleanText } from '../../src/core/metadata';
import { FLAG, PAGES, activeMarkdown, activeMarkup, activeMarkupIn, entry, fireEverything, isScriptScheme, loadPage, norm, runsWhenParsed, tick, urlOf, type PwnedWindow } from './corpus';

const SCRIPT_PAGES = PAGES.filter((e) => e.category === 'script-execution');
const opened: JSDOM[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.window.close();
});
function open(name: string, scripts = false): JSDOM {
  const dom = loadPage(entry(name), scripts);
  opened.push(dom);
  return dom;
}

describe('the harness sees an attack when there is one', () => {
  it('flags a handler that survives into parsed output', async () => {
    expect(await runsWhenParsed(`<p>text <img src="x" onerror="window.${FLAG}='control'"></p>`)).toBe('control');
    expect(await runsWhenParsed(`<details ontoggle="window.${FLAG}='control-2'">x</details>`)).toBe('control-2');
  });
  it('flags the raw pages: every script-execution page is active markup before Readwell', () => {
    for (const e of SCRIPT_PAGES) expect(activeMarkupIn(open(e.file.slice(6, -5)).window.document), e.file).not.toEqual([]);
  });
  it('flags script links and raw HTML in Markdown', () => {
    expect(activeMarkdown('[x](javascript:alert(1))')).toHaveLength(1);
    expect(activeMarkdown('[x]( JaVaScript:alert(1))')).toHaveLength(1);
    expect(activeMarkdown('text <img src=x onerror=alert(1)> more')).toHaveLength(1);
    expect(activeMarkdown('`<img src=x onerror=alert(1)>` in code is fine')).toEqual([]);
    expect(activeMarkdown('escaped \\[x\\](javascript:alert(1)) and \\<img src=x\\> are text')).toEqual([]);
  });
  it('knows obfuscated script schemes', () => {
    for (const u of ['javascript:x', ' JaVaScRiPt:x', 'java\tscript:x', '\u0001javascript:x', 'vbscript:x', 'data:text/html,x']) expect(isScriptScheme(u), u).toBe(true);
    expect(isScriptScheme('https://example.com/javascript:x')).toBe(false);
  });
});

describe('the inert copy (design step 2)', () => {
  it.each(SCRIPT_PAGES.map((e) => [e.file, e] as const))('%s: no handler, srcdoc, formaction, script URL or active element survives the copy', (_f, e) => {
    const dom = open(e.file.slice(6, -5));
    const { doc: copy } = makeInertCopy(dom.window.document, false);
    const problems = activeMarkupIn(copy).filter((p) => !/^<(?:form|input|button|select|textarea|style|template|noscript|title|meta|link|base|use|foreignobject|xmp|noembed)>$|\[style\]|\[action\]/.test(p));
    // Only JSON-LD scripts stay (Readability reads metadata from them).
    for (const s of Array.from(copy.querySelectorAll('script'))) expect(s.getAttribute('type')).toBe('application/ld+json');
    expect(problems.filter((p) => p !== '<script>')).toEqual([]);
    expect(copy.querySelector('meta[http-equiv="refresh" i]')).toBeNull();
  });

  it('nothing in the copy runs even when its elements are adopted into the scripted page (a plain clone would run)', async () => {
    const dom = open('handlers-casing', true);
    const win = dom.window as unknown as PwnedWindow;
    await tick(5);
    win[FLAG] = undefined;
    const live = win.document;
    const adoptAll = (doc: Document) => {
      const holder = live.createElement('div');
      for (const el of Array.from(doc.body.children)) holder.appendChild(live.importNode(el, true));
      return holder;
    };
    // Detached but owned by the scripted document: handlers fire on dispatch, as in Chromium.
    const inert = adoptAll(makeInertCopy(live, false).doc);
    for (const el of Array.from(inert.querySelectorAll('*'))) for (const t of ['error', 'load', 'toggle', 'click', 'mouseover', 'focus', 'pointerenter', 'focusin', 'animationstart', 'loadstart']) el.dispatchEvent(new win.Event(t));
    await tick(5);
    expect(win[FLAG]).toBeUndefined();
    // Control: the same with a plain cloneNode runs the page's payload.
    const raw = adoptAll(live.cloneNode(true) as Document);
    for (const el of Array.from(raw.querySelectorAll('*'))) for (const t of ['error', 'toggle']) el.dispatchEvent(new win.Event(t));
    await tick(5);
    expect(win[FLAG]).toBe('handlers-casing');
  });
});

/** Browsers' named properties: `<img name=x>` shadows document.x, a form control shadows form.x. */
function simulateNamedProperties(doc: Document, { includeDefaultView }: { includeDefaultView: boolean }): string[] {
  const shadowed: string[] = [];
  const define = (target: object, name: string, value: Element) => {
    if (!name || (!includeDefaultView && name === 'defaultView')) return;
    Object.defineProperty(target, name, { value, configurable: true });
    shadowed.push(name);
  };
  const named = Array.from(doc.querySelectorAll('img[name], form[name], embed[name], object[name], iframe[name], object[id]'));
  const forms = Array.from(doc.querySelectorAll('form'));
  for (const el of named) define(doc, el.getAttribute('name') ?? el.getAttribute('id')!, el);
  for (const form of forms) {
    for (const control of Array.from(form.querySelectorAll('input, button, select, textarea, fieldset, output, object, img'))) {
      define(form, control.getAttribute('name') ?? control.getAttribute('id') ?? '', control);
    }
  }
  return shadowed;
}

describe('DOM clobbering of the page and its forms', () => {
  it.each(['clobber-document', 'clobber-form'])('%s: extraction succeeds, stays sanitized and keeps the article with names shadowing DOM properties', async (name) => {
    const e = entry(name);
    const dom = open(name);
    const doc = dom.window.document;
    const shadowed = simulateNamedProperties(doc, { includeDefaultView: false });
    expect(shadowed.length).toBeGreaterThan(8);
    expect(typeof (doc as unknown as Record<string, unknown>).cloneNode === 'function' && name === 'clobber-document').toBe(false);
    const result = extractArticle(doc, urlOf(e));
    if (!result.ok) return expect.unreachable(result.message);
    expect(activeMarkup(result.article.html)).toEqual([]);
    for (const s of e.present ?? []) expect(norm(result.article.text)).toContain(s);
    expect(result.article.html).not.toMatch(/<form|<input|\sname=/);
  });

  it('a page that shadows document.defaultView still gets its article, sanitized', () => {
    const e = entry('clobber-document');
    const doc = open('clobber-document').window.document;
    const img = doc.querySelector('img')!;
    simulateNamedProperties(doc, { includeDefaultView: true });
    expect((doc as unknown as Record<string, unknown>).defaultView).toBeInstanceOf(img.constructor);
    // extract.ts reads defaultView through the prototype (fromPrototype), so the clobbering name
    // never reaches the sanitizer: extraction succeeds, and the sanitizer's fail-closed error
    // (the next test) is not what this page gets.
    const r = extractArticle(doc, urlOf(e));
    if (!r.ok) return expect.unreachable(r.message);
    expect(activeMarkup(r.article.html)).toEqual([]);
    for (const s of e.present ?? []) expect(norm(r.article.text)).toContain(s);
  });

  it('the sanitizer refuses to run without a real window instead of returning its input', () => {
    const doc = new JSDOM('<p>x<img src=x onerror=alert(1)></p>').window.document;
    const p = doc.querySelector('p')!;
    expect(() => sanitizeArticle(p, doc.querySelector('img') as unknown as Window)).toThrow(/sanitizer/i);
  });
});

describe('metadata is plain, validated text', () => {
  const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
  /**
   * Each metadata page's time and lead image as they must come out: a date with markup around it
   * still yields its date, a page with none gives none, and none of them offers an image.
   */
  const PUBLISHED: Record<string, string | null> = {
    'pages/metadata-markup.html': '2025-01-01T00:00:00.000Z',
    'pages/metadata-bidi-lang.html': null,
    'pages/metadata-jsonld.html': '2025-03-04T10:00:00.000Z',
  };
  it.each(PAGES.filter((e) => e.metadata).map((e) => [e.file, e] as const))('%s', (_f, e) => {
    const dom = open(e.file.slice(6, -5));
    const r = extractArticle(dom.window.document, urlOf(e));
    if (!r.ok) return expect.unreachable(r.message);
    const a = r.article;
    const m = e.metadata!;
    if (m.titleContains) expect(a.title).toContain(m.titleContains);
    if (m.bylineContains) expect(a.byline).toContain(m.bylineContains);
    if (m.excerptContains) expect(a.excerpt).toContain(m.excerptContains);
    if (m.siteNameContains) expect(a.siteName).toContain(m.siteNameContains);
    expect(e.file in PUBLISHED, `${e.file}: add its expected time to PUBLISHED`).toBe(true);
    expect(a.publishedTime).toBe(PUBLISHED[e.file]);
    for (const v of [a.title, a.byline, a.siteName, a.excerpt]) {
      if (v === null) continue;
      expect(v).not.toMatch(BIDI);
      expect(v).not.toMatch(/[\u0000-\u001f\u007f]/);
      expect(v).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    }
    if (a.lang !== null) expect(a.lang).toMatch(/^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i);
    expect(['ltr', 'rtl']).toContain(a.dir);
    expect(a.canonicalUrl).toBe(urlOf(e));
    expect(a.leadImage).toBeNull();
    // The Markdown of the body never carries the metadata markup as HTML either.
    expect(activeMarkdown(toMarkdown(r.content))).toEqual([]);
  });

  it('cuts long titles between characters, never inside an emoji', () => {
    const title = `${'a'.repeat(298)}👩‍👩‍👧 and more`;
    const cut = cleanText(title, 300)!;
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

it('the scripted window in these tests really runs page scripts (so "nothing ran" means something)', async () => {
  const dom = new JSDOM(`<script>window.${FLAG}='alive'</script>`, { runScripts: 'dangerously', virtualConsole: new VirtualConsole() });
  opened.push(dom);
  expect(await fireEverything(dom.window as unknown as PwnedWindow)).toBe('alive');
});
