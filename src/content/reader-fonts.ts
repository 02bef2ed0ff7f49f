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

/** What every text needs (digits, punctuation): the part a prefetch reads before the article is known. */
const LATIN: ReadonlySet<string> = new Set(['latin']);

export interface ReaderFonts {
  /** Starts reading `font`'s Latin part out of the extension, so it arrives while the page is being read. */
  prefetch(font: ReaderSettings['font']): void;
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
  // Each file's face, asked for once: a prefetch and the use() after it share one request.
  const faces = new Map<string, Promise<FontFace | null>>();
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

  /** The faces of `need`, reading out in one request the files not asked for yet; a file that could not be had is asked for again next time. */
  function load(family: string, need: FontFile[]): Promise<(FontFace | null)[]> {
    const missing = need.filter((f) => !faces.has(f.file));
    if (missing.length) {
      const data = files(missing.map((f) => f.file)).catch(() => ({} as Record<string, string>));
      for (const f of missing) {
        const face = data.then((d) => (typeof d[f.file] === 'string' ? make(family, f, d[f.file]!) : null));
        faces.set(f.file, face);
        void face.then((got) => { if (!got) faces.delete(f.file); });
      }
    }
    return Promise.all(need.map((f) => faces.get(f.file)!));
  }

  function prefetch(font: ReaderSettings['font']): void {
    if (isShippedFont(font) && doc.fonts) void load(SHIPPED_FONTS[font].family, facesFor(font, LATIN));
  }

  async function use(font: ReaderSettings['font'], subsets: ReadonlySet<string>): Promise<void> {
    const mine = ++turn;
    if (!isShippedFont(font) || !doc.fonts) return;
    const got = await load(SHIPPED_FONTS[font].family, facesFor(font, subsets));
    if (mine !== turn) return;
    const shown: FontFace[] = [];
    for (const face of got) {
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

  return { prefetch, use, release };
}
