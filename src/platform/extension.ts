// The extension-bound services each context uses, built from the polyfill in one place:
// messaging to the background (with stale-context detection), settings storage, and the
// runtime identity. Tests never import this file; they build the same services from fakes.
import browser from './browser';
import type { BackgroundRequests, ReplyOf } from './messages';
import { STALE_MESSAGE, fail } from './messages';
import { createSettingsStore, type SettingsStore } from './settings-store';

/** After the extension reloads, an old content script loses its runtime: id goes undefined. */
export function runtimeAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

const STALE_ERROR = /context invalidated|extension context|receiving end does not exist|message manager disconnected/i;

type Request<K extends keyof BackgroundRequests> = { type: K } & BackgroundRequests[K]['request'];

/** Sends a request to the background; never throws: failures come back as `Reply` data. */
export async function sendToBackground<K extends keyof BackgroundRequests>(message: Request<K>): Promise<ReplyOf<K>> {
  if (!runtimeAlive()) return fail('stale', STALE_MESSAGE);
  try {
    const reply = (await browser.runtime.sendMessage(message)) as ReplyOf<K> | undefined;
    return reply ?? fail('error', 'Readwell did not answer. Try again.');
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    return STALE_ERROR.test(text) || !runtimeAlive() ? fail('stale', STALE_MESSAGE) : fail('error', text);
  }
}

let store: SettingsStore | null = null;
export function settingsStore(): SettingsStore {
  store ??= createSettingsStore(browser.storage.sync, browser.storage.onChanged as never);
  return store;
}
