// The seed reconstruction (test/fixtures/pages/svg-icons--seed-news) as the browser tests see
// it: its title, its 17 paragraphs, and checks on what a reader shows.
import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findIconText } from '../../helpers/icon-text.js';
import type { OverlayView } from './overlay.js';
import { fixturesDir } from './server.js';

export const SEED = 'svg-icons--seed-news';
const dir = join(fixturesDir, SEED);
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { title: string; byline: string | null };

export const seedTitle: string = expected.title;
export const seedByline: string | null = expected.byline;
export const seedParagraphs: string[] = readFileSync(join(dir, 'paragraphs.txt'), 'utf8')
  .split('\n')
  .map((p) => p.trim())
  .filter(Boolean);

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Problems with `text` as a rendering of the seed article: a paragraph missing, out of order or
 * shown twice, or icon text present. Empty when the text is right.
 */
export function seedTextProblems(text: string): string[] {
  const t = norm(text);
  const problems: string[] = [];
  let from = 0;
  seedParagraphs.forEach((p, i) => {
    const want = norm(p);
    const at = t.indexOf(want);
    if (at < 0) problems.push(`paragraph ${i + 1} missing: "${want.slice(0, 60)}…"`);
    else {
      if (at < from) problems.push(`paragraph ${i + 1} out of order`);
      if (t.indexOf(want, at + want.length) >= 0) problems.push(`paragraph ${i + 1} appears twice`);
      from = at + want.length;
    }
  });
  for (const hit of findIconText(text)) problems.push(`icon text: ${hit.kind} "${hit.text}"`);
  return problems;
}

/** Markdown as a reader reads it: link and image syntax reduced to the link text, escapes undone. */
export function markdownToCheckableText(md: string): string {
  return md
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\\([\\`*_{}\[\]()#+\-.!<>])/g, '$1');
}

/** The seed article as the reader must show it: in a closed root, title, byline, every paragraph in order, no icon text anywhere. */
export function expectSeedOverlay(view: OverlayView | null): void {
  expect(view).not.toBeNull();
  expect(view!.shadowRootType).toBe('closed');
  expect(view!.text['reader-title']?.trim()).toBe(seedTitle);
  if (seedByline) expect(view!.text['reader-byline']).toContain(seedByline);
  expect(seedTextProblems(view!.text['reader-content'] ?? '')).toEqual([]);
  // Nothing else the overlay shows (header, meta, toolbar) carries icon text either.
  expect(seedTextProblems(Object.values(view!.text).join('\n')).filter((p) => p.startsWith('icon text'))).toEqual([]);
}
