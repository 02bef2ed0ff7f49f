// The library page's state, apart from its DOM so it can be tested on its own: the summaries
// (records without html and text, which only the reader and exports need), the search index, the current
// query and tag filter, and the one deletion that can still be undone. Every change goes to the
// store first; memory follows only when the store said yes.
// Longer than 200 lines: indexing in slices (its scheduler and generation checks) shares the
// summaries and index with every edit that must keep both in step.
import type { ArticleRecord } from '../shared/article-record';
import { summaryOf, type ArticleSummary } from '../shared/article-summary';
import { buildExport, serializeExport } from '../shared/library-export';
import { parseImport, readImages, type InvalidEntry } from '../shared/library-import';
import { LibrarySearch } from '../shared/library-search';
import { rankHits } from '../shared/search-ranking';
import { searchForm } from '../shared/search-form';
import type { ArticleStore, DeletedArticle, ImportOutcome } from '../platform/article-store';
import { t } from '../shared/strings/t';

/** What the list shows of an article: everything but the heavy html and text. */
export type Summary = ArticleSummary;

export type StorePort = Pick<ArticleStore, 'loadSummaries' | 'loadSearchForms' | 'loadAll' | 'get' | 'delete' | 'restore' | 'setTags' | 'importRecords' | 'allImages' | 'images'>;

export type ImportReport =
  | { ok: true; outcome: ImportOutcome; invalid: InvalidEntry[]; mergedInFile: number; imagesDamaged: number }
  | { ok: false; reason: string; invalid?: InvalidEntry[] };

/**
 * How indexing shares the page: `pause` lets the page run (a task boundary in the browser), `now`
 * measures a slice. Injected so a test decides when each slice runs instead of racing a clock.
 */
export interface IndexScheduler {
  pause(): Promise<void>;
  now(): number;
}

export const PAGE_SCHEDULER: IndexScheduler = {
  pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
  now: () => Date.now(),
};

type IndexEntry = { id: string; savedAt: number; updatedAt: number; form: string };

export class LibraryModel {
  private summaries = new Map<string, Summary>();
  private index = new LibrarySearch();
  query = '';
  tag: string | null = null;
  /** The last deletion, until it is undone or another one replaces it. */
  lastDeleted: DeletedArticle | null = null;
  /** Stored entries that failed validation when the library was loaded. */
  unreadable = 0;

  constructor(
    private readonly store: StorePort,
    private readonly scheduler: IndexScheduler = PAGE_SCHEDULER,
  ) {}

  /** Articles not yet in the search index (while `indexing`); searches skip them until then. */
  pending = 0;
  private generation = 0;

  /**
   * Loads the summaries, and the list can show at once: no article is read. The search index is
   * built afterwards from the stored search forms (no tokenizing), in slices that yield to the
   * page; the returned `indexed` promise settles when it is complete.
   */
  async load(): Promise<{ indexed: Promise<void> }> {
    const { summaries, unreadable } = await this.store.loadSummaries();
    const generation = ++this.generation;
    this.summaries = new Map(summaries.map((s) => [s.id, s]));
    this.index = new LibrarySearch();
    this.index.autoCompact = false;
    this.unreadable = unreadable;
    this.pending = summaries.length;
    return { indexed: this.buildIndex(summaries, generation) };
  }

  private async buildIndex(summaries: readonly Summary[], generation: number): Promise<void> {
    // The first read waits for the next task: the list is drawn before any indexing, and
    // `indexing` is true when load() returns however fast this machine would have been.
    if (!summaries.length) return;
    await this.scheduler.pause();
    const forms = await this.store.loadSearchForms();
    if (generation !== this.generation) return;
    // An article without a current stored form (one an older tokenizer wrote) is tokenized from
    // its record. After a tokenizer change that is every article: one read of them all, as each
    // open did before the library kept forms.
    const missing = summaries.some((s) => !forms.has(s.id));
    const records = missing ? new Map((await this.store.loadAll()).records.map((r) => [r.id, r])) : null;
    if (generation !== this.generation) return;
    const entries: IndexEntry[] = [];
    for (const { id, savedAt, updatedAt } of summaries) {
      const record = records?.get(id);
      const form = forms.get(id) ?? (record && searchForm(record));
      if (form !== undefined) entries.push({ id, savedAt, updatedAt, form });
    }
    await this.indexInSlices(entries, generation);
  }

  private async indexInSlices(entries: IndexEntry[], generation: number): Promise<void> {
    const SLICE_MS = 30;
    const index = this.index;
    // Newest first (summaries come that way): a search typed while indexing finds recent saves,
    // the likeliest targets, first. Result order does not depend on slot order.
    let i = 0;
    this.pending = entries.length;
    while (i < entries.length) {
      const until = this.scheduler.now() + SLICE_MS;
      while (i < entries.length && this.scheduler.now() < until) {
        if (generation !== this.generation) return; // a newer load replaced this index
        const e = entries[i++]!;
        // Skip what was deleted or replaced meanwhile (those went through put/drop already).
        // Tags from the summary, not the load: a tag edit keeps updatedAt and may come mid-indexing.
        const current = this.summaries.get(e.id);
        if (current?.updatedAt === e.updatedAt && !index.has(e.id)) index.addForm(e.id, e.savedAt, e.form, current.tags);
        this.pending = entries.length - i;
      }
      if (i < entries.length) await this.scheduler.pause();
    }
    if (generation !== this.generation) return;
    // One pass that groups postings by token, so each search reads only its tokens' lists.
    index.compact();
    index.autoCompact = true;
  }

  get indexing(): boolean {
    return this.pending > 0;
  }

  get total(): number {
    return this.summaries.size;
  }

  private put(r: ArticleRecord): void {
    this.summaries.set(r.id, summaryOf(r));
    this.index.add(r);
  }

  private drop(id: string): void {
    this.summaries.delete(id);
    this.index.remove(id);
  }

  /**
   * Articles matching the query and the tag filter: everything newest first without a query, else
   * by where the query's words appear (search-ranking.ts).
   */
  visible(): Summary[] {
    const keep = (s: Summary | undefined): s is Summary => !!s && (this.tag === null || s.tags.includes(this.tag));
    if (this.query.trim() === '') {
      // No index needed to list everything, so the list shows before indexing finishes.
      return [...this.summaries.values()].filter(keep).sort((a, b) => b.savedAt - a.savedAt || (a.id < b.id ? 1 : -1));
    }
    return rankHits(this.query, this.index.find(this.query), (id) => this.summaries.get(id)).filter(keep);
  }

  /** Every tag in use with how many articles carry it, by name. */
  tags(): { tag: string; count: number }[] {
    const counts = new Map<string, number>();
    for (const s of this.summaries.values()) for (const t of s.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => a.tag.localeCompare(b.tag));
  }

  get(id: string): Summary | undefined {
    return this.summaries.get(id);
  }

  /** Another context (a save from a tab) changed these ids: take the store's word for them. */
  async refresh(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      const r = await this.store.get(id).catch(() => null);
      if (r) this.put(r);
      else this.drop(id);
    }
  }

  async delete(id: string): Promise<ArticleRecord | null> {
    const deleted = await this.store.delete(id);
    this.drop(id);
    if (deleted) this.lastDeleted = deleted;
    return deleted?.record ?? null;
  }

  async undo(): Promise<ArticleRecord | null> {
    const deleted = this.lastDeleted;
    if (!deleted) return null;
    const restored = await this.store.restore(deleted.record, deleted.images);
    this.lastDeleted = null;
    // A restore may have merged into a newer save of the same page under another id.
    for (const [id, s] of this.summaries) if (s.url === restored.url && id !== restored.id) this.drop(id);
    this.put(restored);
    return restored;
  }

  async addTag(id: string, tag: string): Promise<Summary> {
    const current = this.summaries.get(id);
    if (!current) throw new Error(t('store_gone'));
    return this.writeTags(id, [...current.tags, tag]);
  }

  async removeTag(id: string, tag: string): Promise<Summary> {
    const current = this.summaries.get(id);
    if (!current) throw new Error(t('store_gone'));
    return this.writeTags(id, current.tags.filter((t) => t !== tag));
  }

  private async writeTags(id: string, tags: string[]): Promise<Summary> {
    const updated = await this.store.setTags(id, tags);
    const summary = summaryOf(updated);
    this.summaries.set(id, summary);
    // Tags are searched, but the article's words did not change: only its tags are replaced.
    this.index.setTags(id, summary.tags);
    if (this.tag !== null && !this.tags().some((t) => t.tag === this.tag)) this.tag = null;
    return summary;
  }

  /** The whole library as an export file, read fresh from the store (summaries lack the html). */
  async exportJson(now = new Date()): Promise<string> {
    const [{ records }, images] = await Promise.all([this.store.loadAll(), this.store.allImages()]);
    return serializeExport(buildExport(records, now, images));
  }

  async importJson(text: string): Promise<ImportReport> {
    const parsed = parseImport(text);
    if (!parsed.ok) return parsed;
    if (parsed.records.length === 0) return { ok: false, reason: t('import_empty'), invalid: parsed.invalid };
    try {
      const { images, damaged } = await readImages(parsed.images);
      const outcome = await this.store.importRecords(parsed.records, images);
      await (await this.load()).indexed;
      return { ok: true, outcome, invalid: parsed.invalid, mergedInFile: parsed.mergedInFile, imagesDamaged: damaged };
    } catch (e) {
      return { ok: false, reason: e instanceof Error ? e.message : String(e), invalid: parsed.invalid };
    }
  }
}
