// How text becomes search tokens, shared by the index and the query so both sides agree.
//
// Folding: each character is decomposed (NFKD), combining marks dropped, lower-cased, and a few
// letters that do not decompose (ß, æ, ø, ł…) spelled out, so "Müller" is found by "muller" and
// "Straße" by "strasse". Words are runs of letters and digits. Chinese and Japanese have no spaces
// between words: each run of Han or kana is indexed as overlapping character pairs plus its last
// character, so a query of one or more characters still finds it by prefix. Korean separates
// words with spaces and is tokenized like other scripts.
//
// Why a hand-written scanner: the library page tokenizes every saved text when it opens (tens of
// MB at 10,000 articles). Normalizing whole texts and running Unicode regexes over them took
// seconds; folding character by character through a cache, with plain ASCII sliced straight out
// of the text, is several times faster (scripts/bench-library.mjs).

const FOLD_EXTRA: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h' };
const EXTRA = /[ßæœøłđðþıħ]/g;
const MARKS = /\p{M}+/gu;
const LETTER = /^[\p{L}\p{N}]$/u;
const MARK = /^[\p{M}\u200c\u200d\u00ad]$/u;
/** Longer tokens are kept to this prefix: nobody types 40 letters to search. */
const MAX_TOKEN = 24;

/** Folds a whole string the same way the scanner folds each character. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(EXTRA, (c) => FOLD_EXTRA[c] ?? c);
}

function isPaired(cp: number): boolean {
  return (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff)
    || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x2fa1f);
}

/** Per non-ASCII code point: its folded letters, '' when it vanishes (a mark), null for a separator. */
const foldCache = new Map<number, string | null>();

function foldChar(cp: number): string | null {
  let folded = foldCache.get(cp);
  if (folded !== undefined) return folded;
  const ch = String.fromCodePoint(cp);
  if (MARK.test(ch)) folded = '';
  else if (cp >= 0xac00 && cp <= 0xd7af) folded = ch; // Hangul syllables stay whole
  else {
    let letters = '';
    for (const part of foldText(ch)) if (LETTER.test(part)) letters += part;
    folded = letters || null;
  }
  foldCache.set(cp, folded);
  return folded;
}

/** Calls `emit` with every token of `text`, in order, with repeats. */
export function forEachToken(text: string, emit: (token: string) => void): void {
  let word = ''; // the current word when it needed folding
  let start = -1; // start of the current word while it is plain lower-case ASCII, sliced at the end
  let paired = ''; // the current run of Han or kana
  const endWord = (i: number) => {
    if (start >= 0) word = text.slice(start, i);
    if (word) emit(word.length > MAX_TOKEN ? word.slice(0, MAX_TOKEN) : word);
    word = '';
    start = -1;
  };
  const endPaired = () => {
    for (let k = 0; k + 1 < paired.length; k++) emit(paired.slice(k, k + 2));
    if (paired) emit(paired.slice(-1));
    paired = '';
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (paired) endPaired();
      const lower = c >= 0x61 && c <= 0x7a;
      if (lower || (c >= 0x30 && c <= 0x39)) {
        if (start < 0 && !word) start = i;
        else if (start < 0) word += text[i];
      } else if (c >= 0x41 && c <= 0x5a) {
        if (start >= 0) {
          word = text.slice(start, i);
          start = -1;
        }
        word += String.fromCharCode(c + 32);
      } else if (start >= 0 || word) endWord(i);
      continue;
    }
    const at = i;
    let cp = c;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
    }
    if (isPaired(cp)) {
      if (start >= 0 || word) endWord(at);
      paired += String.fromCodePoint(cp);
      continue;
    }
    if (paired) endPaired();
    const folded = foldChar(cp);
    if (folded === null) {
      if (start >= 0 || word) endWord(at);
    } else {
      // Leave slicing mode: this character (even a vanishing mark) is not in the token as written.
      if (start >= 0) {
        word = text.slice(start, at);
        start = -1;
      }
      word += folded;
    }
  }
  endPaired();
  endWord(n);
}

/** Every token of `text` (see forEachToken), appended to `out`. */
export function tokenize(text: string, out: string[] = []): string[] {
  forEachToken(text, (t) => out.push(t));
  return out;
}

/** The distinct terms of a query; CJK pairs included, so "東京都" asks for 東京 and 京都. */
export function queryTerms(query: string): string[] {
  const terms = new Set(tokenize(query));
  // A term that is a prefix of another term adds nothing to an AND of prefix matches (this also
  // drops a CJK run's trailing character, which its last pair already covers).
  const all = [...terms];
  return all.filter((t) => !all.some((o) => o !== t && (o.startsWith(t) || (t.length === 1 && o.length === 2 && o.endsWith(t) && isPairedText(o)))));
}

function isPairedText(s: string): boolean {
  return isPaired(s.codePointAt(0)!);
}
