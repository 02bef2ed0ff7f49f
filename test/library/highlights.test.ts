// @vitest-environment jsdom
// Highlights and notes (issue 11, item 4): made by selecting words in the offline reader, kept in
// the library with the article, found again on every opening (anchored by their words), listed
// in the library, searched with the text, and exported in Markdown and JSON.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { enableHighlights, pageSurface } from '../../src/shared/highlighting';
import { renderArticle } from '../../src/library/reader-view';
import { itemElement } from '../../src/library/library-view';
import { articleMarkdown } from '../../src/library/article-export';
import { openArticleStore, type ArticleStore } from '../../src/platform/article-store';
import { summaryOf } from '../../src/shared/article-summary';
import type { ArticleRecord } from '../../src/shared/article-record';
import { LibrarySearch } from '../../src/shared/library-search';
import { buildExport, serializeExport } from '../../src/shared/library-export';
import { parseImport } from '../../src/shared/library-import';
import { draft } from './fixtures';

let n = 0;
const stores: ArticleStore[] = [];
afterEach(() => {
  while (stores.length) stores.pop()!.close();
  document.body.replaceChildren();
});

const HTML = '<p>The harbour crane lifted the first container at dawn, and the crew cheered.</p>'
  + '<p>By noon the <em>second ship</em> had docked, and the harbour crane worked on.</p>';

async function saved(): Promise<{ store: ArticleStore; record: ArticleRecord }> {
  const store = await openArticleStore(`test-highlights-${n++}`);
  stores.push(store);
  const { record } = await store.saveDraft(draft(1, { html: HTML, text: 'The harbour crane lifted…' }), 'https://news.example/a');
  return { store, record };
}

/** Opens the offline reader on the record as stored, as reader.html does. */
async function open(store: ArticleStore, id: string) {
  const record = (await store.get(id))!;
  const shown = renderArticle(document, record);
  const hl = enableHighlights(pageSurface(document), shown.content, record, store, (m) => (shown.status.textContent = m));
  return { ...shown, hl };
}

/** Selects the `nth` occurrence of `words` in the content, as a user's drag does. */
function select(content: HTMLElement, words: string, nth = 0): void {
  const text = content.textContent!;
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(words, at + 1);
  const range = document.createRange();
  let offset = 0;
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const len = node.nodeValue!.length;
    if (offset <= at && at < offset + len) range.setStart(node, at - offset);
    if (offset < at + words.length && at + words.length <= offset + len) range.setEnd(node, at + words.length - offset);
    offset += len;
  }
  const sel = document.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
}

const marked = (content: HTMLElement) => Array.from(content.querySelectorAll('mark.hl'), (m) => [m.textContent, m.getAttribute('data-color')]);

describe('highlights in the offline reader', () => {
  it('a selection becomes a highlight that is stored and found again on the next opening, the second "harbour crane" told from the first', async () => {
    const { store, record } = await saved();
    const first = await open(store, record.id);
    select(first.content, 'harbour crane', 1);
    expect(await first.hl.highlightSelection('green')).toBe(true);
    expect(marked(first.content)).toEqual([['harbour crane', 'green']]);

    const again = await open(store, record.id);
    expect(marked(again.content)).toEqual([['harbour crane', 'green']]);
    // The second paragraph's, not the first's.
    expect(again.content.querySelector('mark')!.closest('p')!.textContent).toContain('By noon');
  });

  it('a highlight across an emphasis and a paragraph end, with a note, edited and then removed', async () => {
    const { store, record } = await saved();
    const page = await open(store, record.id);
    const untouched = page.content.innerHTML;
    select(page.content, 'crew cheered.By noon the second ship');
    expect(await page.hl.highlightSelection('yellow', true)).toBe(true);
    expect(marked(page.content).map(([text]) => text).join('')).toBe('crew cheered.By noon the second ship');
    // "Add a note" opened the editor on it.
    const editor = document.querySelector<HTMLElement>('[data-testid=highlight-editor]')!;
    editor.querySelector<HTMLTextAreaElement>('textarea')!.value = 'Two ships in one day:\ncheck the log.\u202e';
    editor.querySelector<HTMLButtonElement>('[data-testid=highlight-pink]')!.click();
    editor.querySelector<HTMLButtonElement>('[data-testid=highlight-save]')!.click();
    await expect.poll(async () => (await store.get(record.id))!.highlights.map((h) => [h.color, h.note])).toEqual([['pink', 'Two ships in one day:\ncheck the log.']]);
    expect(document.querySelector('[data-testid=highlight-editor]')).toBeNull();
    expect(page.content.querySelector('mark')!.getAttribute('title')).toBe('Two ships in one day:\ncheck the log.');

    page.hl.edit(page.hl.list()[0]!.id);
    document.querySelector<HTMLButtonElement>('[data-testid=highlight-remove]')!.click();
    await expect.poll(async () => (await store.get(record.id))!.highlights).toEqual([]);
    expect(page.content.querySelector('mark')).toBeNull();
    expect(page.content.innerHTML).toBe(untouched);
  });

  it('says how many highlights this copy no longer holds, and keeps them stored', async () => {
    const { store, record } = await saved();
    const page = await open(store, record.id);
    select(page.content, 'first container');
    await page.hl.highlightSelection('blue');
    // Saved again: the page changed and the words are gone.
    await store.saveDraft(draft(1, { html: '<p>A different story now.</p>', text: 'A different story now.' }), 'https://news.example/a');
    const again = await open(store, record.id);
    expect(marked(again.content)).toEqual([]);
    expect(again.status.textContent).toBe('1 highlight is not in this copy of the article; it is kept.');
    expect((await store.get(record.id))!.highlights).toHaveLength(1);
  });
});

describe('highlights in the library and exports', () => {
  const withNotes = async () => {
    const { store, record } = await saved();
    const page = await open(store, record.id);
    select(page.content, 'first container');
    await page.hl.highlightSelection('yellow');
    const [h] = page.hl.list();
    await store.setHighlights(record.id, [{ ...h!, note: 'Ask the *harbourmaster* about the gantry' }]);
    return { store, record: (await store.get(record.id))! };
  };

  it('the library lists them under the article, and a search finds the article by a word of a note', async () => {
    const { record } = await withNotes();
    const item = itemElement(document, summaryOf(record));
    expect(item.querySelector('[data-testid=library-highlights] summary')!.textContent).toBe('1 highlight');
    expect(Array.from(item.querySelectorAll('[data-testid=library-highlights] li'), (li) => li.textContent)).toEqual(['first containerAsk the *harbourmaster* about the gantry']);
    const search = new LibrarySearch();
    search.add({ ...record, tags: [] });
    expect(search.find('gantry').map((hit) => hit.id)).toEqual([record.id]);
  });

  it('Markdown ends with them, quoted, the note below (escaped like the text); JSON carries them and imports them back', async () => {
    const { record } = await withNotes();
    expect(articleMarkdown(record, document)).toMatch(/\n## Highlights\n\n> first container\n\nNote: Ask the \\\*harbourmaster\\\* about the gantry\n$/);
    const parsed = parseImport(serializeExport(buildExport([record], new Date(0))));
    expect(parsed.ok && parsed.records[0]!.highlights).toEqual(record.highlights);
  });
});
