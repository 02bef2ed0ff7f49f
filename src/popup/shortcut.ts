// The popup's shortcut line: the key the browser really bound to reader view (never the
// manifest's suggestion, which Chrome may have left unbound), or plainly that there is none, and
// a button to the browser's page for changing it.
import type { ShortcutService } from '../platform/shortcuts';
import { t, tParts } from '../shared/strings/t';

export async function mountShortcut(doc: Document, shortcuts: ShortcutService): Promise<void> {
  const $ = (id: string) => doc.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;
  const line = $('popup-shortcut');
  const text = $('popup-shortcut-text');
  const change = $('popup-shortcut-change');
  let key: string;
  try {
    key = await shortcuts.bound();
  } catch {
    return; // no commands API here: say nothing rather than something untrue
  }
  if (key) {
    const kbd = doc.createElement('kbd');
    kbd.textContent = key;
    text.replaceChildren(...tParts('popup_shortcut', kbd));
    change.textContent = t('popup_shortcut_change');
  } else {
    text.textContent = t('popup_no_shortcut');
    change.textContent = t('popup_shortcut_set');
  }
  line.hidden = false;
  let explained = false;
  change.addEventListener('click', async () => {
    if (!(await shortcuts.openSettings()) && !explained) {
      explained = true;
      text.append(` ${t('popup_shortcut_where')}`);
    }
  });
}
