// The reading fonts Readwell ships (SIL Open Font License, from the @fontsource packages; the
// build copies the files and their licences into fonts/): Literata for "Serif", a serif drawn for
// long reading on screens, and Atkinson Hyperlegible for "Legible", drawn so that similar letters
// (Il1, O0) cannot be confused. Without them Linux shows DejaVu for both.
//
// Each font is split by script, as fontsource splits it, so a page loads only what its text uses:
// the extension pages through `unicode-range` (fontFaceCss), the overlay by asking for the files
// its article needs (facesFor): a content script cannot point a page's font at an extension URL
// without making the file web-accessible, which would let any page probe for Readwell.
import type { ReaderSettings } from './settings';

export type ShippedFont = Extract<ReaderSettings['font'], 'serif' | 'legible'>;

export interface FontFile {
  /** The file's name in the extension's fonts/ folder (and in the package's files/). */
  file: string;
  style: 'normal' | 'italic';
  /** A CSS font-weight: one weight, or a variable font's range. */
  weight: string;
  /** fontsource's subset name (latin, cyrillic, …). */
  subset: string;
  unicodeRange: string;
}

/** fontsource's subsets (unicode.json of either package: the two agree where both have one). */
const RANGES: Record<string, string> = {
  latin: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  'latin-ext': 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
  vietnamese: 'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB',
  cyrillic: 'U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116',
  'cyrillic-ext': 'U+0460-052F,U+1C80-1C8A,U+20B4,U+2DE0-2DFF,U+A640-A69F,U+FE2E-FE2F',
  greek: 'U+0370-0377,U+037A-037F,U+0384-038A,U+038C,U+038E-03A1,U+03A3-03FF',
  'greek-ext': 'U+1F00-1FFF',
};

const STYLES = ['normal', 'italic'] as const;

function files(make: (subset: string, style: FontFile['style']) => Omit<FontFile, 'subset' | 'unicodeRange' | 'style'>[], subsets: string[]): FontFile[] {
  return subsets.flatMap((subset) => STYLES.flatMap((style) => make(subset, style).map((f) => ({ ...f, style, subset, unicodeRange: RANGES[subset]! }))));
}

/** Where each file comes from in node_modules (the build copies it) and which licence goes with it. */
export const FONT_PACKAGES = {
  serif: { dir: '@fontsource-variable/literata', licence: 'OFL-Literata.txt' },
  legible: { dir: '@fontsource/atkinson-hyperlegible', licence: 'OFL-Atkinson-Hyperlegible.txt' },
} as const satisfies Record<ShippedFont, { dir: string; licence: string }>;

export const SHIPPED_FONTS: Record<ShippedFont, { family: string; files: FontFile[] }> = {
  serif: {
    family: 'Readwell Literata',
    // One variable file per subset and style carries every weight (200 to 900).
    files: files((subset, style) => [{ file: `literata-${subset}-wght-${style}.woff2`, weight: '200 900' }],
      ['latin', 'latin-ext', 'vietnamese', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext']),
  },
  legible: {
    family: 'Readwell Atkinson Hyperlegible',
    files: files((subset, style) => ['400', '700'].map((weight) => ({ file: `atkinson-hyperlegible-${subset}-${weight}-${style}.woff2`, weight })), ['latin', 'latin-ext']),
  },
};

export const isShippedFont = (font: string): font is ShippedFont => font in SHIPPED_FONTS;

/** Every file name the extension ships: what the background may read out for the overlay. */
export const FONT_FILE_NAMES: readonly string[] = Object.values(SHIPPED_FONTS).flatMap((f) => f.files.map((x) => x.file));

function parseRanges(css: string): [number, number][] {
  return css.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(from!, 16), parseInt(to ?? from!, 16)];
  });
}
const PARSED = new Map(Object.entries(RANGES).map(([subset, css]) => [subset, parseRanges(css)]));

/** The subsets whose ranges hold at least one character of `text` (latin always: punctuation, digits). */
export function subsetsOf(text: string): Set<string> {
  const found = new Set(['latin']);
  const seen = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x100 || seen.has(cp)) continue;
    seen.add(cp);
    for (const [subset, ranges] of PARSED) if (!found.has(subset) && ranges.some(([a, b]) => cp >= a && cp <= b)) found.add(subset);
  }
  return found;
}

/** The files `font` needs for a text of these subsets (subsetsOf), both styles. */
export function facesFor(font: ShippedFont, subsets: ReadonlySet<string>): FontFile[] {
  return SHIPPED_FONTS[font].files.filter((f) => subsets.has(f.subset));
}

/** @font-face rules for an extension page, the files found at `base` (the browser loads only the subsets a page uses). */
export function fontFaceCss(base: string): string {
  return Object.values(SHIPPED_FONTS).flatMap(({ family, files: list }) => list.map((f) =>
    `@font-face { font-family: '${family}'; font-style: ${f.style}; font-weight: ${f.weight}; font-display: swap; src: url(${base}${f.file}) format('woff2'); unicode-range: ${f.unicodeRange}; }`)).join('\n');
}
