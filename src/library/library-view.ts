// The library page's markup, built with createElement and text nodes only, and the words of its
// status and empty lines. Each builder returns elements; the page controller (library-page.ts)
// owns the events, through data-action attributes on buttons so one listener serves the whole list.
import type { LibraryModel, Summary } from './library-model';
import { t, tn } from '../shared/strings/t';
import { formatDate, h } from './dom';

export interface Chrome {
  search: HTMLInputElement;
  tagFilter: HTMLSelectElement;
  exportJson: HTMLButtonElement;
  /** Exports the articles ticked in the list as one EPUB (disabled while none is). */
  exportEpub: HTMLButtonElement;
  importInput: HTMLInputElement;
  status: HTMLElement;
  report: HTMLElement;
  list: HTMLUListElement;
  empty: HTMLElement;
  more: HTMLButtonElement;
  toast: HTMLElement;
  toastText: HTMLElement;
  undo: HTMLButtonElement;
}

export function buildChrome(doc: Document): Chrome {
  const search = h(doc, 'input', {
    type: 'search',
    'data-testid': 'library-search',
    'aria-label': t('library_search'),
    placeholder: t('library_search_hint'),
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const tagFilter = h(doc, 'select', { 'data-testid': 'library-tag-filter', 'aria-label': t('library_tag_filter') });
  const exportJson = h(doc, 'button', { type: 'button', 'data-testid': 'library-export-json' }, [t('library_export_json')]);
  const exportEpub = h(doc, 'button', { type: 'button', 'data-testid': 'library-export-epub', disabled: true }, [t('library_export_selected')]);
  const importInput = h(doc, 'input', { type: 'file', accept: '.json,application/json', 'data-testid': 'library-import-input', class: 'visually-hidden' });
  const importLabel = h(doc, 'label', { class: 'button' }, [t('library_import'), importInput]);
  const status = h(doc, 'p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const report = h(doc, 'div', { class: 'report', 'data-testid': 'library-import-report', role: 'status', 'aria-live': 'polite', hidden: true });
  const list = h(doc, 'ul', { class: 'list', 'aria-label': t('library_heading') });
  const empty = h(doc, 'p', { class: 'empty', 'data-testid': 'library-empty', hidden: true });
  // Its words ("Show 100 more") come with each render, which also shows it.
  const more = h(doc, 'button', { type: 'button', class: 'more', hidden: true });
  const toastText = h(doc, 'span');
  const undo = h(doc, 'button', { type: 'button', 'data-testid': 'library-undo' }, [t('library_undo')]);
  const toast = h(doc, 'div', { class: 'toast', role: 'status', 'aria-live': 'polite', hidden: true }, [toastText, ' ', undo]);

  const header = h(doc, 'header', {}, [
    h(doc, 'h1', {}, [t('library_heading')]),
    h(doc, 'div', { class: 'controls' }, [search, tagFilter, exportJson, exportEpub, importLabel]),
  ]);
  doc.body.append(header, h(doc, 'main', {}, [status, report, list, empty, more]), toast);
  return { search, tagFilter, exportJson, exportEpub, importInput, status, report, list, empty, more, toast, toastText, undo };
}

export function tagOptions(doc: Document, select: HTMLSelectElement, tags: { tag: string; count: number }[], current: string | null): void {
  select.replaceChildren(
    h(doc, 'option', { value: '' }, [t('library_all_tags')]),
    ...tags.map(({ tag, count }) => h(doc, 'option', { value: tag }, [t('library_tag_option', tag, count)])),
  );
  select.value = current ?? '';
}

function metaLine(s: Summary, locale?: string): string {
  let host = '';
  try {
    host = new URL(s.url).hostname;
  } catch {
    // Validated records always parse; an empty host just leaves the site blank.
  }
  const parts = [s.siteName || host, formatDate(s.savedAt, locale), tn('min_read', s.readingMinutes)];
  if (s.progress > 0.02) parts.push(s.progress >= 0.98 ? t('library_finished') : t('library_read_percent', Math.round(s.progress * 100)));
  return parts.join(' · ');
}

/**
 * One list item, or, if building it throws (a value validation let through), a plain item that
 * says so and can still be deleted: one article must never stop the rest of the list.
 */
export function safeItemElement(doc: Document, s: Summary, locale?: string): HTMLLIElement {
  try {
    return itemElement(doc, s, locale);
  } catch {
    return h(doc, 'li', { class: 'item', 'data-testid': 'library-item', 'data-id': s.id }, [
      h(doc, 'h2', { 'data-testid': 'library-item-title' }, [String(s.title).slice(0, 200) || t('untitled')]),
      h(doc, 'p', { class: 'meta' }, [t('library_broken_item')]),
      h(doc, 'div', { class: 'row' }, [
        h(doc, 'span', { class: 'spacer' }),
        h(doc, 'button', { type: 'button', 'data-action': 'delete', 'data-testid': 'library-delete' }, [t('library_delete')]),
      ]),
    ]);
  }
}

export function itemElement(doc: Document, s: Summary, locale?: string): HTMLLIElement {
  const title = s.title.trim() || t('untitled');
  const tags = h(doc, 'ul', { class: 'tags', 'aria-label': t('library_tags') }, s.tags.map((tag) =>
    h(doc, 'li', { class: 'tag' }, [
      tag,
      h(doc, 'button', { type: 'button', 'data-action': 'remove-tag', 'data-tag': tag, 'aria-label': t('library_remove_tag_named', tag), title: t('library_remove_tag') }, ['×']),
    ]),
  ));
  return h(doc, 'li', { class: 'item', 'data-testid': 'library-item', 'data-id': s.id }, [
    h(doc, 'h2', { 'data-testid': 'library-item-title', lang: s.lang, dir: s.dir }, [
      h(doc, 'a', { href: `reader.html?id=${encodeURIComponent(s.id)}`, 'data-testid': 'library-open' }, [title]),
    ]),
    h(doc, 'p', { class: 'meta' }, [metaLine(s, locale)]),
    s.excerpt ? h(doc, 'p', { class: 'excerpt', lang: s.lang, dir: s.dir }, [s.excerpt]) : null,
    highlightList(doc, s),
    h(doc, 'div', { class: 'row' }, [
      h(doc, 'label', { class: 'select' }, [
        h(doc, 'input', { type: 'checkbox', 'data-testid': 'library-select', 'aria-label': t('library_select_named', title) }),
        t('library_select'),
      ]),
      tags,
      h(doc, 'input', { type: 'text', class: 'tag-input', 'data-testid': 'library-tag-input', 'aria-label': t('library_add_tag_named', title), placeholder: t('library_add_tag'), maxlength: 40 }),
      h(doc, 'span', { class: 'spacer' }),
      h(doc, 'a', { href: s.url, class: 'source', rel: 'noopener noreferrer', target: '_blank' }, [t('original')]),
      h(doc, 'button', { type: 'button', 'data-action': 'export-md', 'aria-label': t('library_download_md', title) }, [t('format_markdown')]),
      h(doc, 'button', { type: 'button', 'data-action': 'export-html', 'aria-label': t('library_download_html', title) }, [t('format_html')]),
      h(doc, 'button', { type: 'button', 'data-action': 'export-epub', 'data-testid': 'library-export-epub-one', 'aria-label': t('library_download_epub', title) }, [t('format_epub')]),
      h(doc, 'button', { type: 'button', 'data-action': 'delete', 'data-testid': 'library-delete', 'aria-label': t('library_delete_named', title) }, [t('library_delete')]),
    ]),
  ]);
}

/** The article's highlights, folded under their count: each passage quoted, its note below it. */
function highlightList(doc: Document, s: Summary): HTMLElement | null {
  if (!s.highlights.length) return null;
  return h(doc, 'details', { class: 'highlights', 'data-testid': 'library-highlights' }, [
    h(doc, 'summary', {}, [tn('library_highlights', s.highlights.length)]),
    h(doc, 'ul', {}, s.highlights.map((hl) => h(doc, 'li', { 'data-color': hl.color }, [
      h(doc, 'blockquote', { lang: s.lang, dir: s.dir }, [hl.quote]),
      hl.note ? h(doc, 'p', { class: 'note' }, [hl.note]) : null,
    ]))),
  ]);
}

/** The status line: how many articles, how many match a search or tag, what indexing has left. */
export function statusText(model: Pick<LibraryModel, 'query' | 'tag' | 'total' | 'indexing' | 'pending' | 'unreadable'>, matches: number): string {
  const filtered = model.query.trim() !== '' || model.tag !== null;
  const articles = tn('library_articles', model.total);
  let text = filtered ? t('library_matching', matches, articles) : articles;
  if (filtered && model.indexing) text += ` · ${tn('library_indexing', model.pending)}`;
  if (model.unreadable) text += ` · ${tn('library_unreadable', model.unreadable)}`;
  return text;
}

/** What an empty list says: nothing saved yet, or nothing matches. */
export function emptyText(total: number): string {
  return t(total === 0 ? 'library_empty' : 'library_no_match');
}
