// How far through the article the reader is: a status line under the text with a bar and
// "N min left" (its own strip, so it never covers the text). The bar is decoration for sighted readers (aria-hidden); the label is plain text a
// screen reader finds, not a live region, so scrolling is not read out.
import { t, tn } from '../shared/strings/t';
import { h } from './dom';

/** Whole minutes left of `readingMinutes` at `progress` (0–1): at least 1 until the very end. */
export function minutesLeft(readingMinutes: number, progress: number): number {
  if (progress >= 0.995) return 0;
  return Math.max(1, Math.ceil(readingMinutes * (1 - progress)));
}

export function placeLabel(minutes: number): string {
  return minutes === 0 ? t('reader_end') : tn('reader_left', minutes);
}

export interface Progress {
  element: HTMLElement;
  show(progress: number): void;
}

export function buildProgress(doc: Document, readingMinutes: number): Progress {
  const fill = h(doc, 'div', { class: 'progress-fill', 'data-testid': 'reader-progress' });
  const bar = h(doc, 'div', { class: 'progress', 'aria-hidden': 'true' }, [fill]);
  const label = h(doc, 'div', { class: 'place', 'data-testid': 'reader-place' });
  return {
    element: h(doc, 'div', { class: 'status' }, [bar, label]),
    show(progress) {
      fill.style.setProperty('--progress', String(progress));
      label.textContent = placeLabel(minutesLeft(readingMinutes, progress));
    },
  };
}
