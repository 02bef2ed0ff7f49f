// The shipped reading fonts in the overlay. A content script cannot point the page's fonts at an
// extension URL without making the files web-accessible (which any page could probe), so the
// background reads out the files this article needs (its scripts' subsets, shared/fonts.ts) and
// they become FontFace objects in the page's font set, where the closed shadow root's text finds
// them. They are there only while the reader is open, when the overlay shows Readwell is present
// anyway, and taken out when it closes. Until they load, the system stack shows; a font that
// cannot be had leaves it there.
import { facesFor, isShippedFont, SHIPPED_FONTS, type FontFile } from '../shared/fonts';
import type { ReaderSettings } from '../shared/settings';

/** Reads the named files out of the extension: base64 by file name (what arrives; anything missing is skipped). */
export type FontFiles = (files: string[]) => Promise<Record<string, string>>;

export interface ReaderFonts {
  /** Puts `font`'s faces for a text of these subsets (shared/fonts.ts subsetsOf) in the page's font set, loading the files once; resolves when they can be drawn. */
  use(font: ReaderSettings['font'], subsets: ReadonlySet<string>): Promise<void>;
  /** Takes them all out again (the reader closed). */
  release(): void;
}

function decode(base64: string): ArrayBuffer {
  const binary = atob(base64);
  const buffer = new ArrayBuffer(binary.length);
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return buffer;
}

export function readerFonts(doc: Document, files: FontFiles): ReaderFonts {
  const faces = new Map<string, FontFace>();
  const added = new Set<FontFace>();
  // Each use() or release() moves this on, so a use() whose files arrive after the reader closed
  // (or after another font was picked) adds nothing.
  let turn = 0;

  function make(family: string, f: FontFile, base64: string): FontFace | null {
    const Face = doc.defaultView?.FontFace;
    if (!Face) return null;
    try {
      return new Face(family, decode(base64), { style: f.style, weight: f.weight, unicodeRange: f.unicodeRange });
    } catch {
      return null;
    }
  }

  async function use(font: ReaderSettings['font'], subsets: ReadonlySet<string>): Promise<void> {
    const mine = ++turn;
    if (!isShippedFont(font) || !doc.fonts) return;
    const { family } = SHIPPED_FONTS[font];
    const need = facesFor(font, subsets);
    const missing = need.filter((f) => !faces.has(f.file));
    if (missing.length) {
      const data = await files(missing.map((f) => f.file)).catch(() => ({} as Record<string, string>));
      for (const f of missing) {
        const face = typeof data[f.file] === 'string' ? make(family, f, data[f.file]!) : null;
        if (face) faces.set(f.file, face);
      }
    }
    if (mine !== turn) return;
    const shown: FontFace[] = [];
    for (const f of need) {
      const face = faces.get(f.file);
      if (!face) continue;
      shown.push(face);
      if (added.has(face)) continue;
      try {
        doc.fonts.add(face);
        added.add(face);
      } catch {
        // A page that replaced its font set's methods keeps the system fonts.
      }
    }
    // Parsed and ready to draw: the reader can open in its font, with nothing reflowing after.
    await Promise.all(shown.map((face) => face.loaded?.catch(() => undefined)));
  }

  function release(): void {
    turn++;
    for (const face of added) {
      try {
        doc.fonts.delete(face);
      } catch {
        // as above
      }
    }
    added.clear();
  }

  return { use, release };
}
