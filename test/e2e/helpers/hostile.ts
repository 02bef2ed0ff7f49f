// The hostile corpus (test/fixtures/hostile/manifest.json) as the browser suite sees it: serving
// its pages, watching the flag its payloads set, and finding active markup in what Readwell shows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inPage, type AnyPage } from './tab.js';
import { repoRoot, type StaticServer } from './server.js';

export const hostileDir = join(repoRoot, 'test/fixtures/hostile');

export interface HostileEntry {
  file: string;
  category: string;
  flag?: string;
  outcome: 'article' | 'no-article' | 'too-large';
  present?: string[];
  absent?: string[];
  browserAbsent?: string[];
  jsdom: string;
  browser: string;
  charset?: string;
  lang?: string;
  dir?: string;
  metadata?: { titleContains?: string; bylineContains?: string; excerptContains?: string; siteNameContains?: string; noBidi?: boolean };
}

export const hostileManifest = JSON.parse(readFileSync(join(hostileDir, 'manifest.json'), 'utf8')) as {
  flag: string;
  pages: HostileEntry[];
  browserOnly: { topic: string; note: string }[];
};
export const hostileEntries = hostileManifest.pages;

/** Serves a corpus page at /hostile/<file>, as its bytes; a page declaring another charset gets no charset header. */
export function serveHostile(server: StaticServer, e: HostileEntry): string {
  const body = readFileSync(join(hostileDir, e.file));
  const declaresOther = /charset=["']?(?!utf-8)/i.test(body.subarray(0, 2048).toString('latin1'));
  return server.addPage(`/hostile/${e.file}`, body, declaresOther ? 'text/html' : 'text/html; charset=utf-8');
}

/**
 * Installed in every page's main world before the page's own scripts (context.addInitScript):
 * `window.__pwned` becomes an accessor that logs each write. A hostile page sets the flag itself
 * while it loads (it is the attacker's page: its own `<img onerror>` fires), so the log tells the
 * page's own handlers from anything Readwell causes: after `__rwWatch.arm()`, a write counts
 * against Readwell unless it comes from a trusted event on an element the page already had when
 * armed (e.g. the page's `<input onfocus>` when focus returns to it, or to its tab).
 */
export const FLAG_WATCH_SCRIPT = `(() => {
  if (Object.getOwnPropertyDescriptor(window, '__rwWatch')) return;
  // The page may clobber or replace what the watch uses; keep its own references.
  const all = Document.prototype.querySelectorAll, doc = document;
  const writes = [];
  let armed = false, before = new WeakSet(), value;
  const describe = (t) => t && t.nodeType === 1 ? t.localName + (t.isConnected ? '' : ' (detached)') + (t.ownerDocument === document ? '' : ' (other document)') : String(t && t.nodeName || t);
  Object.defineProperty(window, '__rwWatch', { value: {
    writes,
    arm() { armed = true; before = new WeakSet([window, doc, ...all.apply(doc, ['*'])]); },
    readwellWrites() { const out = []; for (const w of writes) if (w.armed && !w.pageOwn) out[out.length] = w.value + ' via ' + w.how; return out; },
  } });
  Object.defineProperty(window, '__pwned', { configurable: false, get: () => value, set: (v) => {
    value = v;
    const e = window.event;
    const pageOwn = !!(e && e.isTrusted && before.has(e.target));
    writes.push({ armed, pageOwn, value: String(v), how: e ? e.type + ' on ' + describe(e.target) : 'no event: ' + String(new Error().stack).split('\\n').slice(2, 4).join(' | ') });
  } });
})();`;

/** Arms the watch once the page has settled (its own load-time payloads have fired). Either browser's page. */
export async function settleAndArm(page: AnyPage): Promise<number> {
  const evaluate = <T>(fn: () => T) => inPage(page, fn);
  let last = -1;
  for (let i = 0; i < 20; i++) {
    const n = await evaluate(() => (window as unknown as { __rwWatch: { writes: unknown[] } }).__rwWatch.writes.length);
    if (n === last) break;
    last = n;
    await new Promise((r) => setTimeout(r, 150));
  }
  return evaluate(() => {
    const w = (window as unknown as { __rwWatch: { arm(): void; writes: unknown[] } }).__rwWatch;
    w.arm();
    return w.writes.length;
  });
}

export const readwellWrites = (page: AnyPage) => inPage(page, () => (window as unknown as { __rwWatch: { readwellWrites(): string[] } }).__rwWatch.readwellWrites());

/**
 * A function source (`this` = an element) listing active markup at or under it: handler
 * attributes and script-scheme URLs, and with `elements` also elements that run, embed or submit
 * code (the reader's own toolbar has a select and buttons, so the whole overlay is checked for
 * attributes only and its article part for both). Used on the overlay (over CDP), the offline
 * reader, and pasted or parsed clipboard HTML.
 */
export const activeMarkupFn = (elements: boolean) => `function () {
  const elements = ${elements};
  const out = [];
  const bad = /^(script|iframe|frame|frameset|object|embed|applet|base|meta|form|input|button|textarea|select|template|noscript|style|link|portal|foreignobject|animate|set|animatetransform|animatemotion|handler|listener)$/i;
  const scheme = /^[\\u0000-\\u0020]*(javascript|vbscript|data\\s*:\\s*text\\/html)/i;
  const urlAttrs = /^(href|src|action|formaction|xlink:href|srcdoc|data|poster|background|cite|ping|lowsrc|dynsrc)$/i;
  const walk = (root) => {
    const els = root.nodeType === 1 ? [root, ...root.querySelectorAll('*')] : [...root.querySelectorAll('*')];
    for (const el of els) {
      if (elements && bad.test(el.localName)) out.push('<' + el.localName + '>');
      for (const a of el.attributes) {
        const v = a.value.replace(/[\\s\\u0000-\\u001f]+/g, '');
        if (/^on/i.test(a.name)) out.push(el.localName + ' ' + a.name);
        else if (urlAttrs.test(a.name) && scheme.test(v)) out.push(el.localName + ' ' + a.name + '=' + a.value.slice(0, 40));
        else if (a.name === 'srcdoc') out.push(el.localName + ' srcdoc');
      }
    }
  };
  walk(this);
  return out;
}`;
