// Highlights and notes, in the offline reader and in the reader overlay on a page (issue 11,
// item 4). Select words in the article and a small bar offers four colours and "Add a note" (or
// press `h`: yellow). A highlight is a
// <mark> over its words; click it (or Enter on it) to change its colour, write or change its
// note, or remove it. Every change is written to the library at once (ArticleStore
// setHighlights), and the highlights are anchored by their words and context
// (shared/highlight-anchor.ts), so they are found again on every opening of the article. One the
// current copy no longer holds (the page was saved again and changed) stays stored, and the page
// says how many are not shown. The two places differ only in their HighlightSurface: where
// events and the selection are read (the document, or the overlay's closed shadow root) and the
// positioned element the bar and editor are placed in.
import type { ArticleRecord } from './article-record';
import { anchorOf, locate, unwrap, wrapRange } from './highlight-anchor';
import { cleanNote, HIGHLIGHT_COLORS, HIGHLIGHT_LIMITS, type Highlight, type HighlightColor } from './highlights';
import { t, tn, type PlainKey } from './strings/t';

type Attrs = Record<string, string | number | null | undefined>;

/** An element of the bar or the editor: attributes set as given (null and undefined skipped), text as text nodes. */
function h<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Attrs = {}, children: (Node | string | null)[] = []): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== null && value !== undefined) el.setAttribute(name, String(value));
  for (const child of children) if (child !== null) el.append(child);
  return el;
}

export interface HighlightStore {
  setHighlights(id: string, highlights: readonly Highlight[]): Promise<unknown>;
}

export interface HighlightSurface {
  doc: Document;
  /** Where mouse and key events are listened for: the document, or the overlay's shadow root. */
  events: Document | ShadowRoot;
  /** A positioned element the bar and the editor go in (placed in its coordinates, so they scroll with it). */
  layer: HTMLElement;
  /** The user's selection, when it lies inside the article. */
  selection(): AbstractRange | null;
  clearSelection(): void;
}

/** The offline reader's surface: the page itself. */
export function pageSurface(doc: Document): HighlightSurface {
  return {
    doc,
    events: doc,
    layer: doc.body,
    selection: () => {
      const sel = doc.getSelection();
      return sel && !sel.isCollapsed && sel.rangeCount ? sel.getRangeAt(0) : null;
    },
    clearSelection: () => doc.getSelection()?.removeAllRanges(),
  };
}

const COLOR_NAMES = { yellow: 'highlight_yellow', green: 'highlight_green', blue: 'highlight_blue', pink: 'highlight_pink' } as const satisfies Record<HighlightColor, PlainKey>;

export interface Highlighting {
  /** The highlights as stored now. */
  list(): Highlight[];
  /** Highlights the current selection in `color` (what the bar's buttons and `h` do); false when nothing is selected in the article. */
  highlightSelection(color: HighlightColor, withNote?: boolean): Promise<boolean>;
  /** Opens the editor of one highlight (what a click on its words does). */
  edit(id: string): void;
  /** Closes the editor, or else hides the bar: true when either was showing (Esc in the overlay closes it before the reader). */
  dismiss(): boolean;
  /** Takes the bar, the editor and the document's listeners away (the overlay closed). */
  stop(): void;
}

/**
 * Paints `record`'s highlights on `content` (the rendered article) and wires the bar and the
 * editor. `say` shows a line to the user (a failed write, highlights not shown).
 */
export function enableHighlights(surface: HighlightSurface, content: HTMLElement, record: Pick<ArticleRecord, 'id' | 'highlights'>, store: HighlightStore, say: (message: string) => void): Highlighting {
  const { doc, events, layer } = surface;
  let current = [...record.highlights];
  const marks = new Map<string, HTMLElement[]>();

  const markFor = (hl: Highlight) => () =>
    h(doc, 'mark', { class: 'hl', 'data-color': hl.color, 'data-highlight-id': hl.id, 'data-note': hl.note ? '' : null, title: hl.note || null, tabindex: 0, 'data-testid': 'highlight' });

  function paint(hl: Highlight): boolean {
    const range = locate(content, hl);
    if (!range) return false;
    marks.set(hl.id, wrapRange(range, markFor(hl)));
    return true;
  }

  function restyle(hl: Highlight): void {
    for (const m of marks.get(hl.id) ?? []) {
      m.setAttribute('data-color', hl.color);
      if (hl.note) {
        m.setAttribute('data-note', '');
        m.title = hl.note;
      } else {
        m.removeAttribute('data-note');
        m.removeAttribute('title');
      }
    }
  }

  const unplaced = current.filter((hl) => !paint(hl)).length;
  if (unplaced) say(tn('highlight_unplaced', unplaced));

  /** Writes `next`; on failure the page goes back to what is stored and says why. */
  async function commit(next: Highlight[], undo: () => void): Promise<boolean> {
    try {
      await store.setHighlights(record.id, next);
      current = next;
      return true;
    } catch (e) {
      undo();
      say(e instanceof Error ? e.message : String(e));
      return false;
    }
  }

  // The bar shown over a selection.
  const swatches = (onPick: (c: HighlightColor) => void, pressed?: HighlightColor) =>
    HIGHLIGHT_COLORS.map((c) => {
      const b = h(doc, 'button', { type: 'button', class: 'hl-swatch', 'data-color': c, 'aria-label': t('highlight_in', t(COLOR_NAMES[c])), 'aria-pressed': pressed ? String(pressed === c) : null, 'data-testid': `highlight-${c}` });
      // mousedown would take the selection away before the click sees it.
      b.addEventListener('mousedown', (e) => e.preventDefault());
      b.addEventListener('click', () => onPick(c));
      return b;
    });
  const noteButton = h(doc, 'button', { type: 'button', class: 'hl-note-button', 'data-testid': 'highlight-add-note' }, [t('highlight_add_note')]);
  noteButton.addEventListener('mousedown', (e) => e.preventDefault());
  noteButton.addEventListener('click', () => void highlightSelection('yellow', true));
  const bar = h(doc, 'div', { class: 'hl-bar', role: 'toolbar', 'aria-label': t('highlight_toolbar'), hidden: '', 'data-testid': 'highlight-bar' }, [
    ...swatches((c) => void highlightSelection(c)),
    noteButton,
  ]);
  layer.append(bar);

  /** The selection as a live Range inside the article (a StaticRange from the shadow root made live). */
  function selectedRange(): Range | null {
    const r = surface.selection();
    if (!r || r.collapsed || !content.contains(r.startContainer) || !content.contains(r.endContainer)) return null;
    const range = doc.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range.toString().trim() ? range : null;
  }

  /** Puts `el` under `rect` (viewport coordinates), in the layer's own coordinates. */
  function place(el: HTMLElement, rect: DOMRect): void {
    const box = layer.getBoundingClientRect();
    const top = rect.bottom - box.top + layer.scrollTop + 6;
    const left = Math.min(rect.left - box.left + layer.scrollLeft, layer.scrollLeft + layer.clientWidth - 320);
    el.style.top = `${Math.max(0, top)}px`;
    el.style.left = `${Math.max(8, left)}px`;
  }

  function showBar(): void {
    const range = selectedRange();
    if (!range || current.length >= HIGHLIGHT_LIMITS.perArticle) {
      bar.hidden = true;
      return;
    }
    bar.hidden = false;
    place(bar, range.getBoundingClientRect());
  }

  async function highlightSelection(color: HighlightColor, withNote = false): Promise<boolean> {
    const range = selectedRange();
    const anchor = range ? anchorOf(content, range) : null;
    bar.hidden = true;
    if (!anchor || current.length >= HIGHLIGHT_LIMITS.perArticle) return false;
    const hl: Highlight = { ...anchor, quote: anchor.quote.slice(0, HIGHLIGHT_LIMITS.quote), id: crypto.randomUUID(), color, note: '', createdAt: Date.now() };
    surface.clearSelection();
    if (!paint(hl)) return false;
    const next = [...current, hl].sort((a, b) => a.start - b.start || a.createdAt - b.createdAt);
    const saved = await commit(next, () => {
      unwrap(marks.get(hl.id) ?? []);
      marks.delete(hl.id);
    });
    if (saved && withNote) edit(hl.id);
    return saved;
  }

  // The editor of one highlight: colour, note, remove.
  let editor: HTMLElement | null = null;
  function closeEditor(focusMark = true): void {
    const id = editor?.getAttribute('data-for');
    editor?.remove();
    editor = null;
    if (focusMark && id) marks.get(id)?.[0]?.focus();
  }

  function edit(id: string): void {
    const hl = current.find((x) => x.id === id);
    const first = marks.get(id)?.[0];
    if (!hl || !first) return;
    closeEditor(false);
    const note = h(doc, 'textarea', { class: 'hl-note', rows: 3, maxlength: HIGHLIGHT_LIMITS.note, 'aria-label': t('highlight_note'), 'data-testid': 'highlight-note' });
    note.value = hl.note;
    const save = h(doc, 'button', { type: 'button', 'data-testid': 'highlight-save' }, [t('highlight_save')]);
    const remove = h(doc, 'button', { type: 'button', 'data-testid': 'highlight-remove' }, [t('highlight_remove')]);
    const close = h(doc, 'button', { type: 'button', 'data-testid': 'highlight-close' }, [t('highlight_close')]);
    let color = hl.color;
    const picks = swatches((c) => {
      color = c;
      for (const b of picks) b.setAttribute('aria-pressed', String(b.getAttribute('data-color') === c));
    }, color);
    editor = h(doc, 'div', { class: 'hl-editor', role: 'dialog', 'aria-label': t('highlight_toolbar'), 'data-for': id, 'data-testid': 'highlight-editor' }, [
      h(doc, 'div', { class: 'hl-swatches' }, picks),
      note,
      h(doc, 'div', { class: 'hl-actions' }, [save, remove, close]),
    ]);
    editor.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        closeEditor();
      }
    });
    save.addEventListener('click', async () => {
      const changed: Highlight = { ...hl, color, note: cleanNote(note.value) };
      restyle(changed);
      const ok = await commit(current.map((x) => (x.id === id ? changed : x)), () => restyle(hl));
      if (ok) closeEditor();
    });
    remove.addEventListener('click', async () => {
      const gone = marks.get(id) ?? [];
      const ok = await commit(current.filter((x) => x.id !== id), () => undefined);
      if (!ok) return;
      closeEditor(false);
      unwrap(gone);
      marks.delete(id);
    });
    close.addEventListener('click', () => closeEditor());
    layer.append(editor);
    place(editor, first.getBoundingClientRect());
    note.focus();
  }

  const markOf = (target: EventTarget | null) => (target instanceof (doc.defaultView?.Element ?? Element) ? target.closest<HTMLElement>('mark.hl') : null);
  content.addEventListener('click', (e) => {
    const mark = markOf(e.target);
    // A click that ends a selection is the selection's, not the highlight's.
    if (mark && !selectedRange()) edit(mark.getAttribute('data-highlight-id')!);
  });
  content.addEventListener('keydown', (e) => {
    const mark = markOf(e.target);
    if (mark && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      edit(mark.getAttribute('data-highlight-id')!);
    }
  });
  events.addEventListener('mouseup', () => setTimeout(showBar, 0));
  events.addEventListener('keyup', (e) => {
    const key = (e as KeyboardEvent).key;
    if (key === 'Shift' || key.startsWith('Arrow')) showBar();
  });
  // The offline reader's `h`; the overlay maps it among its own keys (content/keys.ts).
  if (events === doc) {
    doc.addEventListener('keydown', (e) => {
      const typing = (e.target as Element | null)?.closest?.('textarea, input');
      if (!typing && e.key === 'h' && !e.ctrlKey && !e.metaKey && !e.altKey && selectedRange()) {
        e.preventDefault();
        void highlightSelection('yellow');
      }
    });
  }
  const onSelectionChange = () => {
    if (!selectedRange()) bar.hidden = true;
  };
  doc.addEventListener('selectionchange', onSelectionChange);

  return {
    list: () => current,
    highlightSelection,
    edit,
    dismiss() {
      if (editor) {
        closeEditor();
        return true;
      }
      if (bar.hidden) return false;
      bar.hidden = true;
      return true;
    },
    stop() {
      doc.removeEventListener('selectionchange', onSelectionChange);
      closeEditor(false);
      bar.remove();
    },
  };
}
