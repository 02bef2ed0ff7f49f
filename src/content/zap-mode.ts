// Zap: removing a block from the reader by hand. The toolbar's button (or `x`) turns the mode on:
// a bar under the toolbar says what to do, the block under the pointer (or picked with the keys)
// is outlined, and a click or Enter hands it to the controller, which reads the page again
// without it and remembers it for the site. Keys while on: ↓/j and ↑/k step through the
// article's blocks, ← takes the block around the picked one (a whole list rather than one item),
// → goes back in, Enter or Delete removes, Esc ends the mode. Everything else (Space, PageDown…)
// scrolls as usual.
import { t } from '../shared/strings/t';
import { normalizedText } from '../core/dom';
import { clipText, h, trusted } from './dom';

/** The blocks a step moves between: the smallest units a reader would call "this box". */
const LEAF = 'p, li, blockquote, figure, pre, table, h2, h3, h4, h5, h6, dl, aside, details, img, picture, video, iframe, hr';
const TARGET = 'rw-zap-target';
const PREVIEW_CHARS = 70;

export interface ZapMode {
  element: HTMLElement;
  isOn(): boolean;
  toggle(): void;
  /** Handles a key while the mode is on; false for keys it leaves to the reader. */
  key(key: string): boolean;
  stop(): void;
}

export function buildZapMode(doc: Document, content: HTMLElement, scroller: HTMLElement, zap: (block: Element) => void, changed: (on: boolean) => void, startOn = false): ZapMode {
  const status = h(doc, 'span', { class: 'zap-status', 'aria-live': 'polite', 'data-testid': 'zap-status' });
  const done = h(doc, 'button', { type: 'button', 'data-testid': 'zap-done' }, [t('zap_done_button')]);
  const element = h(doc, 'div', { class: 'zap-bar', id: 'rw-zap', role: 'region', 'aria-label': t('zap'), 'data-testid': 'zap-bar', hidden: true }, [
    h(doc, 'span', { class: 'zap-hint' }, [t('zap_hint')]), status, done,
  ]);
  let on = false;
  let target: Element | null = null;
  /** The blocks ← widened from, so → goes back in the same way. */
  let inner: Element[] = [];

  /** The outermost blocks: an item counts once, through its list-free leaf, not again inside a quote or figure. */
  const leaves = () => [...content.querySelectorAll(LEAF)].filter((el) => {
    const up = el.parentElement?.closest(LEAF);
    return !up || !content.contains(up);
  });
  const pick = (el: Element | null, keepInner = false) => {
    target?.classList.remove(TARGET);
    target = el;
    if (!keepInner) inner = [];
    if (!el) return void (status.textContent = '');
    el.classList.add(TARGET);
    const words = normalizedText(el);
    status.textContent = words ? t('zap_picked', clipText(words, PREVIEW_CHARS)) : t('zap_picked_no_text');
  };
  const show = (el: Element | null) => {
    pick(el);
    el?.scrollIntoView?.({ block: 'nearest', behavior: 'instant' as ScrollBehavior });
  };
  /** The first block whose top is in view: where the keys start. */
  const firstInView = () => {
    const top = scroller.getBoundingClientRect().top;
    const all = leaves();
    return all.find((el) => el.getBoundingClientRect().bottom > top) ?? all[0] ?? null;
  };
  const step = (by: 1 | -1) => {
    const all = leaves();
    // From inside a widened or hovered block: the leaf that holds it or that it holds.
    const at = target ? all.findIndex((el) => el === target || el.contains(target!) || target!.contains(el)) : -1;
    show(all[at < 0 ? (by > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, at + by))] ?? null);
  };

  const blockAt = (node: EventTarget | null): Element | null => {
    const el = node instanceof Element ? node : null;
    const leaf = el?.closest(LEAF);
    if (leaf && content.contains(leaf)) return leaf;
    return el && el !== content && content.contains(el) ? el : null;
  };
  const onPointer = trusted((e: PointerEvent) => on && pick(blockAt(e.target)));
  const onClick = trusted((e: MouseEvent) => {
    if (!on) return;
    // A link or button in the article must not act while the user is picking what to remove.
    e.preventDefault();
    e.stopPropagation();
    const block = blockAt(e.target);
    if (block) zap(block);
  });
  content.addEventListener('pointerover', onPointer);
  content.addEventListener('click', onClick, true);

  const set = (next: boolean) => {
    on = next;
    element.hidden = !on;
    content.classList.toggle('zapping', on);
    changed(on);
    if (on) pick(firstInView());
    else pick(null);
  };
  done.addEventListener('click', trusted(() => set(false)));
  if (startOn) set(true);

  return {
    element,
    isOn: () => on,
    toggle: () => set(!on),
    key(key) {
      if (!on) return false;
      if (key === 'ArrowDown' || key === 'j') step(1);
      else if (key === 'ArrowUp' || key === 'k') step(-1);
      else if (key === 'ArrowLeft') {
        const outer = target?.parentElement;
        if (target && outer && outer !== content && content.contains(outer)) {
          inner.push(target);
          pick(outer, true);
        }
      } else if (key === 'ArrowRight') {
        const back = inner.pop();
        if (back) pick(back, true);
      } else if (key === 'Enter' || key === 'Delete' || key === 'Backspace') {
        if (target) zap(target);
      } else if (key === 'Escape') set(false);
      else return false;
      return true;
    },
    stop() {
      content.removeEventListener('pointerover', onPointer);
      content.removeEventListener('click', onClick, true);
      pick(null);
    },
  };
}
