// Turns an extracted article into each output format. The title leads every format; the text
// body is the core's, unchanged, so the CLI prints exactly what the extension shows.
import { toMarkdown, type Article } from '../core/index';
import type { OutputFormat } from './args';

export function render(article: Article, content: DocumentFragment, format: OutputFormat): string {
  switch (format) {
    case 'text':
      return [article.title, article.byline, '', article.text].filter((l) => l !== null).join('\n') + '\n';
    case 'markdown': {
      const byline = article.byline ? `\n\n*${escapeMarkdown(article.byline)}*` : '';
      return `# ${escapeMarkdown(article.title)}${byline}\n\n${toMarkdown(content)}\n`;
    }
    case 'html':
      return standalonePage(article);
    case 'json':
      return JSON.stringify({ ...article, markdown: toMarkdown(content) }, null, 2) + '\n';
  }
}

function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_[\]#<>])/g, '\\$1');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A complete, script-free page: the sanitized article under its title. */
function standalonePage(a: Article): string {
  const lang = a.lang ? ` lang="${escapeHtml(a.lang)}"` : '';
  const byline = a.byline ? `\n<p class="byline">${escapeHtml(a.byline)}</p>` : '';
  return `<!doctype html>
<html${lang} dir="${a.dir}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'">
<title>${escapeHtml(a.title)}</title>
</head>
<body>
<article>
<h1>${escapeHtml(a.title)}</h1>${byline}
${a.html}
</article>
</body>
</html>
`;
}
