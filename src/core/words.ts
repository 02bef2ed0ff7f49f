// Word count and reading time that also work for Chinese, Japanese and Korean, where words are
// not separated by spaces: each CJK character counts as one unit and is read at its own speed.

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u{20000}-\u{2fa1f}]/gu;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
/** Typical silent reading speeds: words per minute for spaced scripts, characters for CJK. */
const WORDS_PER_MINUTE = 230;
const CJK_CHARS_PER_MINUTE = 500;

export interface WordStats {
  words: number;
  readingMinutes: number;
}

export function wordStats(text: string): WordStats {
  const cjk = text.match(CJK)?.length ?? 0;
  const rest = text.replace(CJK, ' ');
  let spaced = 0;
  for (const _ of rest.matchAll(WORD)) spaced++;
  const minutes = spaced / WORDS_PER_MINUTE + cjk / CJK_CHARS_PER_MINUTE;
  return { words: spaced + cjk, readingMinutes: Math.max(1, Math.round(minutes)) };
}
