// Blocks the user removed from the reader by hand ("zap"), remembered per site and applied the
// next time the reader opens there. Stored in storage.local as one table: site key -> zaps, the
// most recently changed site first. Keys are hashes of the host (pageKey), so storage holds no
// list of sites visited; the popup shows the current site's list, where the host is known.
import type { ZapRule } from '../core/index';
import { pageKey } from './reading-position';

export interface Zap extends ZapRule {
  /** The first words of the block, to show in the list that reviews and forgets zaps. */
  label: string;
  /** When it was made (ms since the epoch). */
  added: number;
}

export type ZapTable = [site: string, zaps: Zap[]][];

export const MAX_ZAP_SITES = 200;
export const MAX_ZAPS_PER_SITE = 50;
/** Longest selector and text kept: a stored value is the page's words, and storage is bounded. */
export const MAX_ZAP_CHARS = 300;
export const ZAP_LABEL_CHARS = 80;

/** The key of the site of `url`: its host, hashed. The same for every page of the site. */
export function siteKey(url: string): string | null {
  try {
    const { host, protocol } = new URL(url);
    return host && /^https?:$/.test(protocol) ? pageKey(`site:${host.toLowerCase()}`) : null;
  } catch {
    return null;
  }
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 && v.length <= MAX_ZAP_CHARS ? v : null);

/** A stored zap as it was saved, or null: storage is user-writable and outlives versions. */
export function validZap(raw: unknown): Zap | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const selector = text(r.selector);
  const body = text(r.text);
  if (!selector && !body) return null;
  const label = typeof r.label === 'string' ? r.label.slice(0, ZAP_LABEL_CHARS) : '';
  const added = typeof r.added === 'number' && Number.isFinite(r.added) ? r.added : 0;
  return { selector, text: body, label: label || (body ?? selector!).slice(0, ZAP_LABEL_CHARS), added };
}

export function validZapTable(raw: unknown): ZapTable {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const out: ZapTable = [];
  for (const item of raw) {
    if (out.length >= MAX_ZAP_SITES) break;
    if (!Array.isArray(item) || typeof item[0] !== 'string' || !Array.isArray(item[1]) || seen.has(item[0])) continue;
    const zaps = (item[1] as unknown[]).map(validZap).filter((z): z is Zap => z !== null).slice(0, MAX_ZAPS_PER_SITE);
    if (!zaps.length) continue;
    seen.add(item[0]);
    out.push([item[0], zaps]);
  }
  return out;
}

const sameZap = (a: ZapRule, b: ZapRule) => a.selector === b.selector && a.text === b.text;

export const zapsOf = (table: ZapTable, site: string): Zap[] => table.find(([k]) => k === site)?.[1] ?? [];

/** `table` with `zaps` as the site's list (moved to the front; dropped when empty), the oldest sites past the cap dropped. */
export function withSiteZaps(table: ZapTable, site: string, zaps: Zap[]): ZapTable {
  const rest = table.filter(([k]) => k !== site);
  return (zaps.length ? [[site, zaps.slice(-MAX_ZAPS_PER_SITE)] as [string, Zap[]], ...rest] : rest).slice(0, MAX_ZAP_SITES);
}

/** The site's zaps with `zap` added, once (the newest last; the oldest dropped past the cap). */
export function addZap(table: ZapTable, site: string, zap: Zap): ZapTable {
  return withSiteZaps(table, site, [...zapsOf(table, site).filter((z) => !sameZap(z, zap)), zap]);
}

export function forgetZap(table: ZapTable, site: string, zap: ZapRule): ZapTable {
  return withSiteZaps(table, site, zapsOf(table, site).filter((z) => !sameZap(z, zap)));
}
