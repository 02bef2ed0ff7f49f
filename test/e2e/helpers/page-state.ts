// What "the page is left exactly as before" means in the browser tests: the serialized DOM, the
// scroll position and the focused element. Works on a page of either browser (helpers/tab.ts).
import { inPage as run, type AnyPage } from './tab.js';
import { until } from './wait.js';

export interface PageState {
  html: string;
  scrollX: number;
  scrollY: number;
  /** A description of document.activeElement, e.g. `a#first-link` or `body`. */
  focus: string;
}

export function pageState(page: AnyPage): Promise<PageState> {
  return run(page, () => {
    const a = document.activeElement;
    const focus = a ? `${a.localName}${a.id ? `#${a.id}` : ''}${a.getAttribute('href') ? `[href="${a.getAttribute('href')}"]` : ''}` : 'none';
    return { html: document.documentElement.outerHTML, scrollX: window.scrollX, scrollY: window.scrollY, focus };
  });
}

/** Scrolls the page to `y` and focuses its first link in the article area, so restoring both is observable. */
export async function prepareState(page: AnyPage, y: number): Promise<PageState> {
  await run(page, (top: number) => {
    const link = document.querySelector<HTMLElement>('article a[href], main a[href], a[href]');
    link?.focus({ preventScroll: true });
    window.scrollTo(0, top);
  }, y);
  return until(`the page to scroll to ${y}`, async () => {
    const s = await pageState(page);
    return Math.abs(s.scrollY - y) < 2 ? s : undefined;
  });
}

/** The local name of the element the page finds at the centre of the viewport (a shadow host stands for its root). */
export function elementAtCentre(page: AnyPage): Promise<string> {
  return run(page, () => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.localName ?? 'none');
}
