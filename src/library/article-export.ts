// One saved article as a Markdown or standalone HTML file. The stored HTML is sanitized again on
// the way out (through the core, the only place markup becomes DOM, with links resolved against
// the article's own address), and the heading (title, byline, site and date, source address) is
// the core's, escaped exactly as the clipboard and the CLI escape it.
import { articlePage, headedMarkdown, sanitizeHtml, toMarkdown, type ArticleHeading } from '../core/index';
import type { ArticleRecord } from '../shared/article-record';
import { t } from '../shared/strings/t';

function heading(r: ArticleRecord): ArticleHeading {
  return { title: r.title.trim() || t('untitled'), byline: r.byline, details: [r.siteName, r.publishedTime?.slice(0, 10)].filter(Boolean).join(' · '), source: r.url };
}

export function articleMarkdown(r: ArticleRecord, doc: Document): string {
  return `${headedMarkdown(heading(r), toMarkdown(sanitizeHtml(r.html, doc, r.url)))}\n`;
}

const EXPORT_CSS = 'body{max-width:42em;margin:2em auto;padding:0 1em;font:18px/1.6 Georgia,serif;color:#1d1d1f}img{max-width:100%;height:auto}pre{overflow:auto}';

/** A standalone page: title, byline, source link, the article. No scripts, nothing remote but images. */
export function articleHtml(r: ArticleRecord, doc: Document): string {
  const box = doc.createElement('div');
  box.append(sanitizeHtml(r.html, doc, r.url));
  return articlePage({ heading: heading(r), html: box.innerHTML, lang: r.lang, dir: r.dir, css: EXPORT_CSS });
}
