// Keeps the reader's <dialog> the browser's topmost modal, above whatever the page puts in the top
// layer. While a modal dialog is open, everything outside the newest one is inert: a cookie wall
// opened with showModal() left the reader (then a popover) drawn but dead to Close, Esc, its
// buttons and scrolling. The newest modal dialog is topmost and alive, so the reader shows its
// dialog with showModal(), and shows it again whenever the page opens a dialog, a popover or a
// fullscreen element of its own while the reader is open.
//
// Showing it again takes the dialog out of the tree and puts it back, rather than close():
// close() would hand focus back to the page's element (the page would see focus events).
// The page can fight back by reopening its own; re-showing is limited to a few times a second so
// that fight never costs more than a little layout, and the popup's toggle always closes.

const MIN_INTERVAL_MS = 200;

/** Shows `dialog` as the topmost modal; where that is not possible (jsdom, old engines) just open. */
export function showOnTop(dialog: HTMLDialogElement): void {
  if (typeof dialog.showModal === 'function' && dialog.isConnected) {
    try {
      dialog.showModal();
      return;
    } catch {
      // Already open in a way showModal refuses: fall back to a plain open dialog.
    }
  }
  dialog.setAttribute('open', '');
}

/** Takes `dialog` out and shows it again, keeping its scroll positions and the focused element. */
function reshow(dialog: HTMLDialogElement, root: ShadowRoot, scrollers: HTMLElement[]): void {
  const parent = dialog.parentNode;
  if (!parent || typeof dialog.showModal !== 'function') return;
  const focused = root.activeElement as HTMLElement | null;
  const offsets = scrollers.map((s) => [s.scrollTop, s.scrollLeft] as const);
  const next = dialog.nextSibling;
  dialog.remove();
  dialog.removeAttribute('open');
  parent.insertBefore(dialog, next);
  showOnTop(dialog);
  scrollers.forEach((s, i) => ([s.scrollTop, s.scrollLeft] = offsets[i]!));
  (focused ?? dialog).focus({ preventScroll: true });
}

/**
 * Watches the page for top-layer content opened after `dialog` (an `open` attribute set by
 * showModal(), a popover's toggle, fullscreen) and shows `dialog` again above it. Returns the
 * function that stops watching.
 */
export function keepOnTop(doc: Document, root: ShadowRoot, dialog: HTMLDialogElement, scrollers: HTMLElement[]): () => void {
  const win = doc.defaultView;
  if (!win || typeof dialog.showModal !== 'function') return () => {};
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    last = Date.now();
    if (dialog.isConnected) reshow(dialog, root, scrollers);
  };
  const schedule = () => {
    if (timer !== undefined) return;
    const wait = Math.max(0, last + MIN_INTERVAL_MS - Date.now());
    if (wait === 0) run();
    else timer = setTimeout(run, wait);
  };
  // A dialog's showModal() is seen twice: its `open` attribute at once, and its `toggle` event a
  // task later. Answering both showed the reader a second time ~200 ms after the first, replacing
  // its nodes under a click in flight; each opening is answered once, until that element closes.
  const answered = new WeakSet<EventTarget>();
  const opened = (el: EventTarget, open: boolean) => {
    if (!open) answered.delete(el);
    else if (!answered.has(el)) {
      answered.add(el);
      schedule();
    }
  };
  const observer = new win.MutationObserver((records) => {
    for (const r of records) opened(r.target, (r.target as Element).hasAttribute?.('open') ?? false);
  });
  observer.observe(doc, { subtree: true, attributes: true, attributeFilter: ['open'] });
  // `toggle` does not bubble, but a capture listener on the window sees it on any element.
  const onToggle = (e: Event) => {
    const state = (e as Event & { newState?: string }).newState;
    if (e.target && state) opened(e.target, state === 'open');
  };
  win.addEventListener('toggle', onToggle, true);
  doc.addEventListener('fullscreenchange', schedule, true);
  return () => {
    observer.disconnect();
    win.removeEventListener('toggle', onToggle, true);
    doc.removeEventListener('fullscreenchange', schedule, true);
    clearTimeout(timer);
  };
}
