// The browser's own strings for this context: each entry point hands its extension API object
// here first, and every t() after that reads `i18n.getMessage`, so the language the browser
// picked from the shipped `_locales` is the one shown. Without an i18n API (jsdom, the CLI) the
// strings stay the English catalogue's (shared/strings/t.ts).
import { useMessages } from '../shared/strings/t';

export interface I18nApi {
  getMessage(name: string, substitutions?: string | string[]): string;
}

export function useBrowserStrings(api: { i18n?: I18nApi }): void {
  const i18n = api.i18n;
  // Bound to its namespace: Chrome's getMessage throws "Illegal invocation" when detached.
  if (typeof i18n?.getMessage === 'function') useMessages((key, subs) => i18n.getMessage(key, subs));
}
