// A short notice on the page itself (a copy from the popup or context menu while reader view is
// closed). Same isolation as the overlay: a fresh host on <html>, closed shadow root, constructed
// stylesheet; it removes itself, leaving the page as it was.
import { h } from './dom';
import { adoptStyles } from './styles';

const CSS = `:host { all: initial !important; position: fixed !important; z-index: 2147483647 !important; bottom: 24px !important;
  left: 50% !important; transform: translateX(-50%) !important; display: block !important; pointer-events: none !important; }
.toast { font: 14px system-ui, sans-serif; background: #1d1d1f; color: #fff; padding: 10px 16px; border-radius: 8px;
  box-shadow: 0 4px 16px rgba(0,0,0,.25); }
@media (forced-colors: active) { .toast { border: 2px solid CanvasText; background: Canvas; color: CanvasText; } }`;

let current: HTMLElement | null = null;

export function showPageToast(doc: Document, text: string, ms = 2600): void {
  current?.remove();
  const host = doc.createElement('div');
  const root = host.attachShadow({ mode: 'closed' });
  adoptStyles(root, CSS);
  root.append(h(doc, 'div', { class: 'toast', role: 'status', 'aria-live': 'polite', 'data-testid': 'reader-toast' }, [text]));
  doc.documentElement.appendChild(host);
  current = host;
  setTimeout(() => {
    host.remove();
    if (current === host) current = null;
  }, ms);
}
