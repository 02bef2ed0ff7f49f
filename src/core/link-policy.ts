// Where the links and media of sanitized article HTML may point once it is shown outside the
// page it came from (the offline reader, exports, a selection taken out of its page). A relative
// address resolves against the document showing it: in an extension page, saved HTML holding
// <a href="popup.html?tabId=1"> opened the extension's own popup aimed at another tab. So every
// address is resolved against the article's own address and kept only if it comes out absolute
// http(s) (links may also be mailto:); in-article #fragment links stay; anything else is dropped.

import { parseSrcset, serializeSrcset } from './srcset';

const LINK_ATTRS = ['href', 'xlink:href'];
const MEDIA_ATTRS = ['src', 'poster', 'cite'];

function resolve(value: string, base: string | null, protocols: readonly string[]): string | null {
  try {
    const url = base === null ? new URL(value.trim()) : new URL(value.trim(), base);
    return protocols.includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function resolveSrcset(value: string, base: string | null): string | null {
  const kept = parseSrcset(value).flatMap((c) => {
    const url = resolve(c.url, base, ['http:', 'https:']);
    return url ? [{ ...c, url }] : [];
  });
  return kept.length ? serializeSrcset(kept) : null;
}

/**
 * Resolves every link and media address under `root` against `base` (the article's address;
 * null when there is none, so only absolute addresses survive), in place.
 */
export function resolveLinks(root: DocumentFragment | Element, base: string | null): void {
  const validBase = base !== null && resolve(base, null, ['http:', 'https:', 'file:']) ? base : null;
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      let next: string | null;
      if (LINK_ATTRS.includes(name)) next = attr.value.trim().startsWith('#') ? attr.value : resolve(attr.value, validBase, ['http:', 'https:', 'mailto:']);
      else if (MEDIA_ATTRS.includes(name)) next = resolve(attr.value, validBase, ['http:', 'https:']);
      else if (name === 'srcset') next = resolveSrcset(attr.value, validBase);
      else continue;
      if (next === null) el.removeAttributeNode(attr);
      else if (next !== attr.value) attr.value = next;
    }
  }
}
