// What "the page is left exactly as before" means in the browser tests: the serialized DOM, the
// scroll position and the focused element.
import type { Page } from 'playwright-core';

export interface PageState {
  html: string;
  scrollX: number;
  scrollY: number;
  /** A description of document.activeElement, e.g. `a#first-link` or `body`. */
  focus: string;
}

export function pageState(page: Page): Promise<PageState> {
  return page.evaluate(() => {
    const a = document.activeElement;
    const focus = a ? `${a.localName}${a.id ? `#${a.id}` : ''}${a.getAttribute('href') ? `[href="${a.getAttribute('href')}"]` : ''}` : 'none';
    return { html: document.documentElement.outerHTML, scrollX: window.scrollX, scrollY: window.scrollY, focus };
  });
}

/** Scrolls the page to `y` and focuses its first link in the article area, so restoring both is observable. */
export async function prepareState(page: Page, y: number): Promise<PageState> {
  await page.evaluate((top) => {
    const link = document.querySelector<HTMLElement>('article a[href], main a[href], a[href]');
    link?.focus({ preventScroll: true });
    window.scrollTo(0, top);
  }, y);
  await page.waitForFunction((top) => Math.abs(window.scrollY - top) < 2, y);
  return pageState(page);
}

/** The local name of the element the page finds at the centre of the viewport (a shadow host stands for its root). */
export function elementAtCentre(page: Page): Promise<string> {
  return page.evaluate(() => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.localName ?? 'none');
}
