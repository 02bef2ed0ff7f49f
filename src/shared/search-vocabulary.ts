// The library's distinct tokens, each with a small integer id, and their prefix ranges.
//
// Why hand-rolled interning: the index is built from stored search forms (one string per article,
// hundreds of tokens each). Slicing every token into a fresh string and looking it up in a Map
// cost seconds at 10,000 articles. Here the caller hashes the characters in place (two
// independent 32-bit hashes) and a token is known by its length and both hashes, all held in
// typed arrays, so a lookup neither makes a string nor reads one (comparing characters with the
// stored strings, scattered over the heap, was half the cost). Two different tokens of the same
// length agreeing on 64 hash bits is about as likely as a disk's silent bit error (~1e-8 for a
// million distinct tokens); it would only make one word also find the other's articles.
//
// Typo lookup (oneTypoAway) never reads the whole vocabulary: a word one typo from a term of
// length L keeps either the term's first L/2 characters (the typo is in the second half: a prefix
// range of the sorted list) or its last character (the typo is in the first half: a bucket of
// words by length and last character). Only those candidates are compared.
import { TYPO_MIN_WORD, oneTypoApart } from './search-typos';

/**
 * A copy of `s` that does not keep the string it was sliced from alive (V8 slices of 13+
 * characters point into their parent; a vocabulary token must not pin a whole article's form).
 */
function detached(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(a.length * 2);
  grown.set(a);
  return grown;
}

/** First hash: FNV-1a over UTF-16 code units, `h = Math.imul(h ^ c, FNV_PRIME)` from FNV_OFFSET. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;
/** Second hash: multiplicative, `g = Math.imul(g + c, MIX_PRIME)` from MIX_OFFSET. */
export const MIX_OFFSET = 0x2545f491;
export const MIX_PRIME = 0x9e3779b1 | 0;

export class Vocabulary {
  private words: string[] = [];
  private hashes = new Int32Array(1024);
  private hashes2 = new Int32Array(1024);
  private lengths = new Int32Array(1024);
  /** Open addressing: id + 1 per cell, 0 when empty; a power of two, at most half full. */
  private table = new Int32Array(2048);
  /** Ids sorted by token, for prefix ranges; covers the first `sortedCount` ids. */
  private sorted: number[] = [];
  private sortedCount = 0;
  /** Ids of words of TYPO_MIN_WORD or more, by length and last character; covers the first `bucketedCount` ids. */
  private byEnding = new Map<number, number[]>();
  private bucketedCount = 0;

  get size(): number {
    return this.words.length;
  }

  word(id: number): string {
    return this.words[id]!;
  }

  /**
   * The id of text[start, end), whose two hashes (see FNV_OFFSET and MIX_OFFSET) the caller
   * computed; the token is added on first sight.
   */
  intern(text: string, start: number, end: number, hash: number, hash2: number): number {
    const mask = this.table.length - 1;
    const len = end - start;
    for (let cell = hash & mask; ; cell = (cell + 1) & mask) {
      const entry = this.table[cell]!;
      if (entry === 0) return this.insert(cell, text.slice(start, end), hash, hash2);
      const id = entry - 1;
      if (this.hashes[id] === hash && this.hashes2[id] === hash2 && this.lengths[id] === len) return id;
    }
  }

  private insert(cell: number, word: string, hash: number, hash2: number): number {
    const id = this.words.length;
    this.words.push(detached(word));
    if (id === this.hashes.length) {
      this.hashes = grow(this.hashes);
      this.hashes2 = grow(this.hashes2);
      this.lengths = grow(this.lengths);
    }
    this.hashes[id] = hash;
    this.hashes2[id] = hash2;
    this.lengths[id] = word.length;
    this.table[cell] = id + 1;
    if (this.words.length * 2 > this.table.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let id = 0; id < this.words.length; id++) {
      let cell = this.hashes[id]! & mask;
      while (table[cell] !== 0) cell = (cell + 1) & mask;
      table[cell] = id + 1;
    }
    this.table = table;
  }

  /** Ids of every token that starts with `prefix`. */
  withPrefix(prefix: string): number[] {
    const sorted = this.ensureSorted();
    const words = this.words;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (words[sorted[mid]!]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const ids: number[] = [];
    while (lo < sorted.length && words[sorted[lo]!]!.startsWith(prefix)) ids.push(sorted[lo++]!);
    return ids;
  }

  /** Ids of every word of TYPO_MIN_WORD letters or more that is one typo away from `term`. */
  oneTypoAway(term: string): number[] {
    const found = new Set<number>();
    const n = term.length;
    const shortest = Math.max(TYPO_MIN_WORD, n - 1);
    const consider = (id: number) => {
      const len = this.lengths[id]!;
      if (len >= shortest && len <= n + 1 && oneTypoApart(term, this.words[id]!)) found.add(id);
    };
    for (const id of this.withPrefix(term.slice(0, n >> 1))) consider(id);
    const buckets = this.ensureBucketed();
    const last = term.charCodeAt(n - 1);
    for (let len = shortest; len <= n + 1; len++) for (const id of buckets.get(endingKey(len, last)) ?? []) consider(id);
    return [...found];
  }

  private ensureBucketed(): Map<number, number[]> {
    for (let id = this.bucketedCount; id < this.words.length; id++) {
      const len = this.lengths[id]!;
      if (len < TYPO_MIN_WORD) continue;
      const key = endingKey(len, this.words[id]!.charCodeAt(len - 1));
      const bucket = this.byEnding.get(key);
      if (bucket) bucket.push(id);
      else this.byEnding.set(key, [id]);
    }
    this.bucketedCount = this.words.length;
    return this.byEnding;
  }

  /**
   * New ids are appended to the sorted list and the list sorted again: the engines' merge sort
   * (TimSort) finds the long sorted run, so a save's few new tokens cost about one pass, not a
   * full sort of a vocabulary of hundreds of thousands.
   */
  private ensureSorted(): number[] {
    const words = this.words;
    if (this.sortedCount === words.length) return this.sorted;
    for (let id = this.sortedCount; id < words.length; id++) this.sorted.push(id);
    this.sorted.sort((a, b) => (words[a]! < words[b]! ? -1 : words[a]! > words[b]! ? 1 : 0));
    this.sortedCount = words.length;
    return this.sorted;
  }
}

function endingKey(length: number, lastChar: number): number {
  return length * 0x10000 + lastChar;
}
