// One saved article as a Markdown or standalone HTML file. The stored HTML is sanitized again on
// the way out (through the core, the only place markup becomes DOM, with links resolved against
// the article's own address), and the heading (title, byline, site and date, source address) is
// the core's, escaped exactly as the clipboard and the CLI escape it.
import { articlePage, headedMarkdown, sanitizeHtml, toMarkdown, type ArticleHeading } from '../core/index';
import type { ArticleRecord } from '../shared/article-record';
import { addressesOf, toBase64, type StoredImage } from '../shared/saved-images';
import { t } from '../shared/strings/t';

/** A document that loads nothing, for the article while a file is written: an export fetches nothing. */
const inert = (doc: Document) => doc.implementation.createHTMLDocument('');

function heading(r: ArticleRecord): ArticleHeading {
  return { title: r.title.trim() || t('untitled'), byline: r.byline, details: [r.siteName, r.publishedTime?.slice(0, 10)].filter(Boolean).join(' · '), source: r.url };
}

/** The highlights as a Markdown section: each passage quoted, its note below it. Text is escaped the way the article's is (through Turndown). */
function highlightsMarkdown(r: ArticleRecord, doc: Document): string {
  if (!r.highlights.length) return '';
  const asText = (text: string) => {
    const p = doc.createElement('p');
    p.textContent = text;
    const box = doc.createDocumentFragment();
    box.append(p);
    return toMarkdown(box);
  };
  const items = r.highlights.map((hl) => {
    const quote = asText(hl.quote).split('\n').map((line) => `> ${line}`.trimEnd()).join('\n');
    // A note's own line breaks stay breaks (two spaces at a line's end, in Markdown).
    const note = hl.note ? `\n\n${t('export_note', hl.note.split('\n').map(asText).filter(Boolean).join('  \n'))}` : '';
    return `${quote}${note}`;
  });
  return `\n\n## ${t('export_highlights')}\n\n${items.join('\n\n')}`;
}

export function articleMarkdown(r: ArticleRecord, doc: Document): string {
  return `${headedMarkdown(heading(r), toMarkdown(sanitizeHtml(r.html, doc, r.url, { owner: inert(doc) })))}${highlightsMarkdown(r, doc)}\n`;
}

const EXPORT_CSS = 'body{max-width:42em;margin:2em auto;padding:0 1em;font:18px/1.6 Georgia,serif;color:#1d1d1f}img{max-width:100%;height:auto}pre{overflow:auto}';

/**
 * A standalone page: title, byline, source link, the article. No scripts. The pictures the
 * library kept (`images`, by hash) are written into the file as data: addresses, so it reads
 * offline and opening it tells no site anything; only pictures not kept still point at their site.
 */
export function articleHtml(r: ArticleRecord, doc: Document, images: ReadonlyMap<string, StoredImage> = new Map()): string {
  const owner = inert(doc);
  const box = owner.createElement('div');
  box.append(sanitizeHtml(r.html, doc, r.url, { owner }));
  const inline = new Map(r.images.flatMap((ref) => {
    const image = images.get(ref.hash);
    return image ? [[ref.url, `data:${image.type};base64,${toBase64(image.data)}`] as const] : [];
  }));
  for (const img of Array.from(box.querySelectorAll('img'))) {
    const data = addressesOf(img).map((u) => inline.get(u)).find((d) => d !== undefined);
    if (!data) continue;
    img.setAttribute('src', data);
    img.removeAttribute('srcset');
    img.removeAttribute('sizes');
    // A <picture>'s sources would win over the <img> in a browser: the kept picture is the one shown.
    if (img.parentElement?.localName === 'picture') for (const source of Array.from(img.parentElement.querySelectorAll('source'))) source.remove();
  }
  return articlePage({ heading: heading(r), html: box.innerHTML, lang: r.lang, dir: r.dir, css: EXPORT_CSS });
}
