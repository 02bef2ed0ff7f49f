// Generates the large benchmark page: a long article (well over 1 MB of HTML) inside the
// clutter real news pages carry: a sprite sheet, navigation, share bars with icon SVGs, tag
// lists, related teasers, comments and a footer. Deterministic, so runs compare.

const words = 'council harbour ferry route residents budget summer works plan town trade travel years bridge island market winter storm repairs engineers survey'.split(' ');

function sentence(i, n = 24) {
  const out = [];
  for (let k = 0; k < n; k++) out.push(words[(i * 7 + k * 3) % words.length]);
  out[0] = out[0][0].toUpperCase() + out[0].slice(1);
  return `${out.join(' ')}.`;
}

export function largeArticlePage(targetBytes = 1_200_000) {
  const sprite = Array.from({ length: 40 }, (_, i) => `<symbol id="icon-${i}" viewBox="0 0 24 24"><title>icon ${words[i % words.length]}</title><path d="M0 0h24v24H0z"/></symbol>`).join('');
  const share = `<div class="toolbar"><a href="https://www.facebook.com/sharer/sharer.php?u=x"><svg width="16" height="16"><use href="#icon-1"/></svg></a><a href="https://twitter.com/intent/tweet?url=x"><svg width="16" height="16"><use href="#icon-2"/></svg></a><button><span class="material-icons">bookmark_border</span></button></div>`;
  const parts = [];
  let size = 0;
  for (let i = 0; size < targetBytes; i++) {
    let block = `<p>${sentence(i)} ${sentence(i + 1)} ${sentence(i + 2)} <a href="/story/${i}">${sentence(i + 3, 4)}</a></p>\n`;
    if (i % 40 === 0) block = `<h2>${sentence(i, 5)}</h2>\n${share}\n${block}`;
    if (i % 55 === 0) block += `<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/${i}.jpg" alt="${sentence(i, 6)}"><figcaption><svg width="14" height="14"><title>icon camera</title><use href="#icon-3"/></svg> Photo ${i}</figcaption></figure>\n`;
    parts.push(block);
    size += block.length;
  }
  const teasers = Array.from({ length: 12 }, (_, i) => `<li><a href="/story/r${i}">${sentence(i, 8)}</a></li>`).join('');
  const comments = Array.from({ length: 30 }, (_, i) => `<li class="comment"><b>reader${i}</b><p>${sentence(i, 18)}</p></li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The long harbour report</title></head><body>
<svg style="position:absolute;width:0;height:0">${sprite}</svg>
<header><nav>${Array.from({ length: 30 }, (_, i) => `<a href="/s/${i}">Section ${i}</a>`).join(' ')}</nav></header>
<main><article><h1>The long harbour report</h1><p class="byline">By A. Writer</p>${share}
${parts.join('')}
<div class="tags"><a rel="tag" href="/tag/harbour">harbour</a> <a rel="tag" href="/tag/ferry">ferry</a></div>
<section><h2>Related stories</h2><ul>${teasers}</ul></section>
<section id="comments"><h2>${30} Comments</h2><ol>${comments}</ol></section>
</article></main><footer>${Array.from({ length: 40 }, (_, i) => `<a href="/f/${i}">Footer ${i}</a>`).join(' ')}</footer></body></html>`;
}
