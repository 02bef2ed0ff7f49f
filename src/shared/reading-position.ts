// Remembering how far the user has read, for the offline reader page (in the saved record) and
// the overlay (per address, position-store.ts): progress is the fraction of the scrollable height
// above the viewport's top, saved at most once per `intervalMs` while scrolling and once more when
// the page is hidden or the reader closes, so the last position is kept.

export function progressOf(scrollTop: number, scrollHeight: number, viewportHeight: number): number {
  const max = scrollHeight - viewportHeight;
  if (max <= 0) return 0;
  return Math.min(1, Math.max(0, Math.round((scrollTop / max) * 10_000) / 10_000));
}

export function scrollTopFor(progress: number, scrollHeight: number, viewportHeight: number): number {
  return Math.max(0, Math.round(progress * (scrollHeight - viewportHeight)));
}

/** Calls `save` with the latest value at most once per interval, and on `flush`. */
export function throttledSaver(save: (value: number) => void, intervalMs: number, timers: Pick<Window, 'setTimeout' | 'clearTimeout'>) {
  let pending: number | null = null;
  let last: number | null = null;
  let timer = 0;
  const fire = () => {
    timer = 0;
    if (pending !== null && pending !== last) {
      last = pending;
      save(pending);
    }
    pending = null;
  };
  return {
    push(value: number) {
      pending = value;
      if (!timer) timer = timers.setTimeout(fire, intervalMs);
    },
    flush() {
      if (timer) timers.clearTimeout(timer);
      fire();
    },
  };
}

/**
 * Where each article was left, for resuming in the overlay: `[key, progress]` pairs, the most
 * recently read first, at most `max` of them, so the record stays small however much is read.
 * Keys are hashes of the address (pageKey), not the address: storage holds no reading history.
 */
export type Positions = [key: string, progress: number][];

export const MAX_POSITIONS = 200;

/** Stored positions as they were saved, or an empty list: storage is user-writable and outlives versions. */
export function validPositions(raw: unknown, max = MAX_POSITIONS): Positions {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const out: Positions = [];
  for (const item of raw) {
    if (out.length >= max) break;
    if (!Array.isArray(item) || typeof item[0] !== 'string' || typeof item[1] !== 'number') continue;
    const [key, progress] = item as [string, number];
    if (seen.has(key) || !(progress >= 0 && progress <= 1)) continue;
    seen.add(key);
    out.push([key, progress]);
  }
  return out;
}

export function positionOf(list: Positions, key: string): number {
  return list.find(([k]) => k === key)?.[1] ?? 0;
}

/** `list` with `key` moved to the front at `progress`, and the oldest dropped past `max`. */
export function remember(list: Positions, key: string, progress: number, max = MAX_POSITIONS): Positions {
  return [[key, progress] as [string, number], ...list.filter(([k]) => k !== key)].slice(0, max);
}

/**
 * A short key for an address, ignoring its #fragment (the same article): 53 bits of the
 * cyrb53 string hash, in base 36. Not cryptographic; it keeps addresses out of storage.
 */
export function pageKey(url: string): string {
  const s = url.split('#')[0]!;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
