import { describe, expect, it, vi } from 'vitest';
import { createSettingsStore, SETTINGS_KEY, type ChangeEvents } from '../../src/platform/settings-store';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';

function fakeStorage(initial: Record<string, unknown> = {}) {
  const data = { ...initial };
  const listeners = new Set<Parameters<ChangeEvents['addListener']>[0]>();
  const area = {
    get: vi.fn(async (key: string) => (key in data ? { [key]: data[key] } : {})),
    set: vi.fn(async (items: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(items)) {
        data[k] = v;
        for (const l of listeners) l({ [k]: { newValue: v } }, 'sync');
      }
    }),
  };
  const events: ChangeEvents = { addListener: (cb) => listeners.add(cb), removeListener: (cb) => listeners.delete(cb) };
  const emit = (changes: Record<string, { newValue?: unknown }>, name: string) => listeners.forEach((l) => l(changes, name));
  return { area, events, data, emit, listeners };
}

describe('settings store', () => {
  it('validates what it reads: bad fields fall back one by one', async () => {
    const s = fakeStorage({ [SETTINGS_KEY]: { font: 'sans', fontSize: 999, theme: 'dark' } });
    const store = createSettingsStore(s.area, s.events);
    expect(await store.load()).toEqual({ ...DEFAULT_SETTINGS, font: 'sans', theme: 'dark' });
  });

  it('reads defaults when storage is empty or throws', async () => {
    const s = fakeStorage();
    expect(await createSettingsStore(s.area, s.events).load()).toEqual(DEFAULT_SETTINGS);
    s.area.get.mockRejectedValueOnce(new Error('Extension context invalidated.'));
    expect(await createSettingsStore(s.area, s.events).load()).toEqual(DEFAULT_SETTINGS);
  });

  it('stores validated settings and tells subscribers, with validated values', async () => {
    const s = fakeStorage();
    const store = createSettingsStore(s.area, s.events);
    const seen: unknown[] = [];
    const stop = store.subscribe((x) => seen.push(x));
    await store.save({ ...DEFAULT_SETTINGS, fontSize: 30 });
    expect(s.data[SETTINGS_KEY]).toEqual({ ...DEFAULT_SETTINGS, fontSize: 30 });
    s.emit({ [SETTINGS_KEY]: { newValue: { theme: 'nope', fontSize: 22 } } }, 'sync');
    s.emit({ [SETTINGS_KEY]: { newValue: { theme: 'dark' } } }, 'local'); // another area: ignored
    s.emit({ other: { newValue: 1 } }, 'sync'); // another key: ignored
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, fontSize: 30 }, { ...DEFAULT_SETTINGS, fontSize: 22 }]);
    stop();
    expect(s.listeners.size).toBe(0);
  });
});
