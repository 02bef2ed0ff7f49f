// The popup's behaviour over injected services, so it runs in jsdom tests: status of the tab,
// the action buttons, and plain messages for restricted pages, no article, and copy results.
import type { BackgroundRequests, CopyFormat, ReplyOf, ReplyError } from '../platform/messages';
import { copiedText, savedText } from '../shared/action-text';
import { t } from '../shared/strings/t';

type Request<K extends keyof BackgroundRequests> = { type: K } & BackgroundRequests[K]['request'];
export interface PopupDeps {
  tabId: number;
  send<K extends keyof BackgroundRequests>(message: Request<K>): Promise<ReplyOf<K>>;
  /** Writes the clipboard from the popup itself (it holds the click's gesture and the focus). */
  writeClipboard(text: string, html?: string): Promise<boolean>;
}

/** How long an opening may take before the popup says it is working on it. */
const WORKING_AFTER_MS = 150;

const ACTION_IDS = ['popup-toggle', 'popup-copy-text', 'popup-copy-markdown', 'popup-copy-html', 'popup-save'];

export function startPopup(doc: Document, deps: PopupDeps): { ready: Promise<void> } {
  const $ = (id: string) => doc.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;
  const status = $('popup-status');
  const message = $('popup-message');
  const readSelection = $('popup-read-selection');
  const say = (text: string) => (message.textContent = text);
  const setActions = (enabled: boolean) => ACTION_IDS.forEach((id) => (($(id) as HTMLButtonElement).disabled = !enabled));
  const showOpen = (open: boolean) => {
    status.textContent = t(open ? 'popup_open' : 'popup_closed');
    $('popup-toggle').textContent = t(open ? 'close_reader' : 'open_reader');
  };
  const showError = (e: ReplyError) => {
    if (e.code === 'restricted') {
      // Said once, in the status line: nothing on this page can work, so the buttons go too.
      status.textContent = e.message;
      say('');
      setActions(false);
      return;
    }
    say(e.message);
  };

  // One step for selections: with no article, a selection on the page opens as the reader; with
  // an article, the article opens and the selection is offered ("Read the selection instead").
  async function toggle(preferSelection: boolean) {
    say('');
    readSelection.hidden = true;
    // A large page can hold its tab for a while: past 150 ms the popup says it is working.
    const working = setTimeout(() => say(t('reader_preparing')), WORKING_AFTER_MS);
    const reply = await deps.send({ type: 'toggle-reader', tabId: deps.tabId, allowSelection: true, ...(preferSelection ? { preferSelection } : {}) }).finally(() => {
      clearTimeout(working);
      say('');
    });
    if (reply.ok) {
      const { open, source, hasSelection } = reply.value;
      readSelection.hidden = !(open && source === 'article' && hasSelection);
      return showOpen(open);
    }
    showError(reply.error);
    // The content script shows "no article" / "too large" in an overlay unless it offers the selection.
    const { code, hasSelection } = reply.error;
    if (code === 'too-large' || code === 'no-article') showOpen(!hasSelection);
  }

  async function copy(format: CopyFormat) {
    say(t('popup_copying'));
    const reply = await deps.send({ type: 'copy-article', tabId: deps.tabId, format });
    if (!reply.ok) return showError(reply.error);
    const r = reply.value;
    // The page could not write the clipboard (no gesture there): the popup writes the payload.
    const copied = r.copied || (r.text !== undefined && (await deps.writeClipboard(r.text, r.html)));
    say(copied ? copiedText(r.words, r.format, r.fromSelection) : t('error_clipboard'));
  }

  async function save() {
    say(t('popup_saving'));
    const reply = await deps.send({ type: 'save-tab', tabId: deps.tabId });
    if (reply.ok) say(savedText(reply.value));
    else showError(reply.error);
  }

  const on = (id: string, fn: () => Promise<void>) => $(id).addEventListener('click', () => void fn().catch((e: unknown) => say(String(e))));
  on('popup-toggle', () => toggle(false));
  on('popup-read-selection', () => toggle(true));
  on('popup-copy-text', () => copy('text'));
  on('popup-copy-markdown', () => copy('markdown'));
  on('popup-copy-html', () => copy('html'));
  on('popup-save', save);
  on('popup-open-library', async () => {
    const reply = await deps.send({ type: 'open-library' });
    if (!reply.ok) showError(reply.error);
  });

  const ready = deps.send({ type: 'tab-status', tabId: deps.tabId }).then((reply) => {
    if (!reply.ok) return showError(reply.error);
    setActions(true);
    showOpen(reply.value.readerOpen);
  });
  return { ready };
}
