// Remembering where the reader was left on this page, so reopening it resumes there (the start
// comes from PositionStore.load): the position is saved at most once a second while scrolling,
// and once more when the reader closes or the page goes away (tab closed, navigated, hidden).
import type { PositionStore } from '../platform/position-store';
import { throttledSaver } from '../shared/reading-position';

const SAVE_EVERY_MS = 1000;

export interface PlaceKeeper {
  moved(progress: number): void;
  /** Saves the last position and stops listening to the page. */
  stop(): void;
}

/** `startAt`: where the reader opened; a place never moved from is not written (nor a new entry made for it). */
export function keepPlace(store: PositionStore, url: string, startAt: number, win: Window): PlaceKeeper {
  let moved = false;
  const save = (p: number) => {
    if (!moved && p === startAt) return;
    moved = true;
    store.save(url, p).catch(() => undefined);
  };
  const saver = throttledSaver(save, SAVE_EVERY_MS, win);
  const flush = () => saver.flush();
  const onVisibility = () => win.document.visibilityState === 'hidden' && saver.flush();
  win.addEventListener('pagehide', flush);
  win.document.addEventListener('visibilitychange', onVisibility);
  return {
    moved: (p) => saver.push(p),
    stop() {
      saver.flush();
      win.removeEventListener('pagehide', flush);
      win.document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
