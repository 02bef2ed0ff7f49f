// Clean content → what goes on the clipboard, in the three formats, through the core's own
// serializers (the same ones the CLI and the library export use).
import { toMarkdown, toPlainText, wordStats } from '../core/index';
import type { CopyFormat } from '../platform/messages';

export interface ClipboardPayload {
  /** text/plain: the plain text, or the Markdown source for the Markdown format. */
  plain: string;
  /** text/html, only for the HTML format. */
  html?: string;
  words: number;
}

/** `title` is given for whole articles (it heads the copy) and left out for selections. */
export function buildPayload(content: DocumentFragment, format: CopyFormat, title?: string): ClipboardPayload {
  const text = toPlainText(content).trim();
  const words = wordStats(text).words;
  if (format === 'markdown') return { plain: (title ? `# ${title}\n\n` : '') + toMarkdown(content), words };
  const plain = (title ? `${title}\n\n` : '') + text;
  if (format === 'text') return { plain, words };
  const doc = content.ownerDocument;
  const box = doc.createElement('div');
  if (title) box.append(Object.assign(doc.createElement('h1'), { textContent: title }));
  box.append(content.cloneNode(true));
  return { plain, html: box.innerHTML, words };
}

const FORMAT_NAMES: Record<CopyFormat, string> = { text: 'text', markdown: 'Markdown', html: 'HTML' };

/** The confirmation: "Copied 1,204 words as Markdown". */
export function copiedMessage(words: number, format: CopyFormat, fromSelection: boolean): string {
  const n = new Intl.NumberFormat('en').format(words);
  return `Copied ${n} ${words === 1 ? 'word' : 'words'}${fromSelection ? ' of the selection' : ''} as ${FORMAT_NAMES[format]}`;
}
