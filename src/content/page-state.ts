// What opening the overlay changes on the page, and putting it back exactly: the scroll lock
// (an inline overflow on <html>, whose original style attribute is restored byte for byte or
// removed if there was none), the scroll position, and the focused element. The overlay's host
// hangs off <html>, never <body>, so the body's content never changes; while the reader is open
// the body carries `inert` (page-inert.ts), taken off again on close.

export interface PageSnapshot {
  restore(): void;
}

export function lockPage(doc: Document): PageSnapshot {
  const view = doc.defaultView!;
  const html = doc.documentElement;
  const hadStyle = html.hasAttribute('style');
  const style = html.getAttribute('style');
  const x = view.scrollX;
  const y = view.scrollY;
  const focused = doc.activeElement;
  html.style.setProperty('overflow', 'hidden', 'important');
  return {
    restore() {
      if (hadStyle) html.setAttribute('style', style!);
      else html.removeAttribute('style');
      if (view.scrollX !== x || view.scrollY !== y) view.scrollTo({ left: x, top: y, behavior: 'instant' as ScrollBehavior });
      restoreFocus(doc, focused);
    },
  };
}

function restoreFocus(doc: Document, el: Element | null): void {
  if (el && el !== doc.body && el.isConnected && typeof (el as HTMLElement).focus === 'function') {
    (el as HTMLElement).focus({ preventScroll: true });
  } else if (doc.activeElement && doc.activeElement !== doc.body) {
    (doc.activeElement as HTMLElement).blur?.();
  }
}
