// The hooks useChromium and useFirefox both register, around what differs (how the browser is
// launched, how its tabs are listed and its storage is cleared): the page server and the launch
// before the tests, the storage keys a file forgets before each test, every tab a test opened
// closed after it (a failed test leaves its tabs open, and the next one must find one tab per
// URL), and both closed at the end.
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startServer, type StaticServer } from './server.js';

/** Storage keys removed before each test, so that what one test left does not reach the next. */
export interface Forget {
  local?: readonly string[];
  sync?: readonly string[];
}

interface Browser<L, P> {
  launch(server: StaticServer): Promise<L>;
  /** After the launch, before any test. */
  setup?(): Promise<unknown>;
  tabs(launched: L): Promise<P[]> | P[];
  closeTab(tab: P): Promise<void>;
  removeStored(launched: L, keys: { local: string[]; sync: string[] }): Promise<void>;
  close(launched: L): Promise<void>;
}

export function useBrowserHooks<L, P>(browser: Browser<L, P>, forget: Forget = {}): { launched(): L; server(): StaticServer } {
  let launched: L | undefined;
  let served: StaticServer | undefined;
  let kept = new Set<P>();
  const ready = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`${what} is not started yet: use it inside a test or a hook`);
    return value;
  };
  beforeAll(async () => {
    served = await startServer();
    launched = await browser.launch(served);
    await browser.setup?.();
  });
  beforeEach(async () => {
    if (!launched) return;
    kept = new Set(await browser.tabs(launched));
    const keys = { local: [...(forget.local ?? [])], sync: [...(forget.sync ?? [])] };
    if (keys.local.length + keys.sync.length > 0) await browser.removeStored(launched, keys);
  });
  afterEach(async () => {
    for (const tab of launched ? await browser.tabs(launched) : []) if (!kept.has(tab)) await browser.closeTab(tab).catch(() => {});
  });
  afterAll(async () => {
    if (launched) await browser.close(launched);
    await served?.close();
  });
  return { launched: () => ready(launched, 'The browser'), server: () => ready(served, 'The page server') };
}
