// The one way to a user-facing string: `t('key', ...substitutions)` and, for a count,
// `tn('key', n, ...more)`. Keys and the number of substitutions are checked by the compiler
// against the English catalogue (en.ts). In the extension each context hands its
// `i18n.getMessage` to useMessages() (platform/i18n.ts), so a `_locales/xx/messages.json` the
// build ships translates the interface; where there is none (jsdom tests, a content script
// whose extension was updated under it) the English catalogue answers, in the same
// substitution format as `_locales` ($1 … $9).
//
// Never call t() at a module's top level: a bundle evaluates its modules before the entry
// installs the browser's messages, so a string read then would stay English.
import { EN } from './en';

type Catalogue = typeof EN;
export type MessageKey = keyof Catalogue;
/** A substitution: text as it is, or a number written in the interface's language. */
export type Sub = string | number;

type MessageOf<K extends MessageKey> = K extends MessageKey ? (Catalogue[K] extends { message: infer M } ? M : Catalogue[K]) : never;
type Digit = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';
type PlaceholdersIn<S> = S extends `${string}$${infer D}${infer Rest}` ? (D extends Digit ? D : never) | PlaceholdersIn<Rest> : never;
type Highest<P> = '9' extends P ? 9 : '8' extends P ? 8 : '7' extends P ? 7 : '6' extends P ? 6 : '5' extends P ? 5 : '4' extends P ? 4 : '3' extends P ? 3 : '2' extends P ? 2 : '1' extends P ? 1 : 0;
type Tuple<N extends number, T, A extends T[] = []> = A['length'] extends N ? A : Tuple<N, T, [...A, T]>;
/** The substitutions a message takes: one per $1 … $n it uses. */
type Arity<K extends MessageKey> = Highest<PlaceholdersIn<MessageOf<K>>>;
export type SubsOf<K extends MessageKey> = Tuple<Arity<K>, Sub>;

/** CLDR plural categories; English uses `one` and `other`, other languages add the rest. */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
/** A message with a form per count: `base_one` and `base_other` (and more in other languages). */
export type PluralBase = { [K in MessageKey]: K extends `${infer B}_other` ? (`${B}_one` extends MessageKey ? B : never) : never }[MessageKey];
/** Every other key: what t() takes. */
export type SingleKey = Exclude<MessageKey, `${PluralBase}_${PluralCategory}`>;
/** A key whose message takes no substitutions: what tables of labels hold. */
export type PlainKey = { [K in SingleKey]: Arity<K> extends 0 ? K : never }[SingleKey];
/** A plural message's substitutions after the count, which is always $1. */
type MoreSubs<B extends PluralBase> = SubsOf<`${B}_other` & MessageKey> extends [Sub, ...infer Rest] ? Rest : [];

/** How a context finds a message: `i18n.getMessage`, which answers '' for a key it does not have. */
export type Lookup = (key: string, substitutions: string[]) => string;

let lookup: Lookup | null = null;
let lang: string | null = null;

/** Answers every later t() from `source` (null: English only). */
export function useMessages(source: Lookup | null): void {
  lookup = source;
  lang = null;
  answered.clear();
}

/** `$1` … `$9` replaced as `_locales` does it, in one pass (a substitution holding "$2" stays as it is). */
export function formatMessage(template: string, subs: readonly string[]): string {
  return template.replace(/\$([1-9])/g, (_, d: string) => subs[Number(d) - 1] ?? '');
}

function english(key: string): string {
  const entry = (EN as Record<string, string | { message: string }>)[key];
  return entry === undefined ? '' : typeof entry === 'string' ? entry : entry.message;
}

/**
 * Messages without substitutions the browser has answered, kept: the extension's bundles carry
 * no English copy (scripts/locales.mjs messagesOnly), so a content script whose extension was
 * updated under it can still draw a label it drew before.
 */
const answered = new Map<string, string>();

/** The browser's message, or '' when it has none (or the extension context is gone). */
function fromBrowser(key: string, subs: string[]): string {
  if (!lookup) return '';
  let message = '';
  try {
    message = lookup(key, subs) || '';
  } catch {
    // the extension context is gone
  }
  if (subs.length) return message;
  if (message) answered.set(key, message);
  return message || answered.get(key) || '';
}

/** Any key, typed or not (HTML's data-i18n): the browser's message, else the English one. */
export function messageFor(key: string, subs: readonly string[] = []): string {
  return fromBrowser(key, [...subs]) || formatMessage(english(key), subs);
}

/** The interface's language (its translation says which), for lang attributes, numbers and plurals. */
export function uiLang(): string {
  // 'en' where nothing answers (Intl throws on an empty tag).
  lang ??= messageFor('ui_lang') || 'en';
  return lang;
}

/**
 * Which way the interface reads: the browser's `@@bidi_dir` for its own language (`rtl` for
 * Arabic), `ltr` where there is no browser (or no answer).
 */
export function uiDir(): 'ltr' | 'rtl' {
  return fromBrowser('@@bidi_dir', []) === 'rtl' ? 'rtl' : 'ltr';
}

const numbers = new Map<string, Intl.NumberFormat>();
export function formatNumber(n: number): string {
  const l = uiLang();
  let f = numbers.get(l);
  if (!f) numbers.set(l, (f = new Intl.NumberFormat(l)));
  return f.format(n);
}

const subText = (s: Sub) => (typeof s === 'number' ? formatNumber(s) : s);

export function t<K extends SingleKey>(key: K, ...subs: SubsOf<K>): string {
  return messageFor(key, (subs as Sub[]).map(subText));
}

const rules = new Map<string, Intl.PluralRules>();
function pluralCategory(n: number): PluralCategory {
  const l = uiLang();
  let r = rules.get(l);
  if (!r) rules.set(l, (r = new Intl.PluralRules(l)));
  return r.select(n) as PluralCategory;
}

/**
 * The form of `base` for `count` in the interface's language: `base_few` for 3 in Russian, say.
 * `$1` is the count. A form the translation lacks falls back to `base_other`.
 */
export function tn<B extends PluralBase>(base: B, count: number, ...more: MoreSubs<B>): string {
  const subs = [formatNumber(count), ...(more as Sub[]).map(subText)];
  const exact = `${base}_${pluralCategory(count)}`;
  return fromBrowser(exact, subs) || (english(exact) && formatMessage(english(exact), subs)) || messageFor(`${base}_other`, subs);
}

/**
 * A message with elements in it ("Shortcut: <kbd>Alt+Shift+V</kbd>"): the text around each
 * substitution, and the items themselves, in the translation's order.
 */
export function tParts<K extends SingleKey, T>(key: K, ...items: T[] & { length: Arity<K> }): (string | T)[] {
  const list: T[] = items;
  const text = messageFor(key, list.map((_, i) => `\uE000${i}\uE001`));
  return text.split(/\uE000(\d)\uE001/).flatMap((part, i): (string | T)[] => (i % 2 ? [list[Number(part)]!] : part ? [part] : []));
}
