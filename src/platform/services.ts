// The extension-bound services extension pages and the content script use, over whichever API
// object the context has (the polyfill in extension-page.ts, the native namespace in
// content-script.ts): messaging to the background with stale-context detection, and settings
// storage, reading positions, and the blocks zapped per site. Tests build the same services from fakes.
import type { BackgroundRequests, ReplyOf } from './messages';
import { fail, failFrom } from './messages';
import { t } from '../shared/strings/t';
import { createSettingsStore, type ChangeEvents, type SettingsStore, type SyncArea } from './settings-store';
import { createPositionStore, type PositionStore } from './position-store';
import { createZapStore, type ZapStore } from './zap-store';

export interface ServicesApi {
  runtime: { id?: string; sendMessage(message: unknown): Promise<unknown> };
  storage: { sync: SyncArea; local: SyncArea; onChanged: ChangeEvents };
}

const STALE_ERROR = /context invalidated|extension context|receiving end does not exist|message manager disconnected/i;

type Request<K extends keyof BackgroundRequests> = { type: K } & BackgroundRequests[K]['request'];

export function extensionServices(api: ServicesApi) {
  /** After the extension reloads, an old content script loses its runtime: id goes undefined. */
  function runtimeAlive(): boolean {
    try {
      return Boolean(api.runtime?.id);
    } catch {
      return false;
    }
  }

  /** Sends a request to the background; never throws: failures come back as `Reply` data. */
  async function sendToBackground<K extends keyof BackgroundRequests>(message: Request<K>): Promise<ReplyOf<K>> {
    if (!runtimeAlive()) return fail('stale', t('error_stale'));
    try {
      const reply = (await api.runtime.sendMessage(message)) as ReplyOf<K> | undefined;
      return reply ?? fail('error', t('error_no_answer'));
    } catch (err) {
      const reply = failFrom(err);
      return STALE_ERROR.test(reply.error.message) || !runtimeAlive() ? fail('stale', t('error_stale')) : reply;
    }
  }

  let store: SettingsStore | null = null;
  function settingsStore(): SettingsStore {
    store ??= createSettingsStore(api.storage.sync, api.storage.onChanged);
    return store;
  }

  let positions: PositionStore | null = null;
  function positionStore(): PositionStore {
    positions ??= createPositionStore(api.storage.local);
    return positions;
  }

  let zaps: ZapStore | null = null;
  function zapStore(): ZapStore {
    zaps ??= createZapStore(api.storage.local);
    return zaps;
  }

  return { runtimeAlive, sendToBackground, settingsStore, positionStore, zapStore };
}
