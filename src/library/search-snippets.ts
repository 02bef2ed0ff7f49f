// Snippets under the library's search results. The list's summaries hold no text (10,000 texts
// would be tens of MB in the page), so each shown result's text is read from the store when a
// query shows it, a few hundred kept for the next keystroke, and the snippet added when it
// arrives. A newer query or render makes an older one's late snippets go unused.
import type { ArticleRecord } from '../shared/article-record';
import { findSnippet, type SnippetPart } from '../shared/search-snippet';
import { h } from './dom';
import type { Summary } from './library-model';

/** Texts kept between keystrokes: enough for a few pages of results. */
const CACHED_TEXTS = 300;

export class SearchSnippets {
  private texts = new Map<string, { updatedAt: number; text: string }>();
  private generation = 0;

  constructor(
    private readonly doc: Document,
    private readonly load: (id: string) => Promise<ArticleRecord | null>,
  ) {}

  /** Puts the snippet for `query` into each shown item (and takes old ones out). */
  async show(shown: readonly { summary: Summary; el: HTMLElement }[], query: string): Promise<void> {
    const generation = ++this.generation;
    if (!query.trim()) {
      for (const { el } of shown) place(el, null);
      return;
    }
    for (const { summary, el } of shown) {
      const text = await this.textOf(summary);
      if (generation !== this.generation) return;
      const parts = text === null ? null : findSnippet(text, query);
      place(el, parts && snippetElement(this.doc, parts, summary));
    }
  }

  private async textOf(s: Summary): Promise<string | null> {
    const cached = this.texts.get(s.id);
    if (cached && cached.updatedAt === s.updatedAt) {
      // Map order is insertion order: re-inserting keeps recently used texts last, evicted last.
      this.texts.delete(s.id);
      this.texts.set(s.id, cached);
      return cached.text;
    }
    const record = await this.load(s.id).catch(() => null);
    if (!record) return null;
    this.texts.set(s.id, { updatedAt: record.updatedAt, text: record.text });
    if (this.texts.size > CACHED_TEXTS) this.texts.delete(this.texts.keys().next().value!);
    return record.text;
  }
}

/** The snippet as text nodes and <mark> elements: saved text never becomes markup. */
export function snippetElement(doc: Document, parts: readonly SnippetPart[], s: Pick<Summary, 'lang' | 'dir'>): HTMLElement {
  return h(doc, 'p', { class: 'snippet', 'data-testid': 'library-snippet', lang: s.lang, dir: s.dir }, parts.map((p) => (p.marked ? h(doc, 'mark', {}, [p.text]) : p.text)));
}

/** Shows `snippet` in the item in place of its excerpt, or the excerpt again when null. */
function place(item: HTMLElement, snippet: HTMLElement | null): void {
  item.querySelector('.snippet')?.remove();
  const excerpt = item.querySelector<HTMLElement>('.excerpt');
  if (excerpt) excerpt.hidden = !!snippet;
  if (snippet) item.querySelector('.meta')?.after(snippet);
}
