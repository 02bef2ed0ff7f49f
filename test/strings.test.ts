// The strings live in one catalogue (src/shared/strings/en.ts) and nowhere else: every key the
// sources name is in it, every key in it is used, each call fills exactly the placeholders its
// message has, the pages' HTML holds keys and no words, and no user-facing literal is left in
// the code that renders. The compiler already checks keys and substitution counts at each
// typed call; this reads the sources as text to catch what it cannot see (HTML, the manifest,
// keys in tables, dead entries) and to keep new literals out.
//
// Limits of the literal scan: it reads lines, not a syntax tree, and knows the places words go
// in this code (textContent, aria-label/title/placeholder, h() children, fail(), errors, toasts,
// `reason:`/`message:`); a string built elsewhere and passed through a variable, or a new kind of
// sink, passes unseen. It is a net for the usual slip (a quoted English phrase written straight
// into a label), not a proof.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { JSDOM } from 'jsdom';
import { EN } from '../src/shared/strings/en';

const ROOT = join(__dirname, '..');
const SRC = join(ROOT, 'src');
const CATALOGUE = join(SRC, 'shared/strings/en.ts');
/** The layers whose words reach a person; core and cli keep their own English (README says why). */
const LAYERS = ['background', 'content', 'popup', 'library', 'platform', 'shared'];
const HTML = ['src/popup/popup.html', 'src/library/library.html', 'src/library/reader.html'];

const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : []));
const sources = LAYERS.flatMap((l) => files(join(SRC, l))).filter((f) => f !== CATALOGUE).map((f) => ({ name: relative(ROOT, f), code: readFileSync(f, 'utf8') }));
const messages: Record<string, string> = Object.fromEntries(Object.entries(EN).map(([k, e]) => [k, typeof e === 'string' ? e : e.message]));
const bases = new Set(Object.keys(messages).filter((k) => k.endsWith('_other')).map((k) => k.slice(0, -6)));
const highest = (key: string) => Math.max(0, ...[...(messages[key] ?? '').matchAll(/\$([1-9])/g)].map((m) => Number(m[1])));
const quoted = (code: string) => [...code.matchAll(/'([^'\\\n]*)'/g)].map((m) => m[1]!);
/** The key (or the two keys of a `cond ? 'a' : 'b'`) a call's first argument names, if literal. */
const keysIn = (arg: string) => arg.match(/^'([^']*)'$/)?.slice(1) ?? arg.match(/\?\s*'([^']*)'\s*:\s*'([^']*)'$/)?.slice(1) ?? [];
/** The code without its whole-line comments, which hold examples ("t('key', …)", "Copied 1,204 words…"). */
const live = (code: string) => code.split('\n').map((l) => (/^\s*(\/\/|\/?\*)/.test(l) ? '' : l)).join('\n');

/** Index just past the bracket, quote or template that starts at `i`. */
function skip(code: string, i: number): number {
  const open = code[i]!;
  if (open === "'" || open === '"') {
    for (let j = i + 1; j < code.length; j++) if (code[j] === '\\') j++; else if (code[j] === open) return j + 1;
  }
  if (open === '`') {
    for (let j = i + 1; j < code.length; j++) {
      if (code[j] === '\\') j++;
      else if (code[j] === '`') return j + 1;
      else if (code[j] === '$' && code[j + 1] === '{') j = skip(code, j + 1) - 1;
    }
  }
  const close = ({ '(': ')', '[': ']', '{': '}' } as Record<string, string>)[open]!;
  for (let j = i + 1; j < code.length;) {
    if (code[j] === close) return j + 1;
    j = '([{\'"`'.includes(code[j]!) ? skip(code, j) : j + 1;
  }
  return code.length;
}

/** The argument texts of the call whose `(` is at `open`. */
function callArgs(code: string, open: number): string[] {
  const args: string[] = [];
  let start = open + 1;
  for (let j = open + 1; j < code.length;) {
    const c = code[j]!;
    if (c === ',' || c === ')') {
      args.push(code.slice(start, j).trim());
      if (c === ')') break;
      start = j + 1;
      j++;
    } else j = '([{\'"`'.includes(c) ? skip(code, j) : j + 1;
  }
  return args.filter((a, i) => a !== '' || i < args.length - 1);
}

/** Every t(), tn(), tParts() and messageFor() call: where, which function, its arguments. */
const calls = sources.flatMap(({ name, code }) =>
  [...live(code).matchAll(/(?:(?<![\w$.])|(?<=\.\.\.))(t|tn|tParts|messageFor)\(/g)].map((m) => ({ name, fn: m[1]!, args: callArgs(live(code), m.index! + m[0].length - 1) })));

/**
 * Keys named in tables of labels (`const X = … satisfies …PlainKey…`, which the compiler
 * checks): the key-shaped literals in them (snake_case with an underscore; the tables' other
 * literals are values like 'serif' or 'open-reader').
 */
const tableKeys = sources.flatMap(({ name, code }) =>
  [...live(code).matchAll(/const \w+(?::[^=\n]*)? = ([[{](?:(?!\n(?:export )?const )[\s\S])*?)\s*(?:as const )?satisfies [^\n]*\b(?:PlainKey|SingleKey)\b/g)]
    .flatMap((m) => quoted(m[1]!).filter((q) => /^[a-z][a-z0-9]*_[a-z0-9_]+$/.test(q)).map((key) => ({ name, key }))));

const htmlKeys = HTML.flatMap((f) => [...readFileSync(join(ROOT, f), 'utf8').matchAll(/data-i18n="([^"]+)"/g)].map((m) => ({ name: f, key: m[1]! })));
const manifestKeys = [...readFileSync(join(ROOT, 'manifest.json'), 'utf8').matchAll(/__MSG_(\w+)__/g)].map((m) => ({ name: 'manifest.json', key: m[1]! }));

describe('the catalogue and its uses', () => {
  it('finds the calls, tables and HTML keys it checks (so the checks below cannot pass on nothing)', () => {
    expect(calls.length).toBeGreaterThan(150);
    expect(tableKeys.length).toBeGreaterThan(30);
    expect(htmlKeys.length).toBeGreaterThan(10);
  });

  it('has every key the sources name (as a call’s key, in a table of labels, in HTML, in the manifest)', () => {
    const named = [
      ...calls.flatMap(({ name, fn, args }) => keysIn(args[0] ?? '').map((q) => ({ name, key: fn === 'tn' ? `${q}_other` : q }))),
      ...tableKeys, ...htmlKeys, ...manifestKeys,
    ];
    expect(named.filter(({ key }) => !(key in messages)).map(({ name, key }) => `${name}: ${key}`)).toEqual([]);
  });

  it('uses every key it has (no dead strings)', () => {
    const used = new Set([
      ...calls.flatMap(({ fn, args }) => keysIn(args[0] ?? '').flatMap((q) => (fn === 'tn' ? Object.keys(messages).filter((k) => k.startsWith(`${q}_`) && bases.has(q)) : [q]))),
      ...tableKeys.map((k) => k.key), ...htmlKeys.map((k) => k.key), ...manifestKeys.map((k) => k.key),
    ]);
    expect(Object.keys(messages).filter((k) => !used.has(k))).toEqual([]);
  });

  it('fills exactly the placeholders each message has, at every call naming its key', () => {
    const wrong = calls.flatMap(({ name, fn, args }) => keysIn(args[0] ?? '').flatMap((key) => {
      if (fn === 'messageFor') return [];
      const [want, got] = fn === 'tn' ? [highest(`${key}_other`), args.length - 1] : [highest(key), args.length - 1];
      return want === got ? [] : [`${name}: ${fn}('${key}') has ${got} substitution(s), its message ${want}`];
    }));
    expect(wrong).toEqual([]);
  });

  it('names in tables and HTML only keys that take no substitutions (nothing could fill them)', () => {
    expect([...tableKeys, ...htmlKeys].filter(({ key }) => highest(key) > 0).map(({ name, key }) => `${name}: ${key}`)).toEqual([]);
  });
});

describe('no words outside the catalogue', () => {
  const SINKS: [what: string, pattern: RegExp][] = [
    ['text set directly', /\.(?:textContent|innerText|title|placeholder)\s*=\s*(?=['"`])/g],
    ['a named attribute', /['"](?:aria-label|aria-valuetext|title|placeholder|alt)['"]\s*:\s*(?=['"`])|setAttribute\(\s*'(?:aria-label|aria-valuetext|title|placeholder|alt)'\s*,\s*(?=['"`])/g],
    ['a title, label or placeholder field', /\b(?:title|label|placeholder)\s*:\s*(?=['"`])/g],
    ['an element’s children', /\}\s*,\s*\[\s*(?=['"`])/g],
    ['text appended', /\.(?:append|replaceChildren|prepend)\(\s*(?=['"`])/g],
    ['a failure reply', /\bfail\(\s*'[\w-]+'\s*,\s*(?=['"`])|\bfailFrom\([^,()]+,\s*(?=['"`])/g],
    ['an error', /\bnew StoreError\(\s*'[\w-]+'\s*,\s*(?=['"`])|\bnew (?!StoreError)\w*(?:Error|Invalid)\(\s*(?=['"`])/g],
    ['a notice', /\b(?:toast|notify|say|renderMessage|pageToast|showPageToast|show)\(\s*(?:doc(?:ument)?\s*,\s*)?(?=['"`])/g],
    // Codes ('merged', 'new-id') are data here, not words: only literals with more than a code in them count.
    ['a reason or message field', /\b(?:reason|message|why)\s*:\s*(?=['"`](?![a-z][a-z0-9-]*['"`]))/g],
  ];
  /** Text no person reads as words: programming errors naming source files and APIs. */
  const ALLOWED = [
    'src/background/router.ts: handlers/.ts does not export the  handler', // a bug in a handler file, never a page's doing (its ${type}s left out)
    'src/platform/content-script.ts: Readwell: no extension API in this context', // a bundle loaded outside an extension
  ];

  /** The literal starting at `i`, with template substitutions left out. */
  const literalAt = (code: string, i: number) => {
    const end = skip(code, i);
    let body = code.slice(i + 1, end - 1);
    if (code[i] === '`') for (let j = body.indexOf('${'); j >= 0; j = body.indexOf('${')) body = body.slice(0, j) + body.slice(skip(body, j + 1));
    return body;
  };
  const found = sources.flatMap(({ name, code }) => {
    const text = live(code);
    return SINKS.flatMap(([what, pattern]) => [...text.matchAll(pattern)].map((m) => ({ what, text: literalAt(text, m.index! + m[0].length) })))
      .filter(({ text }) => /[A-Za-z]/.test(text) && !(text in messages) && !ALLOWED.includes(`${name}: ${text}`))
      .map(({ what, text }) => `${name} (${what}): ${text}`);
  });

  it('leaves no user-facing literal in the code that renders, replies or fails', () => {
    expect(found).toEqual([]);
  });

  it('would catch one (the scan finds a literal label)', () => {
    const probe = `const b = h(doc, 'button', { 'aria-label': 'Close the reader' }, ['Close']);\nel.textContent = \`\${n} min left\`;`;
    const hits = SINKS.flatMap(([, p]) => [...probe.matchAll(p)].map((m) => literalAt(probe, m.index! + m[0].length))).filter((s) => /[A-Za-z]/.test(s));
    expect(hits.sort()).toEqual([' min left', 'Close', 'Close the reader'].sort());
  });

  it.each(HTML)('%s holds keys, not words', (file) => {
    const doc = new JSDOM(readFileSync(join(ROOT, file), 'utf8')).window.document;
    const texts: string[] = [];
    const walker = doc.createTreeWalker(doc.documentElement, 4 /* text */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement?.closest('style, script') && /[A-Za-z]/.test(n.nodeValue ?? '')) texts.push(n.nodeValue!.trim());
    }
    expect(texts).toEqual([]);
    const named = [...doc.querySelectorAll('[aria-label], [title], [placeholder], [alt]')].filter((el) => ['aria-label', 'title', 'placeholder', 'alt'].some((a) => /[A-Za-z]/.test(el.getAttribute(a) ?? '')));
    expect(named.map((el) => el.outerHTML)).toEqual([]);
  });
});

describe('every context reads the browser’s strings', () => {
  const build = readFileSync(join(ROOT, 'scripts/build.mjs'), 'utf8');
  const entries = [...build.matchAll(/\['(src\/[^']+\.ts)', '[^']+\.js'/g)].map((m) => m[1]!);

  it.each(entries)('%s hands its i18n API to useBrowserStrings', (entry) => {
    expect(readFileSync(join(ROOT, entry), 'utf8')).toMatch(/\buseBrowserStrings\((browser|api)\)/);
  });

  it('reads no string at a module’s top level, before the entry installs the browser’s (t.ts says why)', () => {
    expect(entries.length).toBe(5);
    const early = sources.flatMap(({ name, code }) => code.split('\n').filter((l) => /^(export )?(const|let|var) [^=]+=.*(?<![\w.$])(t|tn|tParts)\(/.test(l)).map((l) => `${name}: ${l.trim()}`));
    expect(early).toEqual([]);
  });
});
