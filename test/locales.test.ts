// What the build writes for the browsers from the English catalogue (scripts/locales.mjs, the
// same functions build.mjs calls): `_locales/en/messages.json` valid for Chrome and Firefox, the
// manifest's __MSG_…__ names all in it, a translation checked before it ships, and the
// translations in the top-level _locales/ complete, true to the English placeholders, and in
// both built extensions.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EN } from '../src/shared/strings/en';
import { build } from 'esbuild';
import { fillHtml, localeProblems, messagesJson, messagesOnly, pluralBases, writeLocales } from '../scripts/locales.mjs';

const root = join(__dirname, '..');
const english = messagesJson(EN);
const manifest = readFileSync(join(root, 'manifest.json'), 'utf8');

describe('_locales/en/messages.json', () => {
  it('is what both browsers accept: [A-Za-z0-9_] keys unique without case, a message each, $1 … $9 only', () => {
    expect(localeProblems(english)).toEqual([]);
    for (const [key, entry] of Object.entries(english)) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(key.startsWith('@@'), key).toBe(false);
      expect(Object.keys(entry).every((k) => k === 'message' || k === 'description'), key).toBe(true);
    }
  });

  it('is written by the build, byte for byte the catalogue', () => {
    const out = mkdtempSync(join(tmpdir(), 'readwell-locales-'));
    try {
      writeLocales(out, EN, join(out, 'no-translations'));
      const written = JSON.parse(readFileSync(join(out, '_locales/en/messages.json'), 'utf8'));
      expect(written).toEqual(english);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('holds every __MSG_…__ the manifest names, within the stores’ lengths', () => {
    const names = [...manifest.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)].map((m) => m[1]!);
    expect(new Set(names)).toEqual(new Set(['ext_name', 'ext_description', 'command_toggle_reader']));
    for (const n of names) expect(english[n], n).toBeDefined();
    expect(JSON.parse(manifest).default_locale).toBe('en');
    expect(english.ext_name!.message.length).toBeLessThanOrEqual(45); // Chrome: 75; AMO: 45
    expect(english.ext_description!.message.length).toBeLessThanOrEqual(132); // Chrome's limit
  });
});

describe('a translation', () => {
  const check = (messages: Record<string, unknown>) => localeProblems(messages, english);

  it('passes with English keys, its language’s extra plural forms and the same placeholders', () => {
    expect(check({ ui_lang: { message: 'ru' }, close: { message: 'Закрыть' }, copied_few: { message: 'Скопировано $1 слова как $2' } })).toEqual([]);
  });

  it('may fill the count in any form of a count message, though English’s _one leaves it out', () => {
    // French "one" is 0 and 1, Russian "one" is 1, 21, 31 …: their form needs the number.
    expect(check({ epub_media_note_one: { message: '$1 image ou élément multimédia ne figure pas dans ce livre.' } })).toEqual([]);
    expect(check({ epub_media_note_few: { message: '$1 изображения … $2' } })).toEqual(['epub_media_note_few: $2 is filled by nothing']);
  });

  it('is refused with a key English lacks, a placeholder nothing fills, a bad key or a named placeholder', () => {
    expect(check({ clsoe: { message: 'Zu' } })).toEqual(['clsoe: not a key of the English catalogue']);
    expect(check({ close: { message: 'Schließen $1' } })).toEqual(['close: $1 is filled by nothing']);
    expect(check({ 'close-now': { message: 'x' } })).toContain('close-now: a key may hold only A-Z, a-z, 0-9 and _');
    expect(check({ saved: { message: 'Gespeichert: $1$' } })).toEqual(['saved: a $ that is not $1 … $9', 'saved: "$1…$" reads as a named placeholder in Chrome']);
    expect(check({ close: { message: '' }, CLOSE: { message: 'x' } })).toEqual(['close: no message', 'CLOSE: the same key as close to a browser (keys ignore case)', 'CLOSE: not a key of the English catalogue']);
  });

  it('stops the build when it has problems', () => {
    const out = mkdtempSync(join(tmpdir(), 'readwell-locales-'));
    try {
      mkdirSync(join(out, 'src/de'), { recursive: true });
      writeFileSync(join(out, 'src/de/messages.json'), JSON.stringify({ close: { message: 'Schließen' }, nope: { message: 'x' } }));
      expect(() => writeLocales(join(out, 'dist'), EN, join(out, 'src'))).toThrow(/de\/messages\.json:\n {2}nope: not a key/);
      writeFileSync(join(out, 'src/de/messages.json'), JSON.stringify({ close: { message: 'Schließen' } }));
      writeLocales(join(out, 'dist'), EN, join(out, 'src'));
      expect(JSON.parse(readFileSync(join(out, 'dist/_locales/de/messages.json'), 'utf8'))).toEqual({ close: { message: 'Schließen' } });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('the English catalogue’s own rules', () => {
  it('finds placeholders out of order, undescribed, and count messages without both English forms', () => {
    expect(localeProblems({ a: { message: 'x $2' }, b: { message: '$1 y' }, n_other: { message: '$1 z', description: '$1: n' } })).toEqual([
      'a: $1 missing before $2', 'a: placeholders without a description saying what they are', 'b: placeholders without a description saying what they are', 'n_one: missing',
    ]);
  });
});

describe('the bundles', () => {
  it('carry the messages without the translators’ descriptions, and t() reads them', async () => {
    const out = await build({ entryPoints: [join(root, 'src/shared/strings/t.ts')], bundle: true, write: false, format: 'esm', plugins: [messagesOnly(EN) as never], logLevel: 'silent' });
    const code = out.outputFiles[0]!.text;
    expect(code).not.toContain('usually left as it is'); // ext_name's description
    const { t } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
    expect(t('saved', 'A story')).toBe('Saved “A story” to your library.');
  });

  it('in the extension carry only what a content script must say when its extension is gone; the rest comes from the browser', async () => {
    const out = await build({ entryPoints: [join(root, 'src/shared/strings/t.ts')], bundle: true, write: false, format: 'esm', plugins: [messagesOnly(EN, ['error_stale']) as never], logLevel: 'silent' });
    const code = out.outputFiles[0]!.text;
    expect(code).not.toContain(EN.close_reader);
    const { t, useMessages } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
    let alive = true;
    useMessages((key: string, subs: string[]) => {
      if (!alive) throw new Error('Extension context invalidated.');
      return key === 'close' ? 'Schließen' : key === 'saved' ? `„${subs[0]}“ gespeichert` : '';
    });
    expect(t('close')).toBe('Schließen');
    expect(t('saved', 'A')).toBe('„A“ gespeichert');
    alive = false;
    // Updated under the page: a label drawn before is still there, and the stale notice is English.
    expect(t('close')).toBe('Schließen');
    expect(t('error_stale')).toBe(EN.error_stale);
    expect(() => messagesOnly(EN, ['no_such_key'])).toThrow(/no message no_such_key/);
  });
});

describe('the pages’ HTML', () => {
  it('gets its words from the catalogue, escaped', () => {
    expect(fillHtml('<button type="button" data-i18n="close"></button><h1 data-i18n="ext_name"></h1>', EN)).toBe('<button type="button" data-i18n="close">Close</button><h1 data-i18n="ext_name">Readwell</h1>');
    expect(fillHtml('<p data-i18n="popup_checking"></p>', { popup_checking: 'A < B & C' })).toBe('<p data-i18n="popup_checking">A &lt; B &amp; C</p>');
    expect(() => fillHtml('<p data-i18n="nope"></p>', EN)).toThrow(/names no message/);
  });
});

describe('the shipped translations (_locales/<lang>/messages.json beside manifest.json)', () => {
  const dir = join(root, '_locales');
  const langs = readdirSync(dir).sort();
  const read = (lang: string): Record<string, { message: string }> => JSON.parse(readFileSync(join(dir, lang, 'messages.json'), 'utf8'));
  const bases = new Set(pluralBases(english));
  const numbers = (message: string) => [...new Set([...message.matchAll(/\$([1-9])/g)].map((m) => Number(m[1])))].sort();
  /** Whole numbers (0 … 1000, and millions: French and Spanish "many") by the plural category the language gives them. */
  const categoriesOf = (lang: string) => {
    const rules = new Intl.PluralRules(lang);
    const by = new Map<string, number[]>();
    for (const n of [...Array(1001).keys(), 1e6, 2e6, 1e7]) by.set(rules.select(n), [...(by.get(rules.select(n)) ?? []), n]);
    return { all: rules.resolvedOptions().pluralCategories as string[], by };
  };

  it('hold at least the six languages README names (any other found here is checked the same way)', () => {
    expect(langs).toEqual(expect.arrayContaining(['ar', 'de', 'es', 'fr', 'ja', 'ru']));
  });

  it.each(langs)('%s: passes the build’s check, with every English key, in the same format as English', (lang) => {
    const messages = read(lang);
    expect(localeProblems(messages, english)).toEqual([]);
    expect(Object.keys(english).filter((k) => !(k in messages))).toEqual([]);
    for (const [key, entry] of Object.entries(messages)) {
      expect(Object.keys(entry), key).toEqual(['message']); // descriptions are for translators of English
      expect(entry.message.trim(), key).not.toBe('');
    }
    expect(messages.ui_lang!.message).toBe(lang.replace('_', '-'));
    expect(messages.ext_name!.message).toBe('Readwell');
    expect(messages.ext_description!.message.length).toBeLessThanOrEqual(132);
    for (const [key, e] of Object.entries(english)) if (e.message.includes('Readwell')) expect(messages[key]!.message, key).toContain('Readwell');
  });

  it.each(langs)('%s: has each count message in every form its language picks for a whole number, and no other', (lang) => {
    const messages = read(lang);
    const { all, by } = categoriesOf(messages.ui_lang!.message);
    for (const key of Object.keys(messages)) {
      if (key in english) continue;
      const m = key.match(/^(.+)_(zero|one|two|few|many|other)$/);
      expect(m && bases.has(m[1]!) && all.includes(m[2]!), `${key}: not a plural form ${lang} uses`).toBe(true);
    }
    for (const base of bases) for (const c of by.keys()) expect(messages[`${base}_${c}`], `${base}_${c}`).toBeDefined();
  });

  it.each(langs)('%s: fills the same placeholders as English (a count’s form may leave the count out only where it is one number)', (lang) => {
    const messages = read(lang);
    const { by } = categoriesOf(messages.ui_lang!.message);
    const wrong = Object.entries(messages).flatMap(([key, { message }]) => {
      const plural = key.match(/^(.+)_(zero|one|two|few|many|other)$/);
      const base = plural && bases.has(plural[1]!) ? plural[1]! : null;
      const want = numbers(english[base ? `${base}_other` : key]!.message);
      let got = numbers(message);
      // "Une image", "مقالتان": the form is for one number only (or never picked), so it may say it in words.
      if (base && (by.get(plural![2]!) ?? []).length <= 1 && !got.includes(1)) got = [1, ...got];
      return JSON.stringify(got) === JSON.stringify(want) ? [] : [`${key}: ${got.map((n) => `$${n}`).join(' ')} for ${want.map((n) => `$${n}`).join(' ')}`];
    });
    expect(wrong).toEqual([]);
  });

  it('are copied by the build into both extensions, byte for byte', () => {
    const out = mkdtempSync(join(tmpdir(), 'readwell-build-'));
    try {
      execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), `--out=${out}`], { cwd: root, stdio: 'pipe' });
      for (const browser of ['chrome', 'firefox']) {
        expect(readdirSync(join(out, browser, '_locales')).sort(), browser).toEqual(['en', ...langs].sort());
        for (const lang of langs) expect(readFileSync(join(out, browser, '_locales', lang, 'messages.json'), 'utf8'), `${browser} ${lang}`).toBe(`${JSON.stringify(read(lang), null, 2)}\n`);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
