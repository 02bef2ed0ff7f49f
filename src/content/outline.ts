// The article's outline: a list of its headings beside the text (the "Contents" button or `o`),
// the section being read marked as the text scrolls, and a pick scrolling to its heading. Heading
// text is page content: it goes in through textContent only (h() makes text nodes).
import { t } from '../shared/strings/t';
import { normalizedText } from '../core/dom';
import { clipText, h, trusted } from './dom';

export interface OutlineEntry {
  /** 0 for the article's title, then 1, 2, 3 for the heading levels under it. */
  depth: number;
  text: string;
  target: HTMLElement;
}

const HEADINGS = 'h1, h2, h3, h4';
const MAX_TEXT = 120;
/** Fewer headings than this make no outline worth a panel. */
export const MIN_HEADINGS = 2;

/** The content's headings in document order, their depth counted from the shallowest level used. */
export function outlineOf(content: ParentNode): OutlineEntry[] {
  const found = Array.from(content.querySelectorAll<HTMLElement>(HEADINGS)).flatMap((el) => {
    const text = normalizedText(el);
    return text ? [{ level: Number(el.localName[1]), text: clipText(text, MAX_TEXT), target: el }] : [];
  });
  const top = Math.min(...found.map((f) => f.level));
  return found.map(({ level, text, target }) => ({ depth: Math.min(3, level - top + 1), text, target }));
}

/**
 * Which entry is being read: the last one whose top (px from the reader's visible top) has
 * reached `line`, a quarter of the way down the view; before any has, the first.
 */
export function currentSection(tops: readonly number[], line: number): number {
  let current = 0;
  tops.forEach((top, i) => {
    if (top <= line) current = i;
  });
  return current;
}

export interface Outline {
  element: HTMLElement;
  isOpen(): boolean;
  /** Opens (focus on the current entry) or closes (focus back where it was). */
  toggle(): void;
  /** Marks the section at the reader's scroll position. */
  follow(): void;
  /** Arrow keys, Home and End move between entries while one has focus; true when handled. */
  moveFocus(key: string): boolean;
}

/**
 * `entries` with the title first; `scrollTo(target)` brings a heading to the top of `scroller`;
 * `focusBack` takes focus when the outline closes and the opener is gone; `changed` is told the
 * new open state (the toolbar button's aria-expanded).
 */
export function buildOutline(doc: Document, entries: OutlineEntry[], scroller: HTMLElement, scrollTo: (target: HTMLElement) => void, focusBack: HTMLElement, changed: (open: boolean) => void): Outline {
  const buttons = entries.map((entry) => {
    const b = h(doc, 'button', { type: 'button', class: 'outline-item', 'data-depth': entry.depth }, [entry.text]);
    b.addEventListener('click', trusted(() => pick(entry)));
    return b;
  });
  const list = h(doc, 'ol', {}, buttons.map((b) => h(doc, 'li', {}, [b])));
  const element = h(doc, 'nav', { class: 'outline', id: 'rw-outline', 'aria-label': t('outline'), 'data-testid': 'reader-outline', hidden: true }, [
    h(doc, 'h2', { class: 'outline-title' }, [t('outline')]),
    list,
  ]);
  let current = -1;
  let returnTo: HTMLElement = focusBack;
  const isOpen = () => !element.hidden;
  // Beside the text on a wide window; over it on a narrow one, where a pick also closes it.
  const covers = () => doc.defaultView?.matchMedia?.('(max-width: 47.99em)').matches ?? false;

  function pick(entry: OutlineEntry): void {
    scrollTo(entry.target);
    // The reader's focus moves on to the heading, so Tab and the keys carry on from there.
    if (!entry.target.hasAttribute('tabindex')) entry.target.setAttribute('tabindex', '-1');
    if (covers()) setOpen(false, false);
    entry.target.focus({ preventScroll: true });
  }

  function setOpen(open: boolean, moveFocus = true): void {
    if (open === isOpen()) return;
    if (open) returnTo = ((element.getRootNode() as ShadowRoot).activeElement as HTMLElement | null) ?? focusBack;
    const hadFocus = element.contains((element.getRootNode() as ShadowRoot).activeElement);
    element.hidden = !open;
    changed(open);
    if (open) {
      follow();
      if (moveFocus) buttons[Math.max(0, current)]?.focus({ preventScroll: true });
    } else if (moveFocus || hadFocus) {
      (returnTo.isConnected && !element.contains(returnTo) ? returnTo : focusBack).focus({ preventScroll: true });
    }
  }

  function follow(): void {
    if (!isOpen()) return;
    const base = scroller.getBoundingClientRect().top;
    const next = currentSection(entries.map((e) => e.target.getBoundingClientRect().top - base), scroller.clientHeight / 4);
    if (next === current) return;
    buttons[current]?.removeAttribute('aria-current');
    current = next;
    const b = buttons[current];
    if (!b) return;
    b.setAttribute('aria-current', 'location');
    // Keep the marked entry in the panel's view (by hand: scrollIntoView would also move the dialog).
    const top = b.offsetTop; // from the panel, which is positioned
    if (top < element.scrollTop || top + b.offsetHeight > element.scrollTop + element.clientHeight) element.scrollTop = top - element.clientHeight / 3;
  }

  function moveFocus(key: string): boolean {
    const at = buttons.indexOf((element.getRootNode() as ShadowRoot).activeElement as HTMLButtonElement);
    if (at < 0) return false;
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[key];
    if (to === undefined) return false;
    buttons[Math.max(0, Math.min(buttons.length - 1, to))]!.focus({ preventScroll: true });
    return true;
  }

  return { element, isOpen, toggle: () => setOpen(!isOpen()), follow, moveFocus };
}
