// Writing the clipboard from the content script. Copies start in three places, and the APIs
// behave differently in each:
//  - `c` in the reader: a trusted key press is a user gesture in this page, so
//    `execCommand('copy')` fires a `copy` event whose clipboardData we fill (both text/html and
//    text/plain in one go, in Chrome and Firefox).
//  - context menu: no gesture reaches the page; `execCommand('copy')` is then allowed only with
//    the `clipboardWrite` permission (Chrome and Firefox both honour it for content scripts).
//    `navigator.clipboard.write` needs the document focused, which it is after the menu closes.
//  - popup: the popup holds the focus and the gesture, not this page. We try here anyway; if it
//    fails, the reply carries the payload and the popup writes it with navigator.clipboard.
// So: the copy event first (synchronous, needs no focus), then the async Clipboard API.
import type { ClipboardPayload } from './payload';

export async function writeClipboard(doc: Document, payload: ClipboardPayload): Promise<boolean> {
  const view = doc.defaultView;
  if (!view) return false;
  let wrote = false;
  const onCopy = (e: ClipboardEvent) => {
    if (!e.clipboardData) return;
    e.clipboardData.setData('text/plain', payload.plain);
    if (payload.html) e.clipboardData.setData('text/html', payload.html);
    e.preventDefault();
    // The page's own copy handlers (the "Read more at…" appenders) never see this copy.
    e.stopImmediatePropagation();
    wrote = true;
  };
  view.addEventListener('copy', onCopy, true);
  try {
    doc.execCommand('copy');
  } catch {
    // Not allowed here: try the Clipboard API below.
  } finally {
    view.removeEventListener('copy', onCopy, true);
  }
  if (wrote) return true;
  return writeWithClipboardApi(view, payload);
}

/** The async Clipboard API; also what the popup uses. */
export async function writeWithClipboardApi(view: Window, payload: ClipboardPayload): Promise<boolean> {
  const clipboard = view.navigator.clipboard;
  if (!clipboard) return false;
  try {
    const Item = (view as Window & { ClipboardItem?: typeof ClipboardItem }).ClipboardItem;
    if (payload.html && Item && clipboard.write) {
      await clipboard.write([new Item({
        'text/html': new Blob([payload.html], { type: 'text/html' }),
        'text/plain': new Blob([payload.plain], { type: 'text/plain' }),
      })]);
    } else {
      await clipboard.writeText(payload.plain);
    }
    return true;
  } catch {
    return false;
  }
}
