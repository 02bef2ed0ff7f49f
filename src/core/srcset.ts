// Reading a srcset as the HTML standard does. An address runs to the next white space, so the
// commas image CDNs put inside addresses (`/w_400,h_300/photo.jpg`) stay in it; splitting on
// commas cut such an address in two, and the picture was lost wherever a srcset was rewritten.
// Used by link-policy (resolving saved HTML), the save's image capture and the offline reader.

export interface Candidate {
  url: string;
  width?: number;
  density?: number;
}

const WIDTH = /^([0-9]+)w$/;
const DENSITY = /^((?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:e[+-]?[0-9]+)?)x$/i;
const HEIGHT = /^[0-9]+h$/;

/**
 * The candidates of a srcset, after the HTML parsing rules: an address runs to the next white
 * space (so a comma inside it, as image CDNs write `w_400,h_300`, stays), its descriptors to the
 * next comma; a candidate with an unknown or doubled descriptor is dropped.
 */
export function parseSrcset(text: string): Candidate[] {
  const out: Candidate[] = [];
  let pos = 0;
  while (pos < text.length) {
    while (pos < text.length && /[\s,]/.test(text[pos]!)) pos++;
    if (pos >= text.length) break;
    const start = pos;
    while (pos < text.length && !/\s/.test(text[pos]!)) pos++;
    let end = pos;
    while (end > start && text[end - 1] === ',') end--;
    const url = text.slice(start, end);
    let descriptors: string[] = [];
    // Commas ending the address end the candidate, with no descriptors; else they run to the next
    // comma outside parentheses.
    if (end === pos) {
      const from = pos;
      let depth = 0;
      while (pos < text.length && (text[pos] !== ',' || depth > 0)) {
        if (text[pos] === '(') depth++;
        else if (text[pos] === ')' && depth > 0) depth--;
        pos++;
      }
      descriptors = text.slice(from, pos).trim().split(/\s+/).filter(Boolean);
    }
    const c: Candidate = { url };
    let ok = url.length > 0;
    for (const d of descriptors) {
      const w = WIDTH.exec(d);
      const x = DENSITY.exec(d);
      if (w && c.width === undefined && c.density === undefined && Number(w[1]) > 0) c.width = Number(w[1]);
      else if (x && c.width === undefined && c.density === undefined && Number(x[1]) >= 0) c.density = Number(x[1]);
      else if (!HEIGHT.test(d)) ok = false;
    }
    if (ok) out.push(c);
  }
  return out;
}

/** Candidates written back as a srcset. */
export function serializeSrcset(candidates: readonly Candidate[]): string {
  return candidates.map((c) => (c.width !== undefined ? `${c.url} ${c.width}w` : c.density !== undefined ? `${c.url} ${c.density}x` : c.url)).join(', ');
}
