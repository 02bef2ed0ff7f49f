// Issue 12 item 8, type: the shipped reading fonts in the overlay (content/reader-fonts.ts and
// shared/fonts.ts), the sliders' values, and the reading time in the article's language. That the
// browser really draws the text in the shipped fonts is test/e2e/fonts.chromium.e2e.ts.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { facesFor, FONT_FILE_NAMES, FONT_PACKAGES, fontFaceCss, SHIPPED_FONTS, subsetsOf } from '../../src/shared/fonts';
import { readerFonts } from '../../src/content/reader-fonts';
import { readingTime } from '../../src/content/header';
import { settingValueText } from '../../src/shared/settings';

/** A document with a font set and FontFace as a browser has them, recording what is added. */
function fakeDocument() {
  const set = new Set<FakeFace>();
  class FakeFace {
    constructor(readonly family: string, readonly source: ArrayBuffer, readonly descriptors: FontFaceDescriptors) {}
  }
  const doc = { fonts: { add: (f: FakeFace) => set.add(f), delete: (f: FakeFace) => set.delete(f) }, defaultView: { FontFace: FakeFace } } as unknown as Document;
  return { doc, faces: () => [...set].map((f) => `${f.family} ${f.descriptors.style} ${f.descriptors.unicodeRange!.slice(0, 11)} ${new Uint8Array(f.source).length}`) };
}

describe('the shipped fonts', () => {
  it('are files their packages have, each with its licence', () => {
    for (const [font, { files }] of Object.entries(SHIPPED_FONTS)) {
      const dir = join(__dirname, '../../node_modules', FONT_PACKAGES[font as keyof typeof FONT_PACKAGES].dir);
      expect(existsSync(join(dir, 'LICENSE'))).toBe(true);
      for (const { file } of files) expect(existsSync(join(dir, 'files', file)), file).toBe(true);
    }
    expect(new Set(FONT_FILE_NAMES).size).toBe(FONT_FILE_NAMES.length);
  });

  it('are split by script: a text needs the parts its letters are in, Latin always', () => {
    expect([...subsetsOf('The council met on Tuesday.')]).toEqual(['latin']);
    expect([...subsetsOf('A híd tavasszal nyílik, mondta a szóvivő')].sort()).toEqual(['latin', 'latin-ext']);
    expect([...subsetsOf('Новый мост через реку')].sort()).toEqual(['cyrillic', 'latin']);
    expect([...subsetsOf('Η νέα γέφυρα')].sort()).toEqual(['greek', 'latin']);
    expect(facesFor('serif', subsetsOf('plain English')).map((f) => f.file)).toEqual(['literata-latin-wght-normal.woff2', 'literata-latin-wght-italic.woff2']);
    expect(facesFor('legible', subsetsOf('plain English'))).toHaveLength(4); // 400 and 700, upright and italic
  });

  it('are declared for the extension pages with their ranges, so those load only what they show', () => {
    const css = fontFaceCss('fonts/');
    expect(css.match(/@font-face/g)).toHaveLength(FONT_FILE_NAMES.length);
    expect(css).toContain("font-family: 'Readwell Literata'; font-style: italic; font-weight: 200 900;");
    expect(css).toContain('src: url(fonts/literata-cyrillic-wght-normal.woff2)');
  });
});

describe('the overlay\'s fonts', () => {
  const bytes = (n: number) => Buffer.alloc(n, 7).toString('base64');
  /** Fonts whose every file arrives as `size` bytes, each request recorded. */
  function answering(size: number) {
    const { doc, faces } = fakeDocument();
    const asked: string[][] = [];
    const fonts = readerFonts(doc, async (files) => {
      asked.push(files);
      return Object.fromEntries(files.map((f) => [f, bytes(size)]));
    });
    return { fonts, faces, asked };
  }

  it('asks once for the parts the article needs, puts them in the page\'s font set, and takes them out on close', async () => {
    const { fonts, faces, asked } = answering(10);
    await fonts.use('serif', subsetsOf('Новый мост'));
    expect(asked).toEqual([['literata-latin-wght-normal.woff2', 'literata-latin-wght-italic.woff2', 'literata-cyrillic-wght-normal.woff2', 'literata-cyrillic-wght-italic.woff2']]);
    expect(faces()).toEqual([
      'Readwell Literata normal U+0000-00FF 10', 'Readwell Literata italic U+0000-00FF 10',
      'Readwell Literata normal U+0301,U+04 10', 'Readwell Literata italic U+0301,U+04 10',
    ]);
    fonts.release();
    expect(faces()).toEqual([]);
    // Opened again: the same faces back, nothing read again.
    await fonts.use('serif', subsetsOf('Новый мост'));
    expect(faces()).toHaveLength(4);
    expect(asked).toHaveLength(1);
  });

  it('reads the Latin part ahead while the page is read, and the opening after it asks only for what the article adds', async () => {
    const { fonts, faces, asked } = answering(5);
    fonts.prefetch('serif');
    fonts.prefetch('mono'); // a system stack: nothing to read
    expect(faces()).toEqual([]); // read, not shown yet
    await fonts.use('serif', subsetsOf('Новый мост'));
    expect(asked).toEqual([
      ['literata-latin-wght-normal.woff2', 'literata-latin-wght-italic.woff2'],
      ['literata-cyrillic-wght-normal.woff2', 'literata-cyrillic-wght-italic.woff2'],
    ]);
    expect(faces()).toHaveLength(4);
  });

  it('adds nothing for the system stacks, nothing after the reader closed meanwhile, and keeps the system font when a file cannot be had', async () => {
    const { doc, faces } = fakeDocument();
    let answer: (v: Record<string, string>) => void = () => undefined;
    const fonts = readerFonts(doc, (files) => new Promise((resolve) => { answer = resolve; void files; }));
    await fonts.use('sans', subsetsOf('anything'));
    await fonts.use('mono', subsetsOf('anything'));
    expect(faces()).toEqual([]);
    const pending = fonts.use('legible', subsetsOf('late'));
    fonts.release();
    answer(Object.fromEntries(SHIPPED_FONTS.legible.files.map((f) => [f.file, bytes(4)])));
    await pending;
    expect(faces()).toEqual([]);

    const failing = readerFonts(doc, async () => { throw new Error('Extension context invalidated.'); });
    await failing.use('serif', subsetsOf('text'));
    const partial = readerFonts(doc, async (files) => ({ [files[0]!]: bytes(3) }));
    await partial.use('serif', subsetsOf('text'));
    expect(faces()).toEqual(['Readwell Literata normal U+0000-00FF 3']);
  });
});

describe('the reader\'s words about numbers', () => {
  it('shows each slider\'s value with as many decimals as its step', () => {
    expect(settingValueText('lineHeight', 1.6)).toBe('1.6');
    expect(settingValueText('width', 68)).toBe('68');
    expect(settingValueText('letterSpacing', 0)).toBe('0.00');
    expect(settingValueText('letterSpacing', 0.02)).toBe('0.02');
  });

  it('gives the reading time in the article\'s language where it is not the interface\'s', () => {
    expect(readingTime(4, 'en-GB')).toBe('4 min read');
    expect(readingTime(4, null)).toBe('4 min read');
    expect(readingTime(2, 'ru')).toBe(new Intl.NumberFormat('ru', { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(2));
    expect(readingTime(2, 'ru')).toMatch(/минут/);
    expect(readingTime(3, 'ar')).toMatch(/دقائق|دقيقة/);
    expect(readingTime(3, 'not a tag!')).toBe('3 min read');
  });
});
