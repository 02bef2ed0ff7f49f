// Where the user left each article in the overlay, in storage.local under one key: a bounded list
// (shared/reading-position.ts), so reopening an article resumes there. Local, not sync: positions
// change while scrolling, and sync's write quota is small.
import { pageKey, positionOf, remember, validPositions } from '../shared/reading-position';
import type { SyncArea } from './settings-store';

export const POSITIONS_KEY = 'positions';

export interface PositionStore {
  /** The fraction of the article read at `url` when it was last left; 0 when unknown. */
  load(url: string): Promise<number>;
  save(url: string, progress: number): Promise<void>;
}

export function createPositionStore(area: SyncArea): PositionStore {
  const read = async () => validPositions((await area.get(POSITIONS_KEY))[POSITIONS_KEY]);
  return {
    async load(url) {
      try {
        return positionOf(await read(), pageKey(url));
      } catch {
        return 0; // storage unavailable (stale context): start at the top
      }
    },
    async save(url, progress) {
      // Read, change, write: two tabs saving at once can lose one of the two updates, which
      // costs a resume position, never the list.
      await area.set({ [POSITIONS_KEY]: remember(await read(), pageKey(url), progress) });
    },
  };
}
