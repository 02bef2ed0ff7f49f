// The library page's controller: wires the model to the markup. Renders at most `PAGE_SIZE`
// items at a time (10,000 list items would cost far more than the search that chose them). The
// list's buttons act through list-actions.ts; the import report's words are import-report.ts's;
// items are kept across renders by keyed-list.ts, search snippets and EPUB export have their own files.
import type { ArticleStore, LibraryChange } from '../platform/article-store';
import { exportFileName, articleFileName } from '../shared/library-export';
import { articleHtml, articleMarkdown } from './article-export';
import { downloadFile } from './downloads';
import { importReportContent } from './import-report';
import { LibraryModel, type ImportReport, type StorePort } from './library-model';
import { buildChrome, emptyText, safeItemElement, statusText, tagOptions, type Chrome } from './library-view';
import { listActionOf, type ListActionHost } from './list-actions';
import { Toast } from './toast';
import { KeyedList } from './keyed-list';
import { SearchSnippets } from './search-snippets';
import { EpubExport } from './epub-export';
import { t, tn } from '../shared/strings/t';

const PAGE_SIZE = 100;

export class LibraryPage implements ListActionHost {
  readonly model: LibraryModel;
  private ui: Chrome;
  private shown = PAGE_SIZE;
  private readonly toast: Toast;
  private readonly items: KeyedList;
  private readonly snippets: SearchSnippets;
  private readonly epub: EpubExport;

  constructor(
    private readonly doc: Document,
    private readonly store: StorePort & Partial<Pick<ArticleStore, 'subscribe'>>,
  ) {
    this.model = new LibraryModel(store);
    this.ui = buildChrome(doc);
    this.toast = new Toast(this.ui, doc.defaultView!);
    this.items = new KeyedList(this.ui.list, (s) => safeItemElement(doc, s));
    this.snippets = new SearchSnippets(doc, (id) => store.get(id));
    this.epub = new EpubExport(doc, this.ui.list, this.ui.exportEpub, (id) => store.get(id), (refs) => store.images(refs), (message) => this.toast.show(message, false));
    this.bind();
  }

  async start(): Promise<void> {
    this.ui.status.textContent = t('library_loading');
    // A change from another tab is read after it happened: if the library cannot be read by then
    // (closed for an update, or gone), say so rather than leave the rejection unheard.
    this.store.subscribe?.((change) => void this.onExternalChange(change).catch((e: unknown) => this.toast.show(e instanceof Error ? e.message : String(e), false)));
    await this.reload();
  }

  /** Shows the list as soon as records are loaded, and again once search covers all of them. */
  private async reload(): Promise<void> {
    const { indexed } = await this.model.load();
    this.render();
    await indexed;
    this.render();
  }

  private async onExternalChange(change: LibraryChange): Promise<void> {
    if ('all' in change) return this.reload();
    await this.model.refresh(change.ids);
    this.render();
  }

  render(): void {
    const { doc, ui, model } = this;
    tagOptions(doc, ui.tagFilter, model.tags(), model.tag);
    const visible = model.visible();
    const shown = visible.slice(0, this.shown);
    const els = this.items.show(shown);
    void this.snippets.show(shown.map((summary, i) => ({ summary, el: els[i]! })), model.query);
    this.epub.sync(els, (id) => model.get(id) !== undefined);
    const rest = visible.length - Math.min(this.shown, visible.length);
    ui.more.hidden = rest <= 0;
    ui.more.textContent = tn('library_more', Math.min(rest, PAGE_SIZE));
    ui.status.textContent = statusText(model, visible.length);
    ui.empty.hidden = visible.length > 0;
    ui.empty.textContent = emptyText(model.total);
  }

  private bind(): void {
    const { ui } = this;
    ui.search.addEventListener('input', () => {
      this.model.query = ui.search.value;
      this.shown = PAGE_SIZE;
      this.render();
    });
    ui.tagFilter.addEventListener('change', () => {
      this.model.tag = ui.tagFilter.value || null;
      this.shown = PAGE_SIZE;
      this.render();
    });
    ui.more.addEventListener('click', () => {
      this.shown += PAGE_SIZE;
      this.render();
    });
    ui.list.addEventListener('click', (e) => void this.onListClick(e));
    ui.list.addEventListener('keydown', (e) => void this.onListKey(e));
    ui.undo.addEventListener('click', () => void this.undo());
    ui.exportJson.addEventListener('click', () => void this.exportAll());
    ui.importInput.addEventListener('change', () => void this.importFile());
  }

  private itemEl(id: string): Element | undefined {
    return [...this.ui.list.querySelectorAll('[data-id]')].find((el) => el.getAttribute('data-id') === id);
  }

  private itemId(target: EventTarget | null): { id: string; el: Element } | null {
    const el = (target as Element | null)?.closest?.('[data-id]');
    const id = el?.getAttribute('data-id');
    return el && id ? { id, el } : null;
  }

  private async onListClick(e: Event): Promise<void> {
    const button = (e.target as Element | null)?.closest?.('button[data-action]');
    const item = this.itemId(button ?? null);
    const action = button ? listActionOf(button) : null;
    if (!button || !item || !action) return;
    await this.guard(() => action(this, { id: item.id, button }));
  }

  private async onListKey(e: KeyboardEvent): Promise<void> {
    const input = e.target as HTMLInputElement | null;
    if (e.key !== 'Enter' || input?.getAttribute('data-testid') !== 'library-tag-input') return;
    const item = this.itemId(input);
    const tag = input.value.trim();
    if (!item || !tag) return;
    e.preventDefault();
    await this.guard(async () => {
      await this.model.addTag(item.id, tag);
      this.render();
      // The tagged item was drawn again (keyed-list.ts): put the caret back where the user was typing.
      this.itemEl(item.id)?.querySelector<HTMLInputElement>('[data-testid=library-tag-input]')?.focus();
    });
  }

  async removeTag(id: string, tag: string): Promise<void> {
    await this.model.removeTag(id, tag);
    this.render();
  }

  async delete(id: string): Promise<void> {
    const deleted = await this.model.delete(id);
    this.render();
    if (!deleted) return;
    this.toast.show(t('library_deleted', deleted.title.trim() || t('untitled')), true);
    this.ui.undo.focus();
  }

  async undo(): Promise<void> {
    await this.guard(async () => {
      const restored = await this.model.undo();
      this.toast.hide();
      this.render();
      if (restored) this.itemEl(restored.id)?.querySelector<HTMLElement>('[data-testid=library-open]')?.focus();
    });
  }

  async exportOne(id: string, kind: 'md' | 'html'): Promise<void> {
    const record = await this.store.get(id);
    if (!record) throw new Error(t('store_gone'));
    const name = articleFileName(record.title, kind);
    if (kind === 'md') downloadFile(this.doc, name, articleMarkdown(record, this.doc), 'text/markdown;charset=utf-8');
    else downloadFile(this.doc, name, articleHtml(record, this.doc, await this.store.images(record.images)), 'text/html;charset=utf-8');
  }

  /** One EPUB of `ids` (an item's EPUB button; the header's button exports the ticked ones). */
  exportEpub(ids: readonly string[]): Promise<void> {
    return this.epub.export(ids);
  }

  async exportAll(): Promise<void> {
    await this.guard(async () => {
      const now = new Date();
      downloadFile(this.doc, exportFileName(now), await this.model.exportJson(now), 'application/json');
    });
  }

  private async importFile(): Promise<void> {
    const file = this.ui.importInput.files?.[0];
    if (!file) return;
    this.showReport({ ok: false, reason: t('library_importing', file.name) }, true);
    const report = await this.model.importJson(await file.text());
    this.ui.importInput.value = '';
    this.showReport(report);
    this.render();
  }

  showReport(report: ImportReport, pending = false): void {
    this.ui.report.replaceChildren(...importReportContent(this.doc, report, pending));
    this.ui.report.hidden = false;
  }

  /** Errors become a visible message rather than a silent failure. */
  private async guard(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (e) {
      this.toast.show(e instanceof Error ? e.message : String(e), false);
    }
  }
}
