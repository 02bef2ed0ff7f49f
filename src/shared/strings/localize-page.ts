// An extension page's own HTML in the interface's language: each element with a `data-i18n`
// key gets that message as its text, <html lang> says which language it is and <html dir> which
// way it reads (`rtl` when the browser's language does, Arabic say: t.ts, uiDir). The source HTML
// holds only keys; the build fills in the English (scripts/locales.mjs) so the page reads right
// before this runs.
import { messageFor, uiDir, uiLang } from './t';

export function localizePage(doc: Document): void {
  doc.documentElement.lang = uiLang();
  doc.documentElement.dir = uiDir();
  // Keys here are checked by test/strings.test.ts (they are HTML, out of the compiler's reach).
  for (const el of doc.querySelectorAll('[data-i18n]')) el.textContent = messageFor(el.getAttribute('data-i18n')!);
}
