// One saved article as a Markdown or standalone HTML file. The stored HTML is sanitized again on
// the way out (through the core, the only place markup becomes DOM), and metadata is text.
import { sanitizeHtml, toMarkdown } from '../core/index';
import type { ArticleRecord } from '../shared/article-record';

function metaLine(r: ArticleRecord): string {
  return [r.byline, r.siteName, r.publishedTime?.slice(0, 10)].filter(Boolean).join(' · ');
}

export function articleMarkdown(r: ArticleRecord, doc: Document): string {
  const body = toMarkdown(sanitizeHtml(r.html, doc, r.url)).trim();
  const title = r.title.replace(/\s+/g, ' ').trim() || 'Untitled';
  const meta = metaLine(r);
  return [`# ${title}`, meta, `<${r.url}>`, body].filter(Boolean).join('\n\n') + '\n';
}

const EXPORT_CSS = 'body{max-width:42em;margin:2em auto;padding:0 1em;font:18px/1.6 Georgia,serif;color:#1d1d1f}img{max-width:100%;height:auto}pre{overflow:auto}';

/** A standalone page: title, byline, source link, the article. No scripts, nothing remote but images. */
export function articleHtml(r: ArticleRecord, doc: Document): string {
  const out = doc.implementation.createHTMLDocument(r.title || 'Untitled');
  const root = out.documentElement;
  if (r.lang) root.lang = r.lang;
  root.dir = r.dir;
  const charset = out.createElement('meta');
  charset.setAttribute('charset', 'utf-8');
  out.head.prepend(charset);
  const style = out.createElement('style');
  style.textContent = EXPORT_CSS;
  out.head.append(style);
  const article = out.createElement('article');
  const h1 = out.createElement('h1');
  h1.textContent = r.title;
  article.append(h1);
  const meta = metaLine(r);
  if (meta) {
    const p = out.createElement('p');
    p.textContent = meta;
    article.append(p);
  }
  const source = out.createElement('p');
  const link = out.createElement('a');
  link.href = r.url;
  link.textContent = r.url;
  source.append(link);
  article.append(source, out.importNode(sanitizeHtml(r.html, doc, r.url), true));
  out.body.append(article);
  return `<!doctype html>\n${root.outerHTML}\n`;
}
