// The build's side of the strings: the English catalogue (src/shared/strings/en.ts, the one
// source) written as `_locales/en/messages.json`, every other `_locales/<lang>/messages.json` of
// the repository checked against it and copied, and the extension pages' HTML given its English
// words (the source HTML holds only `data-i18n` keys; the pages put the browser's language in at
// run time, shared/strings/localize-page.ts, but a page must read right before its script runs).
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The catalogue object, bundled from its TypeScript source. */
export async function loadCatalogue(root) {
  const out = await build({ entryPoints: [join(root, 'src/shared/strings/en.ts')], bundle: true, write: false, format: 'esm', platform: 'neutral', logLevel: 'warning' });
  const mod = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
  return mod.EN;
}

/** messages.json: `{ key: { message, description? } }`, in the catalogue's order. */
export function messagesJson(catalogue) {
  return Object.fromEntries(Object.entries(catalogue).map(([key, e]) => [key, typeof e === 'string' ? { message: e } : { message: e.message, description: e.description }]));
}

const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];
const placeholders = (message) => [...message.matchAll(/\$([1-9])/g)].map((m) => Number(m[1]));

/** `base` for keys `base_other`: the catalogue's messages with a form per count. */
export function pluralBases(english) {
  return Object.keys(english).filter((k) => k.endsWith('_other')).map((k) => k.slice(0, -'_other'.length));
}

/**
 * What would make a messages.json wrong for Chrome or Firefox, or for Readwell: key names of
 * [A-Za-z0-9_] (both browsers compare them without case, and reserve `@@`), a non-empty
 * `message` on every entry, substitutions as `$1` … `$9` only (Chrome reads `$word$` as a named
 * placeholder, which these files do not declare; a literal `$` is never needed). With `english`
 * (a translation): only the English keys (and the extra plural forms of its count messages), and
 * no placeholder the English message does not fill.
 */
export function localeProblems(messages, english = null) {
  const problems = [];
  const seen = new Map();
  const bases = new Set(pluralBases(english ?? messages));
  for (const [key, entry] of Object.entries(messages)) {
    if (!/^[A-Za-z0-9_]+$/.test(key)) problems.push(`${key}: a key may hold only A-Z, a-z, 0-9 and _`);
    const folded = key.toLowerCase();
    if (seen.has(folded)) problems.push(`${key}: the same key as ${seen.get(folded)} to a browser (keys ignore case)`);
    seen.set(folded, key);
    if (!entry || typeof entry.message !== 'string' || entry.message.trim() === '') {
      problems.push(`${key}: no message`);
      continue;
    }
    if (entry.description !== undefined && typeof entry.description !== 'string') problems.push(`${key}: description is not text`);
    const { message } = entry;
    if (/\$(?![1-9])/.test(message)) problems.push(`${key}: a $ that is not $1 … $9`);
    if (/\$[1-9][A-Za-z0-9_@]*\$/.test(message)) problems.push(`${key}: "$1…$" reads as a named placeholder in Chrome`);
    const plural = key.match(/^(.+)_(zero|one|two|few|many|other)$/);
    const base = plural && bases.has(plural[1]) ? plural[1] : null;
    if (english) {
      const source = english[key] ?? (base ? english[`${base}_other`] : undefined);
      // A count's forms are all filled alike (the count as $1, then the rest): any form may use
      // what `base_other` uses, though English's `_one` may leave the count out ("One image").
      const filled = placeholders((base ? english[`${base}_other`] : source)?.message ?? '');
      if (!source) problems.push(`${key}: not a key of the English catalogue`);
      else for (const n of placeholders(message)) if (!filled.includes(n)) problems.push(`${key}: $${n} is filled by nothing`);
      continue;
    }
    // The English catalogue itself: placeholders numbered from $1 without a gap (a count's
    // singular may leave out $1, "One image"), each one described for translators.
    const used = [...new Set(placeholders(message))].sort();
    const highest = used.length ? used[used.length - 1] : 0;
    const expected = base && plural[2] === 'one' ? placeholders(messages[`${base}_other`]?.message ?? '') : [];
    for (let n = 1; n <= highest; n++) if (!used.includes(n) && !expected.includes(n)) problems.push(`${key}: $${n} missing before $${highest}`);
    if (used.length && !(entry.description ?? '').includes('$')) problems.push(`${key}: placeholders without a description saying what they are`);
  }
  if (!english) {
    // English has two plural forms; a count message needs both, and no others.
    const en = new Intl.PluralRules('en').resolvedOptions().pluralCategories;
    for (const base of bases) {
      for (const c of CATEGORIES) {
        const has = Object.hasOwn(messages, `${base}_${c}`);
        if (has !== en.includes(c)) problems.push(`${base}_${c}: ${has ? 'not a form English uses' : 'missing'}`);
      }
    }
  }
  return problems;
}

/**
 * An esbuild plugin that bundles the catalogue as its messages alone: the descriptions are for
 * translators (messages.json keeps them), and would double what each bundle carries.
 *
 * `keep`: bundle only these messages. In the extension every string comes from
 * `i18n.getMessage`, which falls back to `_locales/en` by itself, so the English copy in a
 * bundle is dead weight (about 24 KB in each) except where no extension is left to answer: a
 * content script whose extension was updated under it still has to say so. Without `keep`,
 * every message (the unit tests' bundles).
 */
export function messagesOnly(catalogue, keep = null) {
  const messages = Object.entries(messagesJson(catalogue)).filter(([k]) => !keep || keep.includes(k));
  if (keep) for (const k of keep) if (!messages.some(([m]) => m === k)) throw new Error(`messagesOnly: no message ${k}`);
  const contents = `export const EN = ${JSON.stringify(Object.fromEntries(messages.map(([k, e]) => [k, e.message])))};`;
  return {
    name: 'strings-messages-only',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/]shared[\\/]strings[\\/]en\.ts$/ }, () => ({ contents, loader: 'js' }));
    },
  };
}

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Each empty `<tag … data-i18n="key" …></tag>` with its English message as text. */
export function fillHtml(html, catalogue) {
  const messages = messagesJson(catalogue);
  return html.replace(/<([a-z][a-z0-9]*)(\s[^>]*?\sdata-i18n="([A-Za-z0-9_]+)"[^>]*|\sdata-i18n="([A-Za-z0-9_]+)"[^>]*)><\/\1>/g, (all, tag, attrs, k1, k2) => {
    const entry = messages[k1 ?? k2];
    if (!entry) throw new Error(`data-i18n="${k1 ?? k2}" names no message`);
    return `<${tag}${attrs}>${escapeHtml(entry.message)}</${tag}>`;
  });
}

/**
 * Writes `<out>/_locales/en/messages.json` from the catalogue, and copies each translation in
 * `<localesDir>/<lang>/messages.json` after checking it; a translation with problems stops the build.
 */
export function writeLocales(out, catalogue, localesDir) {
  const english = messagesJson(catalogue);
  const problems = localeProblems(english);
  if (problems.length) throw new Error(`src/shared/strings/en.ts:\n  ${problems.join('\n  ')}`);
  const write = (lang, messages) => {
    mkdirSync(join(out, '_locales', lang), { recursive: true });
    writeFileSync(join(out, '_locales', lang, 'messages.json'), `${JSON.stringify(messages, null, 2)}\n`);
  };
  write('en', english);
  if (!existsSync(localesDir)) return;
  for (const lang of readdirSync(localesDir)) {
    if (lang === 'en') throw new Error(`${localesDir}/en: English is written from src/shared/strings/en.ts, not kept here`);
    const messages = JSON.parse(readFileSync(join(localesDir, lang, 'messages.json'), 'utf8'));
    const found = localeProblems(messages, english);
    if (found.length) throw new Error(`${localesDir}/${lang}/messages.json:\n  ${found.join('\n  ')}`);
    write(lang, messages);
  }
}
