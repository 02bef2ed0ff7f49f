// Highlights and notes on a saved article: what one is, and the check every stored or imported
// one passes. A highlight is anchored by its words and their context (highlight-anchor.ts), not
// by a place in the markup, so it is found again however the article is rendered. Kept in the
// article's record, so it is exported, imported, merged and deleted with the article.
import type { TextAnchor } from './highlight-anchor';

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

export interface Highlight extends TextAnchor {
  id: string;
  color: HighlightColor;
  /** The user's note: plain text, may hold line breaks; '' for none. */
  note: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

export const HIGHLIGHT_LIMITS = {
  perArticle: 500,
  quote: 5_000,
  context: 64,
  note: 4_000,
  /** An article's text is at most 4,000,000 characters (article-record LIMITS.textBytes). */
  start: 4_000_000,
} as const;

const ID = /^[A-Za-z0-9-]{1,40}$/;
/** Control characters other than tab and line breaks, and bidi overrides: never part of a note. */
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** A note as stored: no controls or bidi overrides, Windows line ends made plain, bounded. */
export function cleanNote(note: string): string {
  return Array.from(note.replace(/\r\n?/g, '\n').replace(UNSAFE, '').trim()).slice(0, HIGHLIGHT_LIMITS.note).join('');
}

const text = (v: unknown, max: number, nonEmpty = false): v is string => typeof v === 'string' && v.length <= max && (!nonEmpty || v.trim() !== '');

/** One stored or imported highlight → a valid one, or null (its article keeps the others). */
export function validHighlight(input: unknown, maxTime: number): Highlight | null {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return null;
  const h = input as Record<string, unknown>;
  const ok = typeof h.id === 'string' && ID.test(h.id) && text(h.quote, HIGHLIGHT_LIMITS.quote, true) &&
    text(h.prefix, HIGHLIGHT_LIMITS.context) && text(h.suffix, HIGHLIGHT_LIMITS.context) &&
    Number.isInteger(h.start) && (h.start as number) >= 0 && (h.start as number) <= HIGHLIGHT_LIMITS.start &&
    (HIGHLIGHT_COLORS as readonly unknown[]).includes(h.color) && typeof h.note === 'string' && h.note.length <= HIGHLIGHT_LIMITS.note * 2 &&
    Number.isInteger(h.createdAt) && (h.createdAt as number) >= 0 && (h.createdAt as number) <= maxTime;
  if (!ok) return null;
  return {
    id: h.id as string,
    quote: h.quote as string,
    prefix: h.prefix as string,
    suffix: h.suffix as string,
    start: h.start as number,
    color: h.color as HighlightColor,
    note: cleanNote(h.note as string),
    createdAt: h.createdAt as number,
  };
}

/** Two copies' highlights as a merge keeps them: every highlight of either once (by id), the newer copy's where both have it. */
export function mergeHighlights(newer: readonly Highlight[], older: readonly Highlight[]): Highlight[] {
  const byId = new Map(newer.map((h) => [h.id, h]));
  for (const h of older) if (!byId.has(h.id)) byId.set(h.id, h);
  return [...byId.values()].sort((x, y) => x.start - y.start || x.createdAt - y.createdAt).slice(0, HIGHLIGHT_LIMITS.perArticle);
}
