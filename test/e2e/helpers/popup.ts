// Driving Readwell's popup page opened as a tab (?tabId=N), in either browser: what it says, a
// real click on a button, a setting changed as a user changes it.
import { inPage, type AnyPage } from './tab.js';
import { until } from './wait.js';
import { t } from '../../../src/shared/strings/t.js';

export const byTestId = (id: string) => `[data-testid="${id}"]`;

/**
 * The popup's visible status/message text once it has something to say. popup.html opens with
 * the build's "Checking this tab…" in its status line, so that line counts only once the popup's
 * script has replaced it.
 */
export async function popupText(popup: AnyPage, testids = ['popup-status', 'popup-message']): Promise<string> {
  return until(`popup text in ${testids.join('/')}`, async () => {
    const text = await inPage(popup, (ids) => ids.map((id) => {
      const e = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
      return e && !e.hidden && e.checkVisibility() ? (e.innerText ?? '').trim() : '';
    }).filter(Boolean).join('\n'), testids);
    return text && text !== t('popup_checking') ? text : undefined;
  });
}

/** Clicks a popup button (a real click, the popup tab in front) and, given `message`, waits for the message line to match. */
export async function clickPopup(popup: AnyPage, testid: string, message?: RegExp | string, timeoutMs = 10_000): Promise<string> {
  await popup.bringToFront();
  await popup.click(byTestId(testid));
  if (!message) return '';
  const matches = (t: string) => (typeof message === 'string' ? t.includes(message) : message.test(t));
  return until(`the popup to say ${message}`, async () => {
    const t = await popupText(popup, ['popup-message']).catch(() => '');
    return matches(t) ? t : undefined;
  }, timeoutMs);
}

/**
 * Sets a popup setting (a select or a range input) the way both drivers' own select calls do:
 * the value, then the `input` and `change` events a user's pick fires.
 */
export async function setPopupControl(popup: AnyPage, testid: string, value: string): Promise<void> {
  await inPage(popup, ([id, v]) => {
    const e = document.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-testid="${id}"]`);
    if (!e) throw new Error(`no ${id} in the popup`);
    e.value = v;
    e.dispatchEvent(new Event('input', { bubbles: true }));
    e.dispatchEvent(new Event('change', { bubbles: true }));
  }, [testid, value] as const);
}
