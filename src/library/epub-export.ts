// The library's EPUB export: one article (its item's "EPUB" button, an entry of list-actions.ts
// that calls export()), and the list's checkboxes with "Export selected (EPUB)" for a chosen set
// (this class's own listeners: a checkbox is not an action button). The page calls sync() after
// each render.
import { articleFileName } from '../shared/library-export';
import type { ArticleRecord } from '../shared/article-record';
import type { ImageRef, StoredImage } from '../shared/saved-images';
import { t, tn } from '../shared/strings/t';
import { downloadFile } from './downloads';
import { buildEpub } from './epub';

const SELECT = '[data-testid=library-select]';

export class EpubExport {
  /** Ticked articles, by id; kept across renders, searches and filters until exported or deleted. */
  readonly selected = new Set<string>();

  constructor(
    private readonly doc: Document,
    list: HTMLElement,
    private readonly button: HTMLButtonElement,
    private readonly load: (id: string) => Promise<ArticleRecord | null>,
    private readonly loadImages: (refs: readonly ImageRef[]) => Promise<Map<string, StoredImage>>,
    private readonly say: (message: string) => void,
  ) {
    list.addEventListener('change', (e) => {
      const box = (e.target as Element | null)?.closest?.(SELECT) as HTMLInputElement | null;
      const id = box?.closest('[data-id]')?.getAttribute('data-id');
      if (!box || !id) return;
      if (box.checked) this.selected.add(id);
      else this.selected.delete(id);
      this.showCount();
    });
    button.addEventListener('click', () => void this.export([...this.selected]));
  }

  /** After a render: rebuilt items tick their box again, and deleted articles leave the selection. */
  sync(items: readonly HTMLElement[], exists: (id: string) => boolean): void {
    for (const id of this.selected) if (!exists(id)) this.selected.delete(id);
    for (const item of items) {
      const box = item.querySelector<HTMLInputElement>(SELECT);
      const id = item.getAttribute('data-id');
      if (box && id) box.checked = this.selected.has(id);
    }
    this.showCount();
  }

  private showCount(): void {
    const n = this.selected.size;
    this.button.disabled = n === 0;
    this.button.textContent = n ? tn('library_export_count', n) : t('library_export_selected');
  }

  /** One book of `ids`, newest first; says what was exported, or why not. */
  async export(ids: readonly string[]): Promise<void> {
    try {
      const found = (await Promise.all(ids.map((id) => this.load(id)))).filter((r): r is ArticleRecord => !!r);
      if (!found.length) throw new Error(t('epub_gone'));
      found.sort((a, b) => b.savedAt - a.savedAt || (a.id < b.id ? 1 : -1));
      const now = new Date();
      const name = found.length === 1 ? articleFileName(found[0]!.title, 'epub') : `readwell-articles-${now.toISOString().slice(0, 10)}.epub`;
      const images = await this.loadImages(found.flatMap((r) => r.images));
      const book = buildEpub(found, this.doc, { now, images });
      downloadFile(this.doc, name, book.bytes, 'application/epub+zip');
      const gone = ids.length - found.length;
      const exported = gone ? tn('epub_exported_some', found.length, gone) : tn('epub_exported', found.length);
      this.say(book.mediaLeftOut ? `${exported} ${tn('epub_media_linked', book.mediaLeftOut)}` : exported);
    } catch (e) {
      this.say(e instanceof Error ? e.message : String(e));
    }
  }
}
