// Clean content → what goes on the clipboard, in the three formats, through the core's own
// serializers and headings (the same ones the CLI and the library export use).
import { headedMarkdown, headedText, headingHtml, toMarkdown, toPlainText, wordStats, type ArticleHeading } from '../core/index';
import type { CopyFormat } from '../platform/messages';

export interface ClipboardPayload {
  /** text/plain: the plain text, or the Markdown source for the Markdown format. */
  plain: string;
  /** text/html, only for the HTML format. */
  html?: string;
  words: number;
}

/**
 * `heading` (title and byline) is given for whole articles, where it heads the copy as it does in
 * the CLI's output, and left out for selections.
 */
export function buildPayload(content: DocumentFragment, format: CopyFormat, heading: ArticleHeading = {}): ClipboardPayload {
  const text = toPlainText(content).trim();
  const words = wordStats(text).words;
  if (format === 'markdown') return { plain: headedMarkdown(heading, toMarkdown(content)), words };
  const plain = headedText(heading, text);
  if (format === 'text') return { plain, words };
  const box = content.ownerDocument.createElement('div');
  box.append(content.cloneNode(true));
  const head = headingHtml(heading);
  return { plain, html: head ? `${head}\n${box.innerHTML}` : box.innerHTML, words };
}
