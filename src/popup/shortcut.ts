// The popup's shortcut line: the key the browser really bound to reader view (never the
// manifest's suggestion, which Chrome may have left unbound), or plainly that there is none, and
// a button to the browser's page for changing it.
import type { ShortcutService } from '../platform/shortcuts';

const WHERE = 'Set shortcuts at chrome://extensions/shortcuts in Chrome, or in Firefox at about:addons → ⚙ → Manage Extension Shortcuts.';

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
    text.replaceChildren('Shortcut: ', kbd);
    change.textContent = 'Change';
  } else {
    text.textContent = 'No keyboard shortcut is set for reader view.';
    change.textContent = 'Set one';
  }
  line.hidden = false;
  let explained = false;
  change.addEventListener('click', async () => {
    if (!(await shortcuts.openSettings()) && !explained) {
      explained = true;
      text.append(` ${WHERE}`);
    }
  });
}
