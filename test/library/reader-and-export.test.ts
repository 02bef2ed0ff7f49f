// @vitest-environment jsdom
// The offline reader's rendering, reading position arithmetic, and one-article exports.
import { describe, expect, it, vi } from 'vitest';
import { articleHtml, articleMarkdown } from '../../src/library/article-export';
import { renderArticle } from '../../src/library/reader-view';
import { applySettings } from '../../src/library/reader-style';
import { progressOf, scrollTopFor, throttledSaver } from '../../src/shared/reading-position';
import { validateSettings } from '../../src/shared/settings';
import { record } from './fixtures';

const hostile = record(1, {
  title: '<b>Bold</b> & title',
  html: '<p>Safe text <img src="https://example.com/a.png" onerror="alert(1)"></p><script>alert(2)</script><iframe src="https://evil.example"></iframe><a href="javascript:alert(3)">link</a>',
  dir: 'rtl',
  lang: 'he',
});

describe('offline reader rendering', () => {
  it('sanitizes the stored HTML again at render time and shows metadata as text', () => {
    const { content } = renderArticle(document, hostile);
    expect(document.querySelector('[data-testid=reader-page-title]')!.textContent).toBe('<b>Bold</b> & title');
    expect(document.title).toBe('<b>Bold</b> & title');
    expect(content.textContent).toContain('Safe text');
    expect(document.querySelector('script, iframe, [onerror]')).toBeNull();
    expect(content.querySelector('a')!.hasAttribute('href')).toBe(false);
    const article = document.querySelector('article')!;
    expect([article.getAttribute('dir'), article.getAttribute('lang')]).toEqual(['rtl', 'he']);
  });

  it('shows a saved discussion as its posts, as the reader did, and an article not', () => {
    const posts = ['mira', 'hale'].map((who) => `<article><header><p><strong>${who}</strong> · <time>Oct 3, 2025</time></p></header><p>Post by ${who}.</p></article>`).join('');
    expect(renderArticle(document, record(2, { html: posts })).content.hasAttribute('data-thread')).toBe(true);
    expect(renderArticle(document, record(3)).content.hasAttribute('data-thread')).toBe(false);
  });

  it('applies validated reader settings as custom properties and a theme', () => {
    applySettings(document.documentElement, validateSettings({ theme: 'sepia', fontSize: 24, font: 'sans', align: 'justify', width: 'wide' }));
    const style = document.documentElement.style;
    expect(document.documentElement.dataset.theme).toBe('sepia');
    expect([style.getPropertyValue('--size'), style.getPropertyValue('--align'), style.getPropertyValue('--width')]).toEqual(['24px', 'justify', '68']);
    expect(style.getPropertyValue('--font')).toMatch(/system-ui/);
  });
});

describe('reading position', () => {
  it('turns scroll offsets into a 0..1 fraction and back', () => {
    expect(progressOf(0, 5000, 1000)).toBe(0);
    expect(progressOf(2000, 5000, 1000)).toBe(0.5);
    expect(progressOf(9000, 5000, 1000)).toBe(1);
    expect(progressOf(10, 500, 1000)).toBe(0);
    expect(scrollTopFor(0.5, 5000, 1000)).toBe(2000);
  });

  it('saves at most once per interval, the latest value, and once more on flush', () => {
    vi.useFakeTimers();
    const saved: number[] = [];
    const saver = throttledSaver((v) => saved.push(v), 1000, window);
    saver.push(0.1);
    saver.push(0.2);
    vi.advanceTimersByTime(999);
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(saved).toEqual([0.2]);
    saver.push(0.3);
    saver.flush();
    saver.flush();
    expect(saved).toEqual([0.2, 0.3]);
    vi.useRealTimers();
  });
});

describe('exporting one article', () => {
  it('as Markdown: title, byline, site and date, source, and the article, with no markup from the title', () => {
    const md = articleMarkdown(record(1, { title: 'A  *starred*\ntitle' }), document);
    expect(md).toBe('# A \\*starred\\* title\n\n*Ada Writer*\n\n*Example News · 2024-05-01*\n\n<https://example.com/story-1>\n\nParagraph about topic 1. The harbour crane lifted container number 1.\n\nSecond paragraph.\n');
  });

  it('as a standalone HTML page, sanitized again, with the title as text', () => {
    const html = articleHtml(hostile, document);
    expect(html.startsWith('<!doctype html>\n<html lang="he" dir="rtl">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    const page = new DOMParser().parseFromString(html, 'text/html');
    expect(page.querySelector('h1')!.textContent).toBe('<b>Bold</b> & title');
    expect(page.querySelector('article b')).toBeNull();
    expect(html).not.toMatch(/<script|onerror|<iframe|javascript:/i);
    expect(html).toContain('Safe text');
  });

  it('as HTML with the kept pictures written into the file, so it reads with the site gone; a picture not kept keeps its address', () => {
    const hash = 'c'.repeat(64);
    const bytes = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0]);
    const r = record(5, {
      html: '<p>Words.</p><picture><source srcset="https://img.example/a.avif"><img src="https://img.example/a.gif" srcset="https://img.example/a.gif 1x" alt="A"></picture><img src="https://img.example/b.gif" alt="B">',
      images: [{ url: 'https://img.example/a.gif', hash, type: 'image/gif', bytes: bytes.length }],
    });
    const page = new DOMParser().parseFromString(articleHtml(r, document, new Map([[hash, { hash, type: 'image/gif' as const, data: bytes.buffer }]])), 'text/html');
    expect([...page.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual(['data:image/gif;base64,R0lGODlhAQABAA==', 'https://img.example/b.gif']);
    expect(page.querySelector('source, img[srcset]')).toBeNull();
  });
});
