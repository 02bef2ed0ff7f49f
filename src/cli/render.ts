// Turns an extracted article into each output format. The title leads every format; the text
// body is the core's, unchanged, so the CLI prints exactly what the extension shows. Headings and
// the standalone page come from the core, escaped the same way for the clipboard and the library.
import { articlePage, headedMarkdown, headedText, toMarkdown, type Article } from '../core/index';
import type { OutputFormat } from './args';

export function render(article: Article, content: DocumentFragment, format: OutputFormat): string {
  switch (format) {
    case 'text':
      return `${headedText(article, article.text)}\n`;
    case 'markdown':
      return `${headedMarkdown(article, toMarkdown(content))}\n`;
    case 'html':
      return articlePage({ heading: article, html: article.html, lang: article.lang, dir: article.dir });
    case 'json': {
      // The removals hold the clutter itself ("icon bookmark icon camera…"); they are a
      // diagnostic, shown with --explain, not part of the article.
      const { removals: _removals, ...rest } = article;
      return JSON.stringify({ ...rest, markdown: toMarkdown(content) }, null, 2) + '\n';
    }
  }
}

/**
 * One line per removed element: rule, element, and the start of its text; and, when the second
 * candidate replaced Readability's choice, a first line saying so and why.
 */
export function explainRemovals(article: Article, choice?: { source: string; why: string | null }): string {
  const chosen = choice?.source === 'prose-candidate' ? `Content: the block with the most prose, not Readability's choice (${choice.why ?? 'no reason recorded'}).\n`
    : choice?.source === 'main-region' ? `Content: the page's main region, all its sections (${choice.why ?? 'a page of sections'}).\n`
    : choice?.source === 'section-run' ? `Content: the page's run of like sections, all of them (${choice.why ?? 'a page of sections'}).\n`
    : choice?.source === 'listing' ? `Content: the page's list of links (${choice.why ?? 'no article'}).\n`
    : choice?.source === 'thread' ? `Content: the thread's posts, one after another (${choice.why ?? 'a discussion'}).\n` : '';
  if (article.removals.length === 0) return `${chosen}No elements were removed.\n`;
  const width = Math.max(...article.removals.map((r) => r.rule.length));
  const lines = article.removals.map((r) => `${r.rule.padEnd(width)}  ${r.selector}${r.text ? `  "${r.text}"` : ''}`);
  return `${chosen}Removed ${article.removals.length} elements:\n${lines.join('\n')}\n`;
}
