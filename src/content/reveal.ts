// After "Show again" the article is read anew and the reader reopens where it was; without more,
// the block that came back could be anywhere, off screen, and the reader would have to hunt for
// it. This finds each one in the new article by the text the removal logged (its first 120
// characters, white space collapsed), marks it for a moment, and brings the first into view.
import { findByText, type Removal } from '../core/index';

/** The most the core logs of a removed block's text (core/clean/rule.ts): a longer block's logged text is a prefix. */
const LOGGED_CHARS = 120;

/**
 * The element that holds a removed block again: one whose whole text is the logged text, or, for
 * a block logged cut short, the innermost one whose text starts with it. Null for blocks without
 * text and for those the re-read did not bring back.
 */
export const findRestored = (content: Element, removal: Removal): Element | null => findByText(content, removal.text, LOGGED_CHARS);

/** Marks each restored block and scrolls the first into the middle of the reader. */
export function revealRestored(content: Element, removals: readonly Removal[]): void {
  const found = removals.map((r) => findRestored(content, r)).filter((el): el is Element => el !== null);
  for (const el of found) {
    el.classList.add('rw-restored');
    // The mark is a moment's: gone once its fade ends, so nothing of it stays in the reader's copy.
    el.addEventListener('animationend', () => el.classList.remove('rw-restored'), { once: true });
  }
  found[0]?.scrollIntoView?.({ block: 'center', behavior: 'instant' as ScrollBehavior });
}
