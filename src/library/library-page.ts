// The library page's controller: wires the model to the markup. Renders at most `pageSize`
// items at a time (10,000 list items would cost far more than the search that chose them).
import type { ArticleStore, LibraryChange } from '../platform/article-store';
import { exportFileName, articleFileName } from '../shared/library-export';
import { describeInvalid } from '../shared/library-import';
import { articleHtml, articleMarkdown } from './article-export';
import { downloadFile } from './downloads';
import { h } from './dom';
import { LibraryModel, type ImportReport, type StorePort } from './library-model';
import { buildChrome, safeItemElement, tagOptions, type Chrome } from './library-view';
import { KeyedList } from './keyed-list';
import { SearchSnippets } from './search-snippets';
import { EpubExport } from './epub-export';

const PAGE_SIZE = 100;
const UNDO_MS = 20_000;

export class LibraryPage {
  readonly model: LibraryModel;
  private ui: Chrome;
  private shown = PAGE_SIZE;
  private toastTimer = 0;
  private items: KeyedList;
  private snippets: SearchSnippets;
  private epub: EpubExport;

  constructor(
    private readonly doc: Document,
    private readonly store: StorePort & Partial<Pick<ArticleStore, 'subscribe'>>,
  ) {
    this.model = new LibraryModel(store);
    this.ui = buildChrome(doc);
    this.items = new KeyedList(this.ui.list, (s) => safeItemElement(doc, s));
    this.snippets = new SearchSnippets(doc, (id) => store.get(id));
    this.epub = new EpubExport(doc, this.ui.list, this.ui.exportEpub, (id) => store.get(id), (message) => this.showToast(message, false));
    this.bind();
  }

  async start(): Promise<void> {
    this.ui.status.textContent = 'Loading…';
    this.store.subscribe?.((change) => void this.onExternalChange(change));
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
    ui.more.textContent = `Show ${Math.min(rest, PAGE_SIZE)} more`;
    const filtered = model.query.trim() !== '' || model.tag !== null;
    ui.status.textContent = filtered ? `${visible.length} of ${count(model.total)} match` : count(model.total);
    if (filtered && model.indexing) ui.status.textContent += ` · still indexing ${model.pending.toLocaleString()} articles…`;
    if (model.unreadable) ui.status.textContent += ` · ${model.unreadable} stored entries could not be read`;
    ui.empty.hidden = visible.length > 0;
    ui.empty.textContent = model.total === 0
      ? 'No saved articles yet. Use Save in the Readwell popup, the page menu, or press s in reader view.'
      : 'No saved article matches this search.';
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
    if (!button || !item) return;
    const action = button.getAttribute('data-action');
    await this.guard(async () => {
      if (action === 'delete') await this.delete(item.id);
      else if (action === 'remove-tag') {
        await this.model.removeTag(item.id, button.getAttribute('data-tag') ?? '');
        this.render();
      } else if (action === 'export-md' || action === 'export-html') await this.exportOne(item.id, action === 'export-md' ? 'md' : 'html');
    });
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
      // The list was rebuilt: put the caret back where the user was typing.
      this.itemEl(item.id)?.querySelector<HTMLInputElement>('[data-testid=library-tag-input]')?.focus();
    });
  }

  async delete(id: string): Promise<void> {
    const deleted = await this.model.delete(id);
    this.render();
    if (!deleted) return;
    this.showToast(`Deleted “${deleted.title.trim() || 'Untitled'}”.`);
    this.ui.undo.focus();
  }

  async undo(): Promise<void> {
    await this.guard(async () => {
      const restored = await this.model.undo();
      this.hideToast();
      this.render();
      if (restored) this.itemEl(restored.id)?.querySelector<HTMLElement>('[data-testid=library-open]')?.focus();
    });
  }

  private showToast(text: string, withUndo = true): void {
    const view = this.doc.defaultView!;
    this.ui.toastText.textContent = text;
    this.ui.undo.hidden = !withUndo;
    this.ui.toast.hidden = false;
    view.clearTimeout(this.toastTimer);
    this.toastTimer = view.setTimeout(() => this.hideToast(), UNDO_MS);
  }

  private hideToast(): void {
    this.ui.toast.hidden = true;
  }

  private async exportOne(id: string, kind: 'md' | 'html'): Promise<void> {
    const record = await this.store.get(id);
    if (!record) throw new Error('That article is no longer in the library.');
    const name = articleFileName(record.title, kind);
    if (kind === 'md') downloadFile(this.doc, name, articleMarkdown(record, this.doc), 'text/markdown;charset=utf-8');
    else downloadFile(this.doc, name, articleHtml(record, this.doc), 'text/html;charset=utf-8');
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
    this.showReport({ ok: false, reason: `Importing ${file.name}…` }, true);
    const report = await this.model.importJson(await file.text());
    this.ui.importInput.value = '';
    this.showReport(report);
    this.render();
  }

  showReport(report: ImportReport, pending = false): void {
    const { doc } = this;
    const lines: (string | Node)[] = [];
    if (report.ok) {
      const { added, merged, unchanged } = report.outcome;
      const merges = merged + report.mergedInFile;
      lines.push(`Imported: ${added} new, ${merges} merged with a copy already saved, ${unchanged} already up to date.`);
    } else lines.push(pending ? report.reason : `Nothing was imported: ${report.reason}`);
    const invalid = report.invalid ?? [];
    if (invalid.length) {
      lines.push(` ${invalid.length} ${invalid.length === 1 ? 'entry was' : 'entries were'} skipped:`);
      lines.push(h(doc, 'ul', {}, invalid.slice(0, 50).map((i) => h(doc, 'li', {}, [describeInvalid(i)]))));
      if (invalid.length > 50) lines.push(`…and ${invalid.length - 50} more.`);
    }
    this.ui.report.replaceChildren(...lines);
    this.ui.report.hidden = false;
  }

  /** Errors become a visible message rather than a silent failure. */
  private async guard(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (e) {
      this.showToast(e instanceof Error ? e.message : String(e), false);
    }
  }
}

function count(n: number): string {
  return `${n.toLocaleString()} ${n === 1 ? 'article' : 'articles'}`;
}
