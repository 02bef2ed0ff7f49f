// The blocks removed by hand per site (shared/zaps.ts), in storage.local under one key. Local,
// not sync: a zap holds a page's words and selectors, which need not travel between machines.
import { addZap, forgetZap, siteKey, validZapTable, withSiteZaps, zapsOf, type Zap } from '../shared/zaps';
import type { ZapRule } from '../core/index';
import type { SyncArea } from './settings-store';

export const ZAPS_KEY = 'zaps';

export interface ZapStore {
  /** The zaps of the site of `url`; none where storage cannot be read or the address has no site. */
  load(url: string): Promise<Zap[]>;
  add(url: string, zap: Zap): Promise<void>;
  forget(url: string, zap: ZapRule): Promise<void>;
  /** Forgets every zap of the site of `url`. */
  forgetSite(url: string): Promise<void>;
}

export function createZapStore(area: SyncArea): ZapStore {
  const read = async () => validZapTable((await area.get(ZAPS_KEY))[ZAPS_KEY]);
  // Read, change, write: two tabs zapping at once can lose one of the two, never the table.
  const change = async (url: string, edit: (table: ReturnType<typeof validZapTable>, site: string) => ReturnType<typeof validZapTable>) => {
    const site = siteKey(url);
    if (!site) return;
    await area.set({ [ZAPS_KEY]: edit(await read(), site) });
  };
  return {
    async load(url) {
      const site = siteKey(url);
      if (!site) return [];
      try {
        return zapsOf(await read(), site);
      } catch {
        return []; // storage unavailable (stale context): the page reads as if nothing were zapped
      }
    },
    add: (url, zap) => change(url, (table, site) => addZap(table, site, zap)),
    forget: (url, zap) => change(url, (table, site) => forgetZap(table, site, zap)),
    forgetSite: (url) => change(url, (table, site) => withSiteZaps(table, site, [])),
  };
}
