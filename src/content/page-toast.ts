// Short notices on the page itself, outside any overlay: a copy from the popup or context menu
// while reader view is closed, and "Preparing reader view…" while a large page is read. Same
// isolation as the overlay: a fresh host on <html> (outside the body the core reads), closed
// shadow root, constructed stylesheet; each removes itself, leaving the page as it was.
import { h } from './dom';
import { adoptStyles } from './styles';

// The working notice fades in only after 150 ms, so a quick opening never shows it. An opacity
// animation can run on the compositor in Chromium and Firefox (Firefox's own tests cover delayed
// ones), so it can appear while the page's main thread is busy extracting, which is when it is
// needed. (A CDP screenshot waits for the main thread, so the browser test checks the order of
// notice, work and overlay, not the notice's pixels mid-work.)
const CSS = `:host { all: initial !important; position: fixed !important; z-index: 2147483647 !important; bottom: 24px !important;
  left: 50% !important; transform: translateX(-50%) !important; display: block !important; pointer-events: none !important; }
.toast { font: 14px system-ui, sans-serif; background: #1d1d1f; color: #fff; padding: 10px 16px; border-radius: 8px;
  box-shadow: 0 4px 16px rgba(0,0,0,.25); }
.later { animation: appear 120ms ease-out 150ms both; }
@keyframes appear { from { opacity: 0; } to { opacity: 1; } }
@media (prefers-reduced-motion: reduce) { .later { animation-duration: 1ms; } }
@media (forced-colors: active) { .toast { border: 2px solid CanvasText; background: Canvas; color: CanvasText; } }`;

let current: HTMLElement | null = null;

function place(doc: Document, text: string, className: string): HTMLElement {
  current?.remove();
  const host = doc.createElement('div');
  const root = host.attachShadow({ mode: 'closed' });
  adoptStyles(root, CSS);
  root.append(h(doc, 'div', { class: className, role: 'status', 'aria-live': 'polite', 'data-testid': 'reader-toast' }, [text]));
  doc.documentElement.appendChild(host);
  current = host;
  return host;
}

function removeHost(host: HTMLElement): void {
  host.remove();
  if (current === host) current = null;
}

export function showPageToast(doc: Document, text: string, ms = 2600): void {
  const host = place(doc, text, 'toast');
  setTimeout(() => removeHost(host), ms);
}

/** Shows `text` as work in progress, visible from 150 ms on; the returned function takes it away. */
export function showPageWorking(doc: Document, text: string): () => void {
  const host = place(doc, text, 'toast later');
  return () => removeHost(host);
}
