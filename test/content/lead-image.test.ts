// The lead image in the reader's header (content/header.ts leadFigure): shown above the article
// unless the article already shows that picture, at whatever size the image host was asked for.
// A New Republic essay (trafilatura-eval p0320) declared its photo as og:image at 1024x512 and
// showed it again as the article's first image over http at another size: the reader had the
// same photo twice.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { leadFigure } from '../../src/content/header';
import { pictureKey } from '../../src/shared/saved-images';

const PAGE = 'https://magazine.example/article/1';
function lead(leadImage: string, contentHtml: string) {
  const doc = new JSDOM(`<body><div id="c">${contentHtml}</div></body>`, { url: PAGE }).window.document;
  return leadFigure(doc, { kind: 'article', title: 'T', leadImage }, doc.getElementById('c')!);
}

describe('the lead image', () => {
  it('is left out when the article shows the same picture at another size, scheme or host spelling', () => {
    const photo = 'https://images.magazine.example/52c430634631d9883c3ca579d5a7e8d143a0c5ce.jpeg';
    expect(lead(`${photo}?w=1024&h=512&crop=faces`, `<p>Text</p><img src="${photo.replace('https:', 'http:')}?w=640">`)).toBeNull();
    expect(lead('https://www.magazine.example/photos/bridge.jpg', '<img src="https://magazine.example/photos/bridge.jpg?itok=x1">')).toBeNull();
    // The article's picture offered at several sizes: any candidate counts.
    expect(lead('https://cdn.example/a/bridge.webp', '<picture><source srcset="https://cdn.example/a/bridge.webp?w=400 400w, https://cdn.example/a/bridge.webp?w=800 800w"><img src="/fallback.gif"></picture>')).toBeNull();
  });

  it('is shown when the article has other pictures, or one that only a query tells apart', () => {
    expect(lead('https://cdn.example/a/lead.jpg', '<img src="https://cdn.example/a/second.jpg">')?.querySelector('img')?.getAttribute('src')).toBe('https://cdn.example/a/lead.jpg');
    expect(lead('https://site.example/image.php?id=5', '<img src="https://site.example/image.php?id=6">')).not.toBeNull();
    expect(lead('https://site.example/image.php?id=5', '<img src="https://site.example/image.php?id=5">')).toBeNull();
  });

  it('is keyed by host and path, and by query only where the path names no picture', () => {
    expect(pictureKey('http://www.a.example/p/x.png?w=3', PAGE)).toBe('a.example/p/x.png');
    expect(pictureKey('/render?id=7', PAGE)).toBe('magazine.example/render?id=7');
    expect(pictureKey('http://[bad', PAGE)).toBeNull();
  });
});
