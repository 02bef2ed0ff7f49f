// Keyboard focus kept inside the dialog (Tab wraps from last to first and back), and in-article
// `#fragment` links that scroll the overlay instead of the page underneath.

const FOCUSABLE = 'button, select, input, textarea, a[href], [tabindex]:not([tabindex="-1"])';

export function trapTab(root: ShadowRoot, dialog: HTMLElement, e: KeyboardEvent): void {
  const items = Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.hasAttribute('disabled') && !el.closest('[hidden]'));
  if (!items.length) return void e.preventDefault();
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const active = root.activeElement;
  if (e.shiftKey && (active === first || active === dialog)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && active === last) {
    e.preventDefault();
    first.focus();
  }
}

/** Handles a click on `#id` links in the article: scroll the overlay, never navigate the page. */
export function scrollToFragment(root: ShadowRoot, scroller: HTMLElement, e: MouseEvent): void {
  const link = (e.composedPath()[0] as Element | undefined)?.closest?.('a[href^="#"]');
  if (!link) return;
  e.preventDefault();
  let id = link.getAttribute('href')!.slice(1);
  try {
    id = decodeURIComponent(id);
  } catch {
    // A malformed escape: look the id up as written.
  }
  const target = id ? root.getElementById(id) : null;
  if (!target) return;
  const top = target.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop - 16;
  scroller.scrollTo({ top: Math.max(0, top) });
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
}
