// The hostile corpus (test/fixtures/hostile/manifest.json) and the checks every test here shares:
// loading a page the way the CLI does (bytes, declared charset), optionally with the page's
// scripts on; finding active markup in an output; and a harness that parses an output into a
// scripted window and fires every event at every element, so a surviving handler would run.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import manifest from '../fixtures/hostile/manifest.json';

export const ROOT = join(__dirname, '..', '..');
export const HOSTILE_DIR = join(ROOT, 'test', 'fixtures', 'hostile');
export const FLAG = manifest.flag as '__pwned';
export const BASE_URL = manifest.baseUrl;

export interface Entry {
  file: string;
  category: string;
  flag?: string;
  attack: string;
  expected: string;
  /** `list`: no article, and the reader shows the page's list of links instead (core/choose/listing-fallback.ts). */
  outcome: 'article' | 'no-article' | 'too-large' | 'list';
  present?: string[];
  absent?: string[];
  jsdomShows?: string[];
  jsdom: string;
  pageSetsFlag?: boolean;
  linksResolveTo?: string;
  lang?: string;
  dir?: string;
  metadata?: { titleContains?: string; bylineContains?: string; excerptContains?: string; siteNameContains?: string; publishedTime?: null; noBidi?: boolean };
}

export const ENTRIES = manifest.pages as Entry[];
export const PAGES = ENTRIES.filter((e) => e.file.startsWith('pages/'));
export const GENERATED = ENTRIES.filter((e) => e.file.startsWith('generated/'));

export function entry(name: string): Entry {
  const found = ENTRIES.find((e) => e.file.endsWith(`/${name}.html`));
  if (!found) throw new Error(`no corpus page ${name}`);
  return found;
}

export const pathOf = (e: Entry): string => join(HOSTILE_DIR, e.file);
export const urlOf = (e: Entry): string => BASE_URL + e.file.split('/').pop();

/** Writes the generated pages (idempotent, atomic per file). */
export function makeGenerated(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'make-hostile-pages.mjs')], { stdio: 'ignore' });
}

export type PwnedWindow = Window & typeof globalThis & { [FLAG]?: unknown };

/** The page as the CLI reads it: bytes, so jsdom decodes by the declared charset. */
export function loadPage(e: Entry, scripts: boolean): JSDOM {
  return new JSDOM(readFileSync(pathOf(e)), {
    url: urlOf(e),
    contentType: 'text/html',
    virtualConsole: new VirtualConsole(),
    ...(scripts ? { runScripts: 'dangerously' as const } : {}),
  });
}

export const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** Elements that must never appear in article output. */
const FORBIDDEN_ELEMENTS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'form', 'input',
  'button', 'select', 'textarea', 'base', 'meta', 'link', 'style', 'template', 'noscript', 'animate', 'set', 'animatemotion',
  'animatetransform', 'foreignobject', 'use', 'xmp', 'noembed', 'title']);
const URL_ATTRS = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'poster', 'cite', 'background', 'ping', 'longdesc']);
/** What a browser treats as a script scheme once tabs, newlines, controls and spaces are gone. */
export function isScriptScheme(url: string): boolean {
  return /^(?:javascript|vbscript|livescript|data):/i.test(url.replace(/[\u0000-\u0020\u007f-\u009f\u00a0\ufeff\u2000-\u200f\u2028\u2029]/g, ''));
}

/** Every problem with an article HTML string: active elements, handlers, script URLs. */
export function activeMarkup(html: string): string[] {
  const doc = new JSDOM(`<!doctype html><body>${html}`).window.document;
  return activeMarkupIn(doc.body);
}

export function activeMarkupIn(root: Element | Document): string[] {
  const problems: string[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const tag = el.localName.toLowerCase();
    if (FORBIDDEN_ELEMENTS.has(tag)) problems.push(`<${tag}>`);
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`${tag}[${name}]`);
      if (name === 'srcdoc' || name === 'formaction' || name === 'style' || name === 'action') problems.push(`${tag}[${name}]`);
      if (URL_ATTRS.has(name) && isScriptScheme(attr.value)) problems.push(`${tag}[${name}=${attr.value.slice(0, 40)}]`);
      if (name === 'srcset' && attr.value.split(',').some((c) => isScriptScheme(c.trim()))) problems.push(`${tag}[srcset]`);
    }
  }
  return problems;
}

/** Script-scheme links and raw HTML tags in Markdown (a Markdown renderer would pass them on). */
export function activeMarkdown(md: string): string[] {
  const problems: string[] = [];
  for (const m of md.matchAll(/(?<!\\)\]\(\s*<?([^)\s>]*)/g)) if (isScriptScheme(m[1]!)) problems.push(`link ${m[1]}`);
  for (const m of md.matchAll(/^\s*\[[^\]]*\]:\s*(\S+)/gm)) if (isScriptScheme(m[1]!)) problems.push(`reference ${m[1]}`);
  // Outside code, a CommonMark renderer treats <tag …> as HTML.
  const prose = md.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  for (const m of prose.matchAll(/(?<!\\)<\/?([A-Za-z][\w:-]*)(?:\s[^<>]*)?\/?>/g)) problems.push(`raw html ${m[0].slice(0, 50)}`);
  return problems;
}

const EVENTS = ['load', 'error', 'toggle', 'click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup', 'mouseover', 'mouseenter',
  'mousemove', 'pointerdown', 'pointerenter', 'pointerover', 'focus', 'focusin', 'blur', 'input', 'change', 'submit', 'invalid',
  'keydown', 'keyup', 'copy', 'cut', 'paste', 'animationstart', 'animationend', 'transitionend', 'begin', 'end', 'beginEvent',
  'endEvent', 'repeat', 'play', 'playing', 'loadstart', 'loadeddata', 'canplay', 'scroll', 'wheel', 'resize', 'beforeprint',
  'message', 'hashchange', 'pageshow', 'popstate', 'drag', 'drop', 'select', 'search', 'show', 'close', 'cancel'];

/** Fires every event type at every element (and the window) of `doc`; returns the flag after. */
export async function fireEverything(win: PwnedWindow): Promise<unknown> {
  const doc = win.document;
  for (const target of [win as unknown as EventTarget, doc, ...Array.from(doc.querySelectorAll('*'))]) {
    for (const type of EVENTS) {
      try {
        target.dispatchEvent(new win.Event(type, { bubbles: false }));
      } catch {
        // a handler that throws still ran and would have set the flag first
      }
    }
  }
  await tick(5);
  return win[FLAG];
}

/** Parses `html` as a full page in a scripted window, as the reader, library or a paste would. */
export async function runsWhenParsed(html: string, asPage = false): Promise<unknown> {
  const dom = new JSDOM(asPage ? html : `<!doctype html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`, {
    runScripts: 'dangerously',
    url: 'https://reader.readwell.test/',
    virtualConsole: new VirtualConsole(),
  });
  await tick(5);
  const win = dom.window as unknown as PwnedWindow;
  const flag = win[FLAG] ?? (await fireEverything(win));
  dom.window.close();
  return flag;
}

/** Lower-case NFC with whitespace collapsed: what "the same text" means across formats. */
export function norm(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The text a reader sees in an HTML string. */
export function textOfHtml(html: string): string {
  return new JSDOM(`<!doctype html><body>${html}`).window.document.body.textContent ?? '';
}

/** Markdown with its escapes undone, for "is this sentence in it" checks. */
export function unescapeMarkdown(md: string): string {
  return md.replace(/\\([\\`*_{}[\]()#+\-.!<>|~&])/g, '$1');
}
