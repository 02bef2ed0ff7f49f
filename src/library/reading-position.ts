// Remembering how far the user has read: progress is the fraction of the scrollable height
// above the viewport's top, saved at most once per `intervalMs` while scrolling and once more when
// the page is hidden, so closing the tab keeps the last position.

export function progressOf(scrollTop: number, scrollHeight: number, viewportHeight: number): number {
  const max = scrollHeight - viewportHeight;
  if (max <= 0) return 0;
  return Math.min(1, Math.max(0, Math.round((scrollTop / max) * 10_000) / 10_000));
}

export function scrollTopFor(progress: number, scrollHeight: number, viewportHeight: number): number {
  return Math.max(0, Math.round(progress * (scrollHeight - viewportHeight)));
}

/** Calls `save` with the latest value at most once per interval, and on `flush`. */
export function throttledSaver(save: (value: number) => void, intervalMs: number, timers: Pick<Window, 'setTimeout' | 'clearTimeout'>) {
  let pending: number | null = null;
  let last: number | null = null;
  let timer = 0;
  const fire = () => {
    timer = 0;
    if (pending !== null && pending !== last) {
      last = pending;
      save(pending);
    }
    pending = null;
  };
  return {
    push(value: number) {
      pending = value;
      if (!timer) timer = timers.setTimeout(fire, intervalMs);
    },
    flush() {
      if (timer) timers.clearTimeout(timer);
      fire();
    },
  };
}
