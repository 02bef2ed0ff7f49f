// What the popup and the reader say after a copy or a save: one sentence each, so the two places
// that confirm the same action use the same words.
import { t, tn, type PlainKey } from './strings/t';

export type CopyFormat = 'text' | 'markdown' | 'html';

const FORMAT_NAMES = { text: 'format_text', markdown: 'format_markdown', html: 'format_html' } as const satisfies Record<CopyFormat, PlainKey>;

/** "Copied 1,204 words as Markdown", or "… of the selection as …". */
export function copiedText(words: number, format: CopyFormat, fromSelection: boolean): string {
  return tn(fromSelection ? 'copied_selection' : 'copied', words, t(FORMAT_NAMES[format]));
}

/** "Saved “Title” to your library.", or "Updated …" when that page was saved before; then how many images it could not keep. */
export function savedText(result: { title: string; updated: boolean; imagesSkipped?: number }): string {
  const saved = t(result.updated ? 'saved_again' : 'saved', result.title);
  return result.imagesSkipped ? `${saved} ${tn('saved_images_skipped', result.imagesSkipped)}` : saved;
}
