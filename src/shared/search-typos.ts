// The one rule for forgiving a typo, shared by the index (which articles match), the ranking
// (where they match) and the snippets (which words to mark), so all three agree.
//
// The rule: a query word always finds the words it begins ("harb" finds "harbour"). It also finds
// a saved word of five letters or more that is one typo away from it, as a whole word: one letter
// missing, one extra, one wrong, or two neighbours swapped ("ferrry", "fery", "fetry", "frery" all
// find "ferry"). The five letters are the saved word's: the issue's own example, "fery" for
// "ferry", is a four-letter query. Shorter saved words are never matched by a typo: one edit from
// a four-letter word reaches too many others ("fern", "very", "ferry"...). Query words with digits
// never are either: "2023" is not a typo of "2024". Typo matching does not extend to prefixes
// ("contan" does not find "container"); a typo is forgiven once the word is typed out.

/** Saved words shorter than this are never matched through a typo. */
export const TYPO_MIN_WORD = 5;

/** Whether a query term may match words one typo away (letters only, and long enough to reach TYPO_MIN_WORD). */
export function forgivesTypos(term: string): boolean {
  if (term.length < TYPO_MIN_WORD - 1) return false;
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return false;
    // Han and kana are indexed as character pairs, where "one letter off" means another word.
    if (c >= 0x3040 && c <= 0x9fff) return false;
  }
  return true;
}

/**
 * True when `a` and `b` differ by exactly one insertion, deletion, substitution or swap of two
 * neighbouring characters (optimal string alignment distance 1). Equal strings are not a typo.
 */
export function oneTypoApart(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1 || lb - la > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === la && i === lb) return false; // equal: not a typo
  // Compared in place, no slices: this runs for every candidate word of every typed term.
  const restEqual = (ai: number, bi: number) => {
    if (la - ai !== lb - bi) return false;
    for (; ai < la; ai++, bi++) if (a.charCodeAt(ai) !== b.charCodeAt(bi)) return false;
    return true;
  };
  if (la === lb) {
    // A substitution at i, or a swap of i and i + 1; the rest must agree.
    if (restEqual(i + 1, i + 1)) return true;
    return i + 1 < la && a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && restEqual(i + 2, i + 2);
  }
  // One extra character in the longer string at i.
  return la > lb ? restEqual(i + 1, i) : restEqual(i, i + 1);
}

/** How a saved token answers a query term. */
export const Match = { None: 0, Exact: 1, Typo: 2 } as const;
export type Match = (typeof Match)[keyof typeof Match];

/** The rule above for one term and one saved token. */
export function matchToken(term: string, token: string, typos = forgivesTypos(term)): Match {
  if (token.startsWith(term)) return Match.Exact;
  return typos && token.length >= TYPO_MIN_WORD && oneTypoApart(term, token) ? Match.Typo : Match.None;
}
