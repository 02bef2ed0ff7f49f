// Markdown of a sanitized article with Turndown and its GFM plugin: ATX headings, fenced code
// with the language the code-language rule settled on, GFM tables (a table without a header row
// gets an empty one, since GFM requires it), images with alt text, absolute links, TeX for math
// that carries it. SVG has no Markdown form and carries no prose; it is dropped.
import TurndownService from 'turndown';
import { strikethrough, tables, taskListItems } from 'turndown-plugin-gfm';

let service: TurndownService | null = null;

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
  });
  td.use([tables, strikethrough, taskListItems]);
  td.remove(['svg' as keyof HTMLElementTagNameMap, 'script', 'style', 'noscript', 'template']);
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
      const body = content.replace(/^\n+/, '').replace(/\n+$/, '\n').replace(/\n(?=.)/g, `\n${' '.repeat(prefix.length)}`);
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
  service = td;
  return td;
}

/** Markdown of the article content. The input is cloned; it is never changed. */
export function toMarkdown(content: DocumentFragment | Element): string {
  const copy = content.cloneNode(true) as DocumentFragment | Element;
  giveTablesHeaderRows(copy);
  return turndown().turndown(copy as unknown as HTMLElement).replace(/\n{3,}/g, '\n\n').trim();
}

function giveTablesHeaderRows(root: DocumentFragment | Element): void {
  for (const table of Array.from(root.querySelectorAll('table'))) {
    const first = table.querySelector('tr');
    if (!first || table.querySelector('thead') || Array.from(first.children).every((c) => c.localName === 'th')) continue;
    const doc = table.ownerDocument;
    const header = doc.createElement('tr');
    const columns = Array.from(first.children).reduce((n, c) => n + Math.max(1, Number(c.getAttribute('colspan')) || 1), 0);
    for (let i = 0; i < columns; i++) header.appendChild(doc.createElement('th'));
    first.parentElement!.insertBefore(header, first);
  }
}
