// Full-text search over the library, in memory, built when the library page opens from each
// article's stored search form (its distinct folded tokens, see search-form.ts), so opening never
// tokenizes article text. A query term matches every token it is a prefix of, and the words one
// typo away from it (search-typos.ts has the rule); an article's tags count as words of it too.
// Terms are ANDed; results come newest first, each with how many terms it matched only through a
// typo (search-ranking.ts orders them for the list).
//
// Why this shape (scripts/bench-library.mjs; 10,000 generated articles, 6.4 M tokens):
// - Scanning the stored forms per query, with no index at all, cost 50-120 ms a query (a word
//   nobody wrote reads all 54 M characters), over a keystroke's budget and growing with the library.
// - A Map<string, slots> built from the forms cost 2.7 s: a fresh string and a Map lookup per
//   token. Tokens are interned without making strings instead (search-vocabulary.ts).
// - Growable per-token posting arrays then still cost over a second: each append touches a
//   different small array (three dependent cache misses). So postings are appended to one token
//   stream as articles arrive, and `compact()` turns the stream into one array grouped by token
//   (counting sort, two sequential passes). Articles added since the last compaction are searched
//   by scanning their part of the stream, which stays small: adds compact on their own once the
//   stream outgrows the compacted part, so the work stays linear in the library.
// Deletes tombstone a slot and re-adds take a new one; compaction drops tombstoned slots.
// Longer than 200 lines: the stream, its compaction and the scans of its uncompacted tail share
// private arrays (slot ids and liveness, compacted postings, the stream) that splitting would expose.
import { searchForm, type SearchFields } from './search-form';
import { queryTerms, tokenize } from './search-tokens';
import { forgivesTypos, Match, matchToken } from './search-typos';
import { FNV_OFFSET, FNV_PRIME, MIX_OFFSET, MIX_PRIME, Vocabulary } from './search-vocabulary';

export interface Searchable extends SearchFields {
  id: string;
  savedAt: number;
  tags?: readonly string[];
}

/** A search result: the article, and how many query terms it matched only through a typo. */
export interface Hit {
  id: string;
  typos: number;
}

/** A term's tokens: those it begins, and (apart from those) those one typo away. */
interface TermTokens {
  term: string;
  exact: number[];
  typo: number[];
  weight: number;
}

const SPACE = 0x20;
/** Below this many stream tokens (a hundred-odd articles) adds never compact on their own. */
const MIN_AUTO_COMPACT = 65_536;

export class LibrarySearch {
  // Per slot (one per add): the article's id and save time, and whether it is still current
  // (a byte array: compaction checks it once per posting, and objects would be pointer chases).
  private ids: string[] = [];
  private savedAt: number[] = [];
  private alive = new Uint8Array(1024);
  private byId = new Map<string, number>();
  private dead = 0;
  private vocab = new Vocabulary();
  /** Per slot with tags: the tags' tokens. Few articles carry tags, so they are scanned, not indexed. */
  private tagTokens = new Map<number, string[]>();

  // Compacted postings: token id v < baseTokens has slots data[start[v]] .. data[start[v + 1]],
  // ascending; they cover slots below baseSlots.
  private baseTokens = 0;
  private baseSlots = 0;
  private start = new Uint32Array(1);
  private data = new Uint32Array(0);

  // Slots from baseSlots on: their token ids, one after another; slot baseSlots + i ends at ends[i].
  private stream = new Int32Array(4096);
  private streamLength = 0;
  private ends: number[] = [];

  /**
   * Whether adds compact on their own once the stream outgrows the compacted postings. A bulk
   * load turns this off and calls compact() once at the end: compacting as it grows re-copies
   * what was already compacted (measured: a third of the build).
   */
  autoCompact = true;

  /** Alive and dead slots, newest first; null after an add (recomputed on the next search). */
  private order: number[] | null = [];

  constructor(items: Iterable<Searchable> = []) {
    this.autoCompact = false;
    for (const item of items) this.add(item);
    this.compact();
    this.autoCompact = true;
  }

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Rebuilding is cheaper than carrying many tombstones; the caller decides when. */
  get tombstones(): number {
    return this.dead;
  }

  /** Adds an article (tokenizing its fields), or replaces the one with the same id. */
  add(item: Searchable): void {
    this.addForm(item.id, item.savedAt, searchForm(item), item.tags);
  }

  /** Adds an article by its search form (searchForm's output), or replaces the one with the same id. */
  addForm(id: string, savedAt: number, form: string, tags: readonly string[] = []): void {
    this.remove(id);
    const slot = this.ids.length;
    this.ids.push(id);
    this.savedAt.push(savedAt);
    if (slot === this.alive.length) {
      const grown = new Uint8Array(slot * 2);
      grown.set(this.alive);
      this.alive = grown;
    }
    this.alive[slot] = 1;
    this.byId.set(id, slot);
    this.order = null;
    this.setTags(id, tags);
    const n = form.length;
    let i = 0;
    while (i < n) {
      if (form.charCodeAt(i) === SPACE) {
        i++;
        continue;
      }
      const from = i;
      let h = FNV_OFFSET;
      let g = MIX_OFFSET;
      for (; i < n; i++) {
        const c = form.charCodeAt(i);
        if (c === SPACE) break;
        h = Math.imul(h ^ c, FNV_PRIME);
        g = Math.imul(g + c, MIX_PRIME);
      }
      this.push(this.vocab.intern(form, from, i, h, g));
    }
    this.ends.push(this.streamLength);
    if (this.autoCompact && this.streamLength > MIN_AUTO_COMPACT && this.streamLength > this.data.length) this.compact();
  }

  private push(token: number): void {
    if (this.streamLength === this.stream.length) {
      const grown = new Int32Array(this.stream.length * 2);
      grown.set(this.stream);
      this.stream = grown;
    }
    this.stream[this.streamLength++] = token;
  }

  /** Replaces an article's tags (they change without the article changing). */
  setTags(id: string, tags: readonly string[]): void {
    const slot = this.byId.get(id);
    if (slot === undefined) return;
    const tokens = [...new Set(tags.flatMap((t) => tokenize(t)))];
    if (tokens.length) this.tagTokens.set(slot, tokens);
    else this.tagTokens.delete(slot);
  }

  remove(id: string): void {
    const slot = this.byId.get(id);
    if (slot === undefined) return;
    this.tagTokens.delete(slot);
    this.alive[slot] = 0;
    this.byId.delete(id);
    this.dead++;
  }

  /** Folds the stream into the compacted postings (and drops tombstoned slots from them). */
  compact(): void {
    const tokens = this.vocab.size;
    const { alive, start, data, stream, ends, baseSlots } = this;
    const count = new Uint32Array(tokens + 1);
    for (let v = 0; v < this.baseTokens; v++) {
      for (let k = start[v]!; k < start[v + 1]!; k++) if (alive[data[k]!]) count[v]!++;
    }
    let from = 0;
    for (let i = 0; i < ends.length; i++) {
      if (alive[baseSlots + i]) for (let k = from; k < ends[i]!; k++) count[stream[k]!]!++;
      from = ends[i]!;
    }
    const nextStart = new Uint32Array(tokens + 1);
    for (let v = 0; v < tokens; v++) nextStart[v + 1] = nextStart[v]! + count[v]!;
    const next = new Uint32Array(nextStart[tokens]!);
    const fill = nextStart.slice(0, tokens);
    // Old postings first, then the stream in slot order: each token's slots stay ascending.
    for (let v = 0; v < this.baseTokens; v++) {
      for (let k = start[v]!; k < start[v + 1]!; k++) {
        const s = data[k]!;
        if (alive[s]) next[fill[v]!++] = s;
      }
    }
    from = 0;
    for (let i = 0; i < ends.length; i++) {
      const s = baseSlots + i;
      if (alive[s]) for (let k = from; k < ends[i]!; k++) next[fill[stream[k]!]!++] = s;
      from = ends[i]!;
    }
    this.start = nextStart;
    this.data = next;
    this.baseTokens = tokens;
    this.baseSlots = this.ids.length;
    this.stream = new Int32Array(4096);
    this.streamLength = 0;
    this.ends = [];
  }

  /**
   * Ids of the articles matching every term of `query` (each term as a prefix of a word, or one
   * typo away from a word), newest first. An empty query matches everything.
   */
  search(query: string): string[] {
    return this.find(query).map((hit) => hit.id);
  }

  /** As search(), with how many terms each article matched only through a typo. */
  find(query: string): Hit[] {
    const order = this.newestFirst();
    const terms = queryTerms(query);
    if (!terms.length) return this.hitsOf(order, null, 0, null);
    // Narrowest term first: later terms only confirm slots still in the running.
    const byTerm = terms.map((term) => this.tokensOf(term));
    byTerm.sort((a, b) => a.weight - b.weight);
    // How many terms each slot has matched so far; a slot counts for term t only at count t.
    const matched = new Int32Array(this.ids.length);
    const typos = new Uint8Array(this.ids.length);
    for (let t = 0; t < byTerm.length; t++) {
      if (!this.matchTerm(byTerm[t]!, t, matched, typos)) return [];
    }
    return this.hitsOf(order, matched, byTerm.length, typos);
  }

  private tokensOf(term: string): TermTokens {
    const exact = this.vocab.withPrefix(term);
    // Words the term begins are exact matches already (one typo away can mean one letter more).
    const typo = forgivesTypos(term) ? this.vocab.oneTypoAway(term).filter((v) => !this.vocab.word(v).startsWith(term)) : [];
    return { term, exact, typo, weight: this.weight(exact) + this.weight(typo) };
  }

  /** Compacted postings a term covers: orders terms, and the stream part is small by design. */
  private weight(ids: readonly number[]): number {
    let w = 0;
    for (const v of ids) if (v < this.baseTokens) w += this.start[v + 1]! - this.start[v]!;
    return w;
  }

  /**
   * Moves slots at `t` that have one of the term's tokens to t + 1, counting in `typos` those
   * that had only a typo's; false when none moved. Exact tokens go first, so a slot with both
   * counts as exact.
   */
  private matchTerm(term: TermTokens, t: number, matched: Int32Array, typos: Uint8Array): boolean {
    let any = this.matchPostings(term.exact, t, matched, null);
    any = this.matchTags(term.term, Match.Exact, t, matched, null) || any;
    if (term.typo.length) any = this.matchPostings(term.typo, t, matched, typos) || any;
    if (forgivesTypos(term.term)) any = this.matchTags(term.term, Match.Typo, t, matched, typos) || any;
    return any;
  }

  private matchTags(term: string, kind: Match, t: number, matched: Int32Array, typos: Uint8Array | null): boolean {
    let any = false;
    for (const [s, tokens] of this.tagTokens) {
      if (matched[s] !== t) continue;
      if (tokens.some((token) => matchToken(term, token) === kind)) {
        matched[s] = t + 1;
        if (typos) typos[s]!++;
        any = true;
      }
    }
    return any;
  }

  private matchPostings(ids: readonly number[], t: number, matched: Int32Array, typos: Uint8Array | null): boolean {
    let any = false;
    const { start, data } = this;
    for (const v of ids) {
      if (v >= this.baseTokens) continue;
      for (let k = start[v]!; k < start[v + 1]!; k++) {
        const s = data[k]!;
        if (matched[s] === t) {
          matched[s] = t + 1;
          if (typos) typos[s]!++;
          any = true;
        }
      }
    }
    if (this.ends.length) {
      const wanted = new Uint8Array(this.vocab.size);
      for (const v of ids) wanted[v] = 1;
      let from = 0;
      for (let i = 0; i < this.ends.length; i++) {
        const s = this.baseSlots + i;
        const to = this.ends[i]!;
        if (matched[s] === t) {
          for (let k = from; k < to; k++) {
            if (wanted[this.stream[k]!]) {
              matched[s] = t + 1;
              if (typos) typos[s]!++;
              any = true;
              break;
            }
          }
        }
        from = to;
      }
    }
    return any;
  }

  private hitsOf(order: readonly number[], matched: Int32Array | null, need: number, typos: Uint8Array | null): Hit[] {
    const hits: Hit[] = [];
    for (const s of order) if (this.alive[s] && (!matched || matched[s] === need)) hits.push({ id: this.ids[s]!, typos: typos ? typos[s]! : 0 });
    return hits;
  }

  /** Same order as the store's savedAt index read backwards: newest first, then id descending. */
  private newestFirst(): number[] {
    if (this.order) return this.order;
    const { ids, savedAt } = this;
    const order = Array.from(ids.keys());
    order.sort((x, y) => savedAt[y]! - savedAt[x]! || (ids[x]! < ids[y]! ? 1 : ids[x]! > ids[y]! ? -1 : 0));
    this.order = order;
    return order;
  }
}
