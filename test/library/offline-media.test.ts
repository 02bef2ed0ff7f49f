// @vitest-environment jsdom
// The offline reader shows a saved article's pictures from the library's own copy, and nothing
// it shows loads from the network: with the original site gone every kept picture is there, and
// the site never learns the article was opened.
import { describe, expect, it } from 'vitest';
import { renderArticle } from '../../src/library/reader-view';
import { record } from './fixtures';

const URL_ = 'https://news.example/world/story.html';
const HTML = [
  '<figure><img src="https://cdn.example/ferry-800.jpg" srcset="https://cdn.example/ferry-400.jpg 400w, https://cdn.example/ferry-1600.jpg 1600w" sizes="100vw" alt="The ferry"><figcaption>The ferry at dawn</figcaption></figure>',
  '<p>Text between.</p>',
  '<picture><source srcset="https://cdn.example/map.avif" type="image/avif"><img src="https://cdn.example/map.png" alt="Map"></picture>',
  '<p><img src="https://tracker.example/pixel.gif" alt=""></p>',
  '<video src="https://cdn.example/clip.mp4" poster="https://cdn.example/clip.jpg" controls><track src="https://cdn.example/clip.vtt"></video>',
  '<audio src="https://cdn.example/talk.mp3" controls></audio>',
  '<svg viewBox="0 0 10 10"><image href="https://cdn.example/drawing.png" width="10" height="10"></image></svg>',
].join('');

/** Every address in the content that a browser would load by itself. */
function loads(root: ParentNode): string[] {
  return Array.from(root.querySelectorAll('*')).flatMap((el) =>
    ['src', 'srcset', 'poster', 'href', 'xlink:href'].flatMap((name) => {
      const v = el.getAttribute(name);
      if (v === null || (el.localName === 'a' && name === 'href')) return [];
      return [`${el.localName} ${name}=${v}`];
    }));
}

describe('offline reader media', () => {
  const kept = new Map([
    ['https://cdn.example/ferry-1600.jpg', 'blob:chrome-extension://id/ferry'],
    ['https://cdn.example/map.png', 'blob:chrome-extension://id/map'],
    ['https://cdn.example/clip.jpg', 'blob:chrome-extension://id/poster'],
    ['https://news.example/lead.jpg', 'blob:chrome-extension://id/lead'],
  ]);

  it('shows each kept picture from its stored copy and loads nothing else', () => {
    const { content } = renderArticle(document, record(1, { url: URL_, html: HTML, leadImage: 'https://news.example/lead.jpg' }), kept);
    const shown = Array.from(document.querySelectorAll('main img'), (img) => img.getAttribute('src'));
    expect(shown).toEqual(['blob:chrome-extension://id/lead', 'blob:chrome-extension://id/ferry', 'blob:chrome-extension://id/map', 'blob:chrome-extension://id/poster']);
    expect(loads(document.querySelector('main')!).filter((l) => !l.includes('=blob:'))).toEqual([]);
    // What the reader says in place of what it does not hold.
    expect(Array.from(content.querySelectorAll('[data-testid=missing-image]'), (e) => e.textContent)).toEqual(['Image not saved: no description']);
    expect(Array.from(content.querySelectorAll('.media-note a'), (a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Video or audio: play it on the original page', URL_],
      ['Video or audio: play it on the original page', URL_],
    ]);
    expect(content.querySelector('figcaption')!.textContent).toBe('The ferry at dawn');
    expect(content.querySelector('img')!.getAttribute('alt')).toBe('The ferry');
  });

  it('does not show the lead image twice when the article shows the same picture at another size', () => {
    const html = '<p><img src="https://news.example/lead.jpg?w=600" alt="Lead"></p><p>Words.</p>';
    renderArticle(document, record(2, { url: URL_, html, leadImage: 'https://news.example/lead.jpg' }), new Map([
      ['https://news.example/lead.jpg?w=600', 'blob:x/1'],
      ['https://news.example/lead.jpg', 'blob:x/2'],
    ]));
    expect(document.querySelector('[data-testid=reader-page-lead]')).toBeNull();
    expect(Array.from(document.querySelectorAll('main img'), (i) => i.getAttribute('src'))).toEqual(['blob:x/1']);
  });

  it('finds a kept picture whose address holds commas (image CDNs write sizes so), in src and in srcset alike', () => {
    const html = '<p><img srcset="https://img.example/w_400,h_300/boat.jpg 400w, https://img.example/w_1600,h_900/boat.jpg 1600w" alt="Boat"></p>';
    renderArticle(document, record(4, { url: URL_, html }), new Map([['https://img.example/w_1600,h_900/boat.jpg', 'blob:x/boat']]));
    expect(Array.from(document.querySelectorAll('main img'), (i) => i.getAttribute('src'))).toEqual(['blob:x/boat']);
  });

  it('an article saved before images were kept still reads, every picture named, nothing fetched', () => {
    const { content } = renderArticle(document, record(3, { url: URL_, html: HTML, leadImage: 'https://news.example/lead.jpg' }));
    expect(document.querySelector('main img')).toBeNull();
    expect(loads(document.querySelector('main')!)).toEqual([]);
    expect(Array.from(content.querySelectorAll('[data-testid=missing-image]'), (e) => e.textContent)).toEqual([
      'Image not saved: The ferry', 'Image not saved: Map', 'Image not saved: no description',
    ]);
    expect(content.textContent).toContain('Text between.');
  });
});
