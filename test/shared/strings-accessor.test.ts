// t() and tn(): the English catalogue where no browser strings are installed, the browser's where
// they are (Russian-like plural forms from a fake getMessage), and the compiler refusing a wrong
// key or a wrong number of substitutions (the @ts-expect-error lines fail `tsc` if they compile).
import { afterEach, describe, expect, it } from 'vitest';
import { formatMessage, t, tn, tParts, uiLang, useMessages } from '../../src/shared/strings/t';

afterEach(() => useMessages(null));

describe('strings, English', () => {
  it('fills $1 … $9 in one pass, as _locales does', () => {
    expect(t('saved', 'The $2 story')).toBe('Saved “The $2 story” to your library.');
    expect(formatMessage('$2 before $1', ['a', 'b'])).toBe('b before a');
  });

  it('writes numbers in the interface language and picks the plural form', () => {
    expect(tn('copied', 1, t('format_text'))).toBe('Copied 1 word as text');
    expect(tn('copied', 1204, t('format_html'))).toBe('Copied 1,204 words as HTML');
    expect(tn('library_unreadable', 1)).toBe('1 stored entry could not be read');
    expect(uiLang()).toBe('en');
  });

  it('puts items where the message places them', () => {
    const kbd = { tag: 'kbd' };
    expect(tParts('popup_shortcut', kbd)).toEqual(['Shortcut: ', kbd]);
  });
});

describe('strings from the browser', () => {
  const RU: Record<string, string> = { ui_lang: 'ru', copied_one: 'Скопировано $1 слово как $2', copied_few: 'Скопировано $1 слова как $2', copied_other: 'Скопировано $1 слов как $2', format_text: 'текст' };
  const fake = (messages: Record<string, string>) => (key: string, subs: string[]) => (messages[key] ? formatMessage(messages[key]!, subs) : '');

  it('uses the browser’s message and its language’s plural forms', () => {
    useMessages(fake(RU));
    expect(tn('copied', 3, t('format_text'))).toBe('Скопировано 3 слова как текст');
    expect(tn('copied', 21, t('format_text'))).toBe('Скопировано 21 слово как текст');
    expect(tn('copied', 5, t('format_text'))).toBe('Скопировано 5 слов как текст');
  });

  it('falls back to the _other form a translation has, then to English', () => {
    useMessages(fake({ ui_lang: 'ru', copied_other: 'Скопировано $1 слов как $2' }));
    expect(tn('copied', 3, 'HTML')).toBe('Скопировано 3 слов как HTML');
    expect(t('close')).toBe('Close');
  });

  it('answers in English when getMessage throws (an extension updated under its content script)', () => {
    useMessages(() => {
      throw new Error('Extension context invalidated.');
    });
    expect(t('error_stale')).toBe('Readwell was updated — reload the page');
  });
});

describe('the compiler checks keys and substitutions', () => {
  it('refuses wrong calls (checked by tsc, not at run time)', () => {
    const wrong = () => {
      // @ts-expect-error no such key
      t('no_such_key');
      // @ts-expect-error saved takes the title
      t('saved');
      // @ts-expect-error close takes nothing
      t('close', 'x');
      // @ts-expect-error a count's forms go through tn
      t('copied_one', 1, 'text');
      // @ts-expect-error copied takes the format after the count
      tn('copied', 3);
      // @ts-expect-error close has no forms per count
      tn('close', 2);
      // @ts-expect-error one item for one placeholder
      tParts('popup_shortcut');
    };
    expect(typeof wrong).toBe('function');
  });
});
