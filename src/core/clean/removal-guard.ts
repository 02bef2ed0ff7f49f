// The clean rules' safety net: no rule may remove an element that holds most of the page's
// running text. Rules recognise clutter by names, roles and shapes that real pages sometimes put
// on the article itself (a `section#article-sec_0` named like a comments block, a whole page
// wrapped in a landmark); when they do, removing the match would remove the story and leave a
// teaser or nothing. The article is where the prose is, so the prose decides.
//
// "Prose" is what the second candidate weighs (choose/text-blocks.ts): runs of text owned by
// their nearest block (a paragraph, a cell, or a <div> that holds text directly, as forum posts in
// "div soup" do), a sentence or more and mostly not links. Each block adds its weight to every
// ancestor once, so asking whether an element is protected is a map lookup.
import { textBlocks } from '../choose/text-blocks';

/** An element holding this share of all prose is (or contains) the article... */
const PROTECTED_SHARE = 0.5;
/**
 * ...unless the rest of the page still has an article's worth of prose: a news story under a
 * comment thread three times its length keeps its story when the thread goes.
 */
const ENOUGH_ELSEWHERE = 1500;
/** Below this much prose on the whole page there is no article to protect. */
const MIN_PAGE_PROSE = 500;

export interface RemovalGuard {
  /** True when removing `el` would take most of the page's prose with it. */
  protects(el: Element): boolean;
  /** The share (0..1) of the page's prose inside `el`, as measured on first use. */
  share(el: Element): number;
  /** The prose blocks measured, with their weight outside links. */
  proseBlocks(): readonly ProseBlock[];
}

export interface ProseBlock {
  el: Element;
  amount: number;
}

export function createRemovalGuard(body: Element | null): RemovalGuard {
  let proseIn: Map<Element, number> | null = null;
  let total = 0;
  const blocks: ProseBlock[] = [];
  const measure = () => {
    proseIn = new Map();
    if (!body) return;
    for (const block of textBlocks(body)) {
      if (block.kind !== 'prose') continue;
      const amount = block.weight - block.linkWeight;
      blocks.push({ el: block.el, amount });
      total += amount;
      for (let a: Element | null = block.el; a && a !== body; a = a.parentElement) proseIn.set(a, (proseIn.get(a) ?? 0) + amount);
    }
  };
  return {
    proseBlocks() {
      if (!proseIn) measure();
      return blocks;
    },
    share(el) {
      if (!proseIn) measure();
      return total > 0 ? (proseIn!.get(el) ?? 0) / total : 0;
    },
    protects(el) {
      // Measured on first use, after the hidden-text rules: text nobody sees is not the article.
      if (!proseIn) measure();
      if (total < MIN_PAGE_PROSE) return false;
      const inside = proseIn!.get(el) ?? 0;
      return inside >= total * PROTECTED_SHARE && total - inside < ENOUGH_ELSEWHERE;
    },
  };
}
