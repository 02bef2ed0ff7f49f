import { describe, expect, it } from 'vitest';
import { findIconText, htmlToCheckableText, iconWordCount } from './icon-text';

const SEED_FIRST_LINE = 'icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon chevron lefticon chevron righticon chevron upicon closeicon v-compressicon downloadicon editicon v-expandicon fbicon fileicon filtericon flag ruicon full chevron downicon full chevron lefticon full chevron righticon full chevron upicon gpicon insicon mailicon moveicon-musicicon mutedicon nomutedicon okicon v-pauseicon v-playicon searchicon shareicon sign inicon sign upicon stepbackicon stepforicon swipe downicon tagicon tagsicon tgicon trashicon twicon vkicon yticon wticon fm';

describe('icon-text detector', () => {
  it.each([
    ['a sprite title run', 'icon bookmark'],
    ['glued sprite titles', 'Photo: Reuters iconcamera'],
    ['a sprite title glued to the caption after it', 'icon cameraReuters / Michael Dalder'],
    ['a class-like icon name', 'icon-share Share'],
    ['a ligature with an underscore inside a sentence', 'Save for later bookmark_border'],
    ['a vertical-dots ligature', 'Options more_vert'],
    ['"share" alone on its line', 'First paragraph.\n\nshare\n\nSecond paragraph.'],
    ['a line of ligature words', 'share bookmark print'],
    ['a ligature as a list item', '- share\n- Real item'],
    ['a private-use glyph', 'Comments \ue0b7 12'],
    ['a supplementary private-use glyph', 'Next \u{f0142}'],
  ])('flags %s', (_label, text) => {
    expect(findIconText(text)).not.toEqual([]);
  });

  it('flags every sprite title in the seed page first line', () => {
    const hits = findIconText(SEED_FIRST_LINE).filter((h) => h.kind === 'sprite');
    // 49 icon titles in the sprite; the few not in the name list are caught by their neighbours.
    expect(hits.length).toBeGreaterThanOrEqual(40);
    expect(iconWordCount(SEED_FIRST_LINE)).toBeGreaterThanOrEqual(80);
  });

  it.each([
    'The cathedral became an icon of the city after the war.',
    'It was an iconic moment; the lexicon of diplomacy changed.',
    'Iconography and icons of the Orthodox church were on show.',
    'Share prices fell by 3% on Monday.',
    'Residents were asked to share their views and to search the archive.',
    'Please close the door behind you, then print the menu.',
    'The function more_vertices() is not a ligature.',
    'US Vice President Joseph Biden reportedly told Foreign Minister Sergey Lavrov that despite the recent chill in Russia-US relations, Washington wants to put the reset between the two countries back on track.',
    'Ещё одна строка на русском языке, «в кавычках».',
    'مرحبا بالعالم — שלום עולם — 日本語の文章です。',
  ])('does not flag prose: %s', (text) => {
    expect(findIconText(text)).toEqual([]);
    expect(iconWordCount(text)).toBe(0);
  });

  it('reads the text of HTML, not its attributes', () => {
    expect(findIconText(htmlToCheckableText('<p class="icon-share">Hello</p>'))).toEqual([]);
    expect(findIconText(htmlToCheckableText('<p>Hello</p><span>more_vert</span>'))).not.toEqual([]);
  });
});
