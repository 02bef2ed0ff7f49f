// Markdown of a sanitized article with Turndown and its GFM plugin: ATX headings, fenced code
// with the language the code-language rule settled on, GFM tables (markdown-tables.ts gives each
// the shape the plugin reads), images with alt text, absolute links, TeX for math that carries it.
// SVG has no Markdown form and carries no prose; it is dropped. No output holds raw HTML: text
// that looks like a tag is escaped, and nothing is ever kept as HTML.
import TurndownService from 'turndown';
import { strikethrough, tables, taskListItems } from 'turndown-plugin-gfm';
import { normalizeTables } from './markdown-tables';

let service: TurndownService | null = null;
/** The article's Markdown, handed out by the root rule below (see toMarkdown). */
let captured: string | null = null;

function turndown(): TurndownService {
  if (service) return service;
  const td = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    fence: '```',
    bulletListMarker: '-',
    emDelimiter: '*',
    strongDelimiter: '**',
    linkStyle: 'inlined',
    hr: '---',
    // Turndown writes an element it was told to keep (the GFM plugin keeps tables it cannot
    // convert) as its outerHTML; its text is what a Markdown file may hold.
    keepReplacement: (content, node) => ((node as { isBlock?: boolean }).isBlock ? `\n\n${content}\n\n` : content),
  });
  td.use([tables, strikethrough, taskListItems]);
  // `<` in text starts a tag or an autolink when the Markdown is rendered (Turndown escapes only
  // Markdown's own syntax); code is not passed through escape and keeps its `<`.
  const escapeSyntax = td.escape.bind(td);
  td.escape = (text: string) => escapeSyntax(text).replace(/</g, '\\<');
  // Ruby readings (<rt>, <rp>) have no Markdown form: inline they would repeat each word.
  td.remove(['svg' as keyof HTMLElementTagNameMap, 'rt', 'rp', 'script', 'style', 'noscript', 'template']);
  td.addRule('fencedCodeWithLanguage', {
    filter: (node) => node.nodeName === 'PRE',
    replacement: (_content, node) => {
      const el = node as HTMLElement;
      const code = el.querySelector('code');
      const lang = /language-([\w#+.-]+)/.exec(code?.getAttribute('class') ?? '')?.[1] ?? '';
      const text = (code ?? el).textContent ?? '';
      // A fence longer than any run of backticks inside the code.
      const longest = Math.max(2, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
      const fence = '`'.repeat(longest + 1);
      return `\n\n${fence}${lang}\n${text.replace(/\n$/, '')}\n${fence}\n\n`;
    },
  });
  // "- item" and "1. item" with continuation lines indented to the text, the form people type,
  // rather than Turndown's default of padding every marker to four columns.
  td.addRule('compactListItem', {
    filter: 'li',
    replacement: (content, node) => {
      const el = node as HTMLElement;
      const parent = el.parentElement;
      let marker = '-';
      if (parent?.localName === 'ol') {
        const start = Number(parent.getAttribute('start')) || 1;
        marker = `${start + Array.prototype.indexOf.call(parent.children, el)}.`;
      }
      const prefix = `${marker} `;
      // `(?<!\n)` lets the trailing-newline match start only where a run of newlines begins;
      // `\n+$` alone retried from every newline of a long run inside the item (quadratic).
      const body = content.replace(/^\n+/, '').replace(/(?<!\n)\n+$/, '\n').replace(/\n(?=.)/g, `\n${' '.repeat(prefix.length)}`);
      return prefix + body.replace(/\n$/, '') + (el.nextElementSibling ? '\n' : '');
    },
  });
  // A table's caption is its title: a paragraph of its own above the table (GFM has no caption,
  // and a caption glued to the header row would break the table).
  td.addRule('tableCaption', {
    filter: 'caption',
    replacement: (content) => `\n\n${content.trim()}\n\n`,
  });
  td.addRule('mathAsTex', {
    filter: (node) => node.nodeName.toLowerCase() === 'math',
    replacement: (content, node) => {
      const tex = (node as Element).querySelector('annotation[encoding="application/x-tex"]')?.textContent?.trim();
      const display = (node as Element).getAttribute('display') === 'block';
      if (!tex) return content;
      return display ? `\n\n$$${tex}$$\n\n` : `$${tex}$`;
    },
  });
  // The article sits in one wrapper under Turndown's root; this rule hands its Markdown out and
  // leaves Turndown's own end-trim (`/[\t\r\n\s]+$/` over the whole output) an empty string:
  // that trim retries from every character of a whitespace run, so a run of 150,000 blank code
  // lines or no-break spaces took minutes. toMarkdown trims with String.prototype.trim instead.
  td.addRule('readwellRoot', {
    filter: (node) => node.parentNode !== null && node.parentNode.parentNode === null,
    replacement: (content) => {
      captured = content;
      return '';
    },
  });
  service = td;
  return td;
}

/** Markdown of the article content. The input is cloned; it is never changed. */
export function toMarkdown(content: DocumentFragment | Element): string {
  const td = turndown();
  const doc = content.ownerDocument!;
  const article = doc.createElement('div');
  article.append(content.cloneNode(true));
  normalizeTables(article);
  const root = doc.createElement('div');
  root.append(article);
  captured = null;
  td.turndown(root);
  const markdown = captured ?? ''; // a blank article never reaches the root rule
  captured = null;
  // No blank-line collapse afterwards: Turndown already joins blocks with at most one blank line,
  // so the only longer runs are the blank lines of code blocks, which are the code's own.
  return markdown.trim();
}
