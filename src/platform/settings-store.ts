// Reader settings in storage.sync under one key, validated on every read (storage is
// user-writable and outlives versions). The storage area is injected so tests need no browser;
// extension-page.ts and content-script.ts bind it to storage.sync.
import { validateSettings, type ReaderSettings } from '../shared/settings';

export const SETTINGS_KEY = 'settings';

/** The slice of `storage.StorageArea` and `storage.onChanged` the store uses. */
export interface SyncArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}
export interface ChangeEvents {
  addListener(cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
  removeListener(cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
}

export interface SettingsStore {
  load(): Promise<ReaderSettings>;
  /** Validates, then stores; resolves to what was stored. */
  save(settings: ReaderSettings): Promise<ReaderSettings>;
  /** Calls `cb` with validated settings whenever another context (or this one) changes them. */
  subscribe(cb: (settings: ReaderSettings) => void): () => void;
}

export function createSettingsStore(area: SyncArea, events: ChangeEvents, areaName = 'sync'): SettingsStore {
  return {
    async load() {
      try {
        return validateSettings((await area.get(SETTINGS_KEY))[SETTINGS_KEY]);
      } catch {
        // Storage unavailable (stale context, sync disabled by policy): the defaults still read well.
        return validateSettings(undefined);
      }
    },
    async save(settings) {
      const clean = validateSettings(settings);
      await area.set({ [SETTINGS_KEY]: clean });
      return clean;
    },
    subscribe(cb) {
      const listener = (changes: Record<string, { newValue?: unknown }>, name: string) => {
        if (name === areaName && changes[SETTINGS_KEY]) cb(validateSettings(changes[SETTINGS_KEY].newValue));
      };
      events.addListener(listener);
      return () => events.removeListener(listener);
    },
  };
}
