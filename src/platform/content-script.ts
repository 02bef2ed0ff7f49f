// The content script's way to the extension APIs, without the WebExtension polyfill. Everything
// the content script uses (runtime id/getURL/sendMessage/onMessage, storage.sync and .local, storage.onChanged)
// is promise-based natively in both engines: Firefox's `browser`, and Chrome MV3's `chrome` (or
// its `browser` alias) when no callback is passed. The polyfill would be 9.5 KB of a content
// script that must stay under 150 KB; the popup, library and background keep it (polyfill.ts).
import { failFrom } from './messages';
import type { I18nApi } from './i18n';
import { extensionServices } from './services';
import type { ChangeEvents, SyncArea } from './settings-store';
import type { SenderLike } from './validate';

type Listener = (message: unknown, sender: SenderLike, sendResponse: (reply: unknown) => void) => boolean | undefined;

export interface NativeBrowser {
  runtime: {
    id?: string;
    getURL(path: string): string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: { addListener(cb: Listener): void; removeListener(cb: Listener): void };
  };
  storage: { sync: SyncArea; local: SyncArea; onChanged: ChangeEvents };
  /** Native in content scripts of both engines; content/index.ts hands it to useBrowserStrings. */
  i18n?: I18nApi;
}

type Scope = { browser?: NativeBrowser; chrome?: NativeBrowser };

function idOf(ns: NativeBrowser | undefined): string | null {
  try {
    const id = ns?.runtime?.id;
    return typeof id === 'string' && id !== '' ? id : null;
  } catch {
    return null;
  }
}

/**
 * The namespace whose runtime is really ours. The content script's world shares the page's DOM,
 * and named access lets a page answer to `chrome` (`<form id="chrome"><input name="runtime">`),
 * so the namespace with a real runtime id wins; `browser` first, which Firefox and Chrome both
 * provide.
 */
export function nativeBrowser(scope: Scope = globalThis as unknown as Scope): NativeBrowser {
  if (idOf(scope.browser)) return scope.browser!;
  if (idOf(scope.chrome)) return scope.chrome!;
  return scope.browser ?? scope.chrome ?? missing();
}

function missing(): never {
  throw new Error('Readwell: no extension API in this context');
}

/**
 * Answers runtime messages with an async handler in the form both engines accept: keep the
 * channel open by returning true, and reply through sendResponse. (Chrome ignores a returned
 * Promise; that convenience is the polyfill's.) A handler returning undefined leaves the message
 * to others. Returns the function that removes the listener.
 */
export function onRequest(api: NativeBrowser, handler: (message: unknown, sender: SenderLike) => Promise<unknown> | undefined): () => void {
  const listener: Listener = (message, sender, sendResponse) => {
    const reply = handler(message, sender);
    if (!reply) return undefined;
    reply.then(sendResponse, (err: unknown) => sendResponse(failFrom(err)));
    return true;
  };
  api.runtime.onMessage.addListener(listener);
  return () => api.runtime.onMessage.removeListener(listener);
}

/** The native namespace (see nativeBrowser) and the services built over it (services.ts). */
export function contentScriptApi(scope?: Scope) {
  const api = nativeBrowser(scope);
  return { api, ...extensionServices(api) };
}
