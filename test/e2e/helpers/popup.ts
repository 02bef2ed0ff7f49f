// Driving Readwell's popup page (opened as a tab with ?tabId=N, or the real action popup).
import type { Page } from 'playwright-core';
import { until } from './wait.js';

export const byTestId = (id: string) => `[data-testid="${id}"]`;

/** The popup's visible status/message text once it has something to say. */
export async function popupText(popup: Page, testids = ['popup-status', 'popup-message']): Promise<string> {
  return until(`popup text in ${testids.join('/')}`, async () => {
    const parts: string[] = [];
    for (const t of testids) {
      const loc = popup.locator(byTestId(t));
      if ((await loc.count()) && (await loc.first().isVisible())) parts.push((await loc.first().innerText()).trim());
    }
    const text = parts.filter(Boolean).join('\n');
    return text || undefined;
  });
}

/** Sets a popup setting control (select, range/number input or checkbox) as a user would. */
export async function setPopupControl(popup: Page, testid: string, value: string): Promise<void> {
  const el = popup.locator(byTestId(testid)).first();
  const kind = await el.evaluate((e) => (e instanceof HTMLSelectElement ? 'select' : e instanceof HTMLInputElement ? e.type : e.localName));
  if (kind === 'select') await el.selectOption(value);
  else if (kind === 'range') {
    // Range inputs cannot be typed into; set the value and fire the events a drag fires.
    await el.evaluate((e, v) => {
      (e as HTMLInputElement).value = v;
      e.dispatchEvent(new Event('input', { bubbles: true }));
      e.dispatchEvent(new Event('change', { bubbles: true }));
    }, value);
  } else if (kind === 'radio' || kind === 'checkbox') await el.check();
  else await el.fill(value);
}
