// Moving through the article from the keyboard. The page under the overlay is locked, and focus
// sits on the dialog, which does not scroll, so the browser's own key scrolling finds nothing to
// move: the overlay scrolls its scroll container itself. Distances follow the browsers' own:
// 40 px a line, seven eighths of the visible height a page. Smooth or instant is the container's
// CSS `scroll-behavior` (smooth, `auto` under prefers-reduced-motion), so nothing here decides.
import type { ScrollMove } from './keys';

export const LINE_PX = 40;
/** Space left above a paragraph that j/k bring to the top, so its first line is not flush. */
export const STOP_MARGIN_PX = 16;
/** Blocks j/k stop at. Nested ones (a <p> in a <blockquote>) start within a few px and merge. */
const STOPS = 'p, li, h2, h3, h4, h5, h6, blockquote, pre, figure, table, dl';

export interface Geometry {
  /** Where the container is, or is already heading to. */
  from: number;
  /** The visible height. */
  view: number;
  /** The largest scrollTop. */
  max: number;
  /** scrollTop that puts each block at the top (ascending); only read for paragraph moves. */
  stops(): number[];
}

/** The scrollTop a move goes to, clamped to the article. */
export function scrollTarget(move: ScrollMove, g: Geometry): number {
  const page = g.view * 0.875;
  const to = {
    'line-down': () => g.from + LINE_PX,
    'line-up': () => g.from - LINE_PX,
    'page-down': () => g.from + page,
    'page-up': () => g.from - page,
    top: () => 0,
    bottom: () => g.max,
    // Past the last paragraph: the end; before the first: the top.
    'next-paragraph': () => g.stops().find((y) => y > g.from + 4) ?? g.max,
    'previous-paragraph': () => g.stops().reverse().find((y) => y < g.from - 4) ?? 0,
  }[move]();
  return Math.round(Math.max(0, Math.min(g.max, to)));
}

/** Binds scrollTarget to the overlay's scroll container and the article inside it. */
export function keyScroller(scroller: HTMLElement, content: HTMLElement): (move: ScrollMove) => void {
  // Where a smooth scroll under way is heading: a held key's repeats add to it, rather than
  // restarting from wherever the animation has got to (which would make a held key crawl).
  let heading: number | null = null;
  scroller.addEventListener('scrollend', () => (heading = null));
  return (move) => {
    const from = heading ?? scroller.scrollTop;
    const stops = () => {
      const base = scroller.getBoundingClientRect().top - scroller.scrollTop + STOP_MARGIN_PX;
      return Array.from(content.querySelectorAll(STOPS), (el) => el.getBoundingClientRect().top - base).sort((a, b) => a - b);
    };
    const to = scrollTarget(move, { from, view: scroller.clientHeight, max: scroller.scrollHeight - scroller.clientHeight, stops });
    if (to === Math.round(scroller.scrollTop)) return void (heading = null);
    heading = to;
    scroller.scrollTo({ top: to });
  };
}
