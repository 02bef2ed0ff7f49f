// A saved article as the library search sees it, for the search tests: id, time, title and text,
// no byline or site, and whatever else a test sets (tags).
import type { Searchable } from '../../src/shared/library-search';

export function searchable<E extends Partial<Searchable> = Record<never, never>>(id: string, savedAt: number, title: string, text: string, extra?: E): Searchable & E {
  return { id, savedAt, title, byline: null, siteName: null, text, ...(extra as E) };
}
