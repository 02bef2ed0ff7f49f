// The pages' own HTML in the browser's language (shared/strings/localize-page.ts): the data-i18n
// texts, <html lang> from the translation's ui_lang, and <html dir="rtl"> when the browser's
// `@@bidi_dir` says its language reads right to left. getMessage is a fake that answers as the
// browsers do: the message with $1 … filled, '' for a key it does not have.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { useBrowserStrings } from '../../src/platform/i18n';
import { localizePage } from '../../src/shared/strings/localize-page';
import { formatMessage, uiDir, useMessages } from '../../src/shared/strings/t';
import { itemElement } from '../../src/library/library-view';
import { snippetElement } from '../../src/library/search-snippets';
import { record } from '../library/fixtures';

const root = join(__dirname, '../..');
const PAGES = ['src/popup/popup.html', 'src/library/library.html', 'src/library/reader.html'];
const page = (file: string) => new JSDOM(readFileSync(join(root, file), 'utf8').replace(/<script[^>]*><\/script>/g, '')).window.document;
const browser = (messages: Record<string, string>) => ({
  i18n: { getMessage: (key: string, subs?: string | string[]) => (messages[key] === undefined ? '' : formatMessage(messages[key]!, typeof subs === 'string' ? [subs] : subs ?? [])) },
});

afterEach(() => useMessages(null));

describe('localizePage', () => {
  it('sets dir="rtl" and the translation’s lang on each page when the browser reads right to left', () => {
    for (const file of PAGES) {
      useBrowserStrings(browser({ '@@bidi_dir': 'rtl', '@@ui_locale': 'ar', ui_lang: 'ar', popup_open_library: 'فتح المكتبة' }));
      const doc = page(file);
      localizePage(doc);
      expect(doc.documentElement.dir, file).toBe('rtl');
      expect(doc.documentElement.lang, file).toBe('ar');
    }
    const doc = page('src/popup/popup.html');
    localizePage(doc);
    expect(doc.querySelector('[data-i18n="popup_open_library"]')!.textContent).toBe('فتح المكتبة');
    expect(doc.querySelector('[data-i18n="save"]')!.textContent).toBe('Save'); // no Arabic given: English
  });

  it('sets dir="ltr" for a left-to-right language, and without a browser (English, jsdom)', () => {
    useBrowserStrings(browser({ '@@bidi_dir': 'ltr', ui_lang: 'de', close: 'Schließen' }));
    let doc = page('src/popup/popup.html');
    localizePage(doc);
    expect([doc.documentElement.dir, doc.documentElement.lang]).toEqual(['ltr', 'de']);

    useMessages(null);
    doc = page('src/library/reader.html');
    localizePage(doc);
    expect([doc.documentElement.dir, doc.documentElement.lang]).toEqual(['ltr', 'en']);
    expect(uiDir()).toBe('ltr');
  });

  it('reads ltr when getMessage has no @@bidi_dir or throws (an extension updated under its page)', () => {
    useBrowserStrings(browser({ ui_lang: 'ar' }));
    expect(uiDir()).toBe('ltr');
    useMessages(() => {
      throw new Error('Extension context invalidated.');
    });
    expect(uiDir()).toBe('ltr');
  });
});

describe('an article in a page that reads the other way', () => {
  it('keeps its own direction in the library list: an English title and excerpt stay ltr in an Arabic library, a Hebrew one rtl', () => {
    useBrowserStrings(browser({ '@@bidi_dir': 'rtl', ui_lang: 'ar' }));
    const doc = page('src/library/library.html');
    localizePage(doc);
    const english = itemElement(doc, record(1));
    const hebrew = itemElement(doc, record(2, { lang: 'he', dir: 'rtl', title: 'כותרת', excerpt: 'תקציר.' }));
    for (const [item, dir] of [[english, 'ltr'], [hebrew, 'rtl']] as const) {
      expect(item.querySelector('[data-testid="library-item-title"]')!.getAttribute('dir')).toBe(dir);
      expect(item.querySelector('.excerpt')!.getAttribute('dir')).toBe(dir);
    }
    expect(snippetElement(doc, [{ text: 'harbour', marked: true }], record(1)).getAttribute('dir')).toBe('ltr');
  });
});
