// Turns an extracted article into each output format. The title leads every format; the text
// body is the core's, unchanged, so the CLI prints exactly what the extension shows.
import { headedMarkdown, headedText, toMarkdown, type Article } from '../core/index';
import type { OutputFormat } from './args';

export function render(article: Article, content: DocumentFragment, format: OutputFormat): string {
  switch (format) {
    case 'text':
      return `${headedText(article, article.text)}\n`;
    case 'markdown':
      return `${headedMarkdown(article, toMarkdown(content))}\n`;
    case 'html':
      return standalonePage(article);
    case 'json': {
      // The removals hold the clutter itself ("icon bookmark icon camera…"); they are a
      // diagnostic, shown with --explain, not part of the article.
      const { removals: _removals, ...rest } = article;
      return JSON.stringify({ ...rest, markdown: toMarkdown(content) }, null, 2) + '\n';
    }
  }
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

/** One line per removed element: rule, element, and the start of its text. */
export function explainRemovals(article: Article): string {
  if (article.removals.length === 0) return 'No elements were removed.\n';
  const width = Math.max(...article.removals.map((r) => r.rule.length));
  const lines = article.removals.map((r) => `${r.rule.padEnd(width)}  ${r.selector}${r.text ? `  "${r.text}"` : ''}`);
  return `Removed ${article.removals.length} elements:\n${lines.join('\n')}\n`;
}
