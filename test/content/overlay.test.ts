import { describe, expect, it, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import { openOverlay, type OverlayHandlers } from '../../src/content/overlay';
import type { ReaderView } from '../../src/content/header';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';

const PAGE = `<!doctype html><html lang="en"><head><title>Page</title></head><body class="b">
  <header><a href="/" id="home">Home</a><input id="q" value="x"></header>
  <main><p>First paragraph of the page.</p><p>Second.</p></main></body></html>`;

function setup(html = PAGE) {
  const dom = new JSDOM(html, { url: 'https://news.example/story', pretendToBeVisual: true });
  const doc = dom.window.document;
  return { dom, doc };
}

function handlers(): OverlayHandlers {
  return { change: vi.fn(), copy: vi.fn(), save: vi.fn(), close: vi.fn(), key: vi.fn() };
}

function articleView(doc: Document, over: Partial<ReaderView> = {}): ReaderView {
  const inert = doc.implementation.createHTMLDocument('');
  const content = inert.createDocumentFragment();
  const p = inert.createElement('p');
  p.textContent = 'Clean article text.';
  const a = inert.createElement('a');
  a.setAttribute('href', '#user-content-fn1');
  a.textContent = '1';
  const note = inert.createElement('p');
  note.id = 'user-content-fn1';
  note.textContent = 'The note.';
  content.append(p, a, note);
  return { kind: 'article', title: 'A story', byline: 'By Someone', siteName: 'News', publishedTime: '2024-03-05T10:00:00Z', readingMinutes: 4, content, ...over };
}

describe('overlay', () => {
  it('leaves the page exactly as it was: body, <html> attributes, focus', () => {
    const { doc } = setup();
    const input = doc.getElementById('q') as HTMLInputElement;
    input.focus();
    const body = doc.body.outerHTML;
    const htmlAttrs = doc.documentElement.getAttributeNames().map((n) => [n, doc.documentElement.getAttribute(n)]);
    const overlay = openOverlay(doc, articleView(doc), DEFAULT_SETTINGS, handlers());
    // The host hangs off <html>, not <body>; the body only gains `inert` while the reader is open.
    expect(doc.body.outerHTML).toBe(body.replace('<body class="b">', '<body class="b" inert="">'));
    expect(doc.documentElement.style.overflow).toBe('hidden');
    expect(doc.activeElement).not.toBe(input);
    overlay.close();
    expect(doc.body.outerHTML).toBe(body);
    expect(doc.documentElement.getAttributeNames().map((n) => [n, doc.documentElement.getAttribute(n)])).toEqual(htmlAttrs);
    expect(doc.documentElement.outerHTML).not.toContain('div');
    expect(doc.activeElement).toBe(input);
  });

  it('says so above the list when the page had no article and the reader shows its list of links', () => {
    const { doc } = setup();
    const list = openOverlay(doc, articleView(doc, { listItems: 12 }), DEFAULT_SETTINGS, handlers());
    const note = list.root.querySelector('[data-testid="reader-list-note"]');
    expect(note?.textContent).toBe('No article here: this page is a list of 12 links.');
    expect(list.root.querySelector('[data-testid="reader-content"]')!.hasAttribute('data-list')).toBe(true);
    expect(list.root.querySelector('[data-testid="reader-meta"]')?.textContent).not.toMatch(/min read/);
    list.close();
    // An article has no such line.
    const article = openOverlay(doc, articleView(doc), DEFAULT_SETTINGS, handlers());
    expect(article.root.querySelector('[data-testid="reader-list-note"]')).toBeNull();
    expect(article.root.querySelector('[data-testid="reader-content"]')!.hasAttribute('data-list')).toBe(false);
    article.close();
  });

  it('shows a discussion as its posts: a note with how many, and the accepted answer marked', () => {
    const { doc } = setup();
    const inert = doc.implementation.createHTMLDocument('');
    const content = inert.createDocumentFragment();
    for (const [author, text] of [['mira', 'Why does my pan rust?'], ['hale', 'Dry it on the burner.'], ['quill', 'Store it somewhere dry.']]) {
      const post = inert.createElement('article');
      post.innerHTML = `<header><p><strong>${author}</strong> · <time>Oct 3, 2025</time></p></header><p>${text}</p>`;
      content.append(post);
    }
    const thread = openOverlay(doc, articleView(doc, { content, threadPosts: 3, acceptedPost: 1 }), DEFAULT_SETTINGS, handlers());
    expect(thread.root.querySelector('[data-testid="reader-thread-note"]')?.textContent).toBe('A discussion: 3 posts.');
    const shown = thread.root.querySelector('[data-testid="reader-content"]')!;
    expect(shown.hasAttribute('data-thread')).toBe(true);
    const accepted = shown.querySelectorAll('[data-accepted]');
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.querySelector('header')!.textContent).toBe('Accepted answerhale · Oct 3, 2025');
    thread.close();
    // An article is not a thread.
    const article = openOverlay(doc, articleView(doc), DEFAULT_SETTINGS, handlers());
    expect(article.root.querySelector('[data-testid="reader-thread-note"]')).toBeNull();
    expect(article.root.querySelector('[data-testid="reader-content"]')!.hasAttribute('data-thread')).toBe(false);
    article.close();
  });

  it('restores a style attribute on <html> byte for byte', () => {
    const { doc } = setup(PAGE.replace('<html lang="en">', '<html lang="en" style="color:  red;--x:1">'));
    const overlay = openOverlay(doc, articleView(doc), DEFAULT_SETTINGS, handlers());
    overlay.close();
    expect(doc.documentElement.getAttribute('style')).toBe('color:  red;--x:1');
  });

  it('is a labelled modal dialog in a closed shadow root, with the article imported', () => {
    const { doc } = setup();
    const view = articleView(doc);
    const overlay = openOverlay(doc, view, DEFAULT_SETTINGS, handlers());
    const host = doc.documentElement.lastElementChild as HTMLElement;
    expect(host.localName).toBe('div');
    expect(host.shadowRoot).toBeNull(); // closed
    const q = (id: string) => overlay.root.querySelector(`[data-testid="${id}"]`);
    const dialog = q('reader-dialog')!;
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(overlay.root.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe('A story');
    expect(q('reader-byline')?.textContent).toBe('By Someone');
    expect(q('reader-meta')?.textContent).toMatch(/^News · .*2024 · 4 min read$/);
    expect(q('reader-content')?.textContent).toContain('Clean article text.');
    expect(q('reader-content')!.ownerDocument).toBe(doc);
    expect(view.content!.childNodes.length).toBe(3); // imported, not moved
    for (const id of ['reader-toolbar', 'reader-close', 'reader-toast', 'setting-theme', 'setting-font', 'setting-font-size-up', 'setting-font-size-down', 'setting-line-height', 'setting-width', 'setting-letter-spacing', 'setting-align']) {
      expect(q(id), id).not.toBeNull();
    }
    expect(overlay.root.activeElement).toBe(dialog);
    overlay.close();
  });

  it('applies settings live and lays out RTL articles right to left', () => {
    const { doc } = setup();
    const overlay = openOverlay(doc, articleView(doc, { dir: 'rtl', lang: 'ar' }), DEFAULT_SETTINGS, handlers());
    const dialog = overlay.root.querySelector<HTMLElement>('[data-testid="reader-dialog"]')!;
    overlay.applySettings({ ...DEFAULT_SETTINGS, theme: 'sepia', fontSize: 30 });
    expect(dialog.dataset.theme).toBe('sepia');
    expect(dialog.style.getPropertyValue('--size')).toBe('30px');
    expect(overlay.root.querySelector<HTMLSelectElement>('[data-testid="setting-theme"]')!.value).toBe('sepia');
    expect(overlay.root.querySelector('article')!.getAttribute('dir')).toBe('rtl');
    overlay.close();
  });

  it('ignores synthetic (untrusted) keys and clicks', () => {
    const { doc, dom } = setup();
    const on = handlers();
    const overlay = openOverlay(doc, articleView(doc), DEFAULT_SETTINGS, on);
    const dialog = overlay.root.querySelector('[data-testid="reader-dialog"]')!;
    dialog.dispatchEvent(new dom.window.KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    overlay.root.querySelector<HTMLElement>('[data-testid="reader-close"]')!.click();
    expect(on.key).not.toHaveBeenCalled();
    expect(on.close).not.toHaveBeenCalled();
    overlay.close();
  });

  it('shows a message with only a close button when there is no article', () => {
    const { doc } = setup();
    const overlay = openOverlay(doc, { kind: 'message', title: 'Readwell', message: 'No article found on this page.' }, DEFAULT_SETTINGS, handlers());
    expect(overlay.root.querySelector('[data-testid="reader-message"]')!.textContent).toBe('No article found on this page.');
    expect(overlay.root.querySelector('[data-testid="reader-close"]')).not.toBeNull();
    expect(overlay.root.querySelector('[data-testid="setting-theme"]')).toBeNull();
    overlay.close();
  });

  it('shows a toast', () => {
    const { doc } = setup();
    const overlay = openOverlay(doc, articleView(doc), DEFAULT_SETTINGS, handlers());
    overlay.toast('Copied 3 words as text');
    const toast = overlay.root.querySelector<HTMLElement>('[data-testid="reader-toast"]')!;
    expect(toast.hidden).toBe(false);
    expect(toast.textContent).toBe('Copied 3 words as text');
    overlay.close();
  });
});
