// Full-text search over the library, in memory, built when the library page opens.
//
// Why an inverted index and not a scan: at 10,000 articles the texts add up to tens of MB, and a
// substring scan per keystroke costs tens of milliseconds per term; the index answers in about a
// millisecond (scripts/bench-library.mjs measures both sizes). Each article's distinct tokens
// (title, byline, site and text) point at its slot; a query term matches every token it is a
// prefix of (a sorted vocabulary gives that range by binary search); terms are ANDed; results come
// newest first. Deletes tombstone a slot and re-adds take a new one, so nothing is ever rewritten
// in place, and a rebuild compacts when tombstones pile up.
import { forEachToken, queryTerms } from './search-tokens';

export interface Searchable {
  id: string;
  savedAt: number;
  title: string;
  byline: string | null;
  siteName: string | null;
  text: string;
}

/**
 * One token's slots, in a typed array that doubles when full: millions of entries in plain
 * arrays made the garbage collector's work grow faster than the library (10x the articles cost
 * 16x the time); typed arrays hold no pointers for it to trace.
 */
interface Posting {
  slots: Uint32Array;
  length: number;
}

interface Slot {
  id: string;
  savedAt: number;
  alive: boolean;
}

export class LibrarySearch {
  private slots: Slot[] = [];
  private byId = new Map<string, number>();
  private postings = new Map<string, Posting>();
  private vocab: string[] = [];
  private vocabDirty = false;
  private dead = 0;

  constructor(items: Iterable<Searchable> = []) {
    for (const item of items) this.add(item);
  }

  get size(): number {
    return this.byId.size;
  }

  private adding = 0;
  /**
   * One function for the life of the index (not a closure per article), so the tokenizer's
   * callback site stays monomorphic; profiling showed a fresh closure per add costing 3-4x.
   * Each slot is pushed once per token: a list already ending in this slot has seen the token.
   */
  private readonly indexToken = (token: string): void => {
    const slot = this.adding;
    const p = this.postings.get(token);
    if (!p) {
      const slots = new Uint32Array(4);
      slots[0] = slot;
      this.postings.set(token, { slots, length: 1 });
      this.vocabDirty = true;
    } else if (p.slots[p.length - 1] !== slot) {
      if (p.length === p.slots.length) {
        const grown = new Uint32Array(p.length * 2);
        grown.set(p.slots);
        p.slots = grown;
      }
      p.slots[p.length++] = slot;
    }
  };

  /** Adds an article, or replaces the one with the same id. */
  add(item: Searchable): void {
    this.remove(item.id);
    const slot = this.slots.length;
    this.slots.push({ id: item.id, savedAt: item.savedAt, alive: true });
    this.byId.set(item.id, slot);
    this.adding = slot;
    forEachToken(item.title, this.indexToken);
    if (item.byline) forEachToken(item.byline, this.indexToken);
    if (item.siteName) forEachToken(item.siteName, this.indexToken);
    forEachToken(item.text, this.indexToken);
  }

  remove(id: string): void {
    const slot = this.byId.get(id);
    if (slot === undefined) return;
    this.slots[slot]!.alive = false;
    this.byId.delete(id);
    this.dead++;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /**
   * Ids of the articles matching every term of `query` (each term as a prefix of a word), newest
   * first. An empty query matches everything.
   */
  search(query: string): string[] {
    const terms = queryTerms(query);
    let matched: Uint8Array | null = null;
    if (terms.length) {
      this.ensureVocab();
      // Narrowest term first: later terms only confirm slots still in the running.
      const ranges = terms.map((t) => this.range(t)).sort((a, b) => a.weight - b.weight);
      for (const { from, to } of ranges) {
        const next: Uint8Array = new Uint8Array(this.slots.length);
        for (let i = from; i < to; i++) {
          const { slots, length } = this.postings.get(this.vocab[i]!)!;
          for (let k = 0; k < length; k++) {
            const slot = slots[k]!;
            if (!matched || matched[slot]) next[slot] = 1;
          }
        }
        matched = next;
      }
    }
    const hits: Slot[] = [];
    for (let i = 0; i < this.slots.length; i++) {
      const s = this.slots[i]!;
      if (s.alive && (!matched || matched[i])) hits.push(s);
    }
    // Same order as the store's savedAt index read backwards: newest first, then id descending.
    hits.sort((a, b) => b.savedAt - a.savedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    return hits.map((s) => s.id);
  }

  /** Rebuilding is cheaper than carrying many tombstones; the caller decides when. */
  get tombstones(): number {
    return this.dead;
  }

  private ensureVocab(): void {
    if (!this.vocabDirty) return;
    this.vocab = [...this.postings.keys()].sort();
    this.vocabDirty = false;
  }

  /** The vocabulary range of tokens starting with `term`, and how many postings it covers. */
  private range(term: string): { from: number; to: number; weight: number } {
    let lo = 0;
    let hi = this.vocab.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.vocab[mid]! < term) lo = mid + 1;
      else hi = mid;
    }
    let to = lo;
    let weight = 0;
    while (to < this.vocab.length && this.vocab[to]!.startsWith(term)) weight += this.postings.get(this.vocab[to++]!)!.length;
    return { from: lo, to, weight };
  }
}
