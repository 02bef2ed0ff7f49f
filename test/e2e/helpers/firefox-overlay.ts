// Reading Readwell's overlay in Firefox, where nothing from outside pierces a CLOSED shadow root
// (puppeteer's `pierce/` finds nothing, BiDi has no DOM domain). Firefox gives extension content
// scripts one privileged way in: `element.openOrClosedShadowRoot`. So each read is a function run
// by scripting.executeScript from the driver (an extension page) in Readwell's own content-script
// world of the tab, which sees the page through Xray wrappers: a page that replaced
// querySelector or getComputedStyle cannot fool it. The page itself still sees only the host, and
// its `shadowRoot` stays null. Same answers, same names, as helpers/overlay.ts gives in Chromium.
import type { Page } from 'puppeteer-core';
import type { OverlayView } from './overlay.js';
import type { LaunchedFirefox } from './firefox.js';

export type { OverlayView };

type Probe = { none: true } | { missing: string } | { threw: string } | { value: unknown };

/**
 * Runs `fn` (a function source; `this` = the element matching `selector` in the reader's root, or
 * the root itself for null; its argument `arg`, its second `{ host }`) in the content-script
 * world of the tab. The source is pasted into the injected function: content scripts may not
 * eval, and executeScript sends a function's own text.
 */
async function probe(ff: LaunchedFirefox, page: Page, selector: string | null, fn: string, arg: unknown = null): Promise<Probe> {
  const tabId = await ff.tabIdOf(page);
  const injected = `function (selector, arg) {
    try {
      const fn = (${fn});
      // The host is a child of <html> (src/content/overlay.ts); <body>'s children are looked at too.
      const hosts = [...document.documentElement.children, ...(document.body ? document.body.children : [])];
      let host = null, root = null;
      for (const e of hosts) {
        const r = e.openOrClosedShadowRoot;
        if (r && r.querySelector('[data-testid="reader-dialog"]')) { host = e; root = r; break; }
      }
      if (!root) return { none: true };
      const el = selector === null ? root : root.querySelector(selector);
      if (!el) return { missing: selector };
      return { value: fn.call(el, arg, { host, root }) };
    } catch (err) {
      return { threw: String(err) + ' ' + (err && err.stack || '') };
    }
  }`;
  const reply = (await ff.driver.evaluate(`(async () => {
    const [r] = await browser.scripting.executeScript({ target: { tabId: ${tabId} }, func: ${injected}, args: ${JSON.stringify([selector, arg])} });
    return r && 'result' in r ? r.result : { threw: String(r && r.error) };
  })()`)) as Probe | undefined;
  return reply ?? { threw: 'no result from executeScript' };
}

async function value<T>(ff: LaunchedFirefox, page: Page, selector: string | null, fn: string, arg?: unknown): Promise<T> {
  const r = await probe(ff, page, selector, fn, arg);
  if ('none' in r) throw new Error('no overlay');
  if ('missing' in r) throw new Error(`no ${r.missing} in the overlay`);
  if ('threw' in r) throw new Error(`overlay probe failed: ${r.threw}`);
  return r.value as T;
}

const READ = `function (_arg, { host }) {
  const text = {}, testids = [];
  for (const e of this.querySelectorAll('[data-testid]')) {
    const id = e.getAttribute('data-testid');
    testids.push(id);
    if (!(id in text)) text[id] = e.innerText ?? e.textContent ?? '';
  }
  const box = this.querySelector('[data-testid="reader-dialog"]').getBoundingClientRect();
  return { hostName: host.localName, shadowRootType: this.mode, text, testids, box: { w: box.width, h: box.height } };
}`;

/** What the overlay shows now, or null if there is no overlay. */
export async function readOverlay(ff: LaunchedFirefox, page: Page): Promise<OverlayView | null> {
  const r = await probe(ff, page, null, READ);
  if ('none' in r) return null;
  if (!('value' in r)) throw new Error(`overlay probe failed: ${JSON.stringify(r)}`);
  const { box: _box, ...view } = r.value as OverlayView & { box: unknown };
  return view;
}

/** Waits until the overlay is present, its dialog has a rendered box and it shows an article or a message. */
export async function waitForOverlay(ff: LaunchedFirefox, page: Page, timeoutMs = 15_000): Promise<OverlayView> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      const r = await probe(ff, page, null, READ);
      if ('value' in r) {
        const { box, ...view } = r.value as OverlayView & { box: { w: number; h: number } };
        if (box.w > 0 && box.h > 0 && (view.text['reader-content'] ?? view.text['reader-message'] ?? '').trim()) return view;
      }
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`overlay did not appear within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function waitForNoOverlay(ff: LaunchedFirefox, page: Page, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!('none' in (await probe(ff, page, null, 'function(){return 1}')))) {
    if (Date.now() > deadline) throw new Error(`overlay still present after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Computed style properties of the first element matching `selector` inside the overlay's root. */
export function overlayStyle(ff: LaunchedFirefox, page: Page, selector: string, props: string[]): Promise<Record<string, string>> {
  return value(ff, page, selector, `function (props) {
    const s = getComputedStyle(this);
    return Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)]));
  }`, props);
}

/** Runs `fn` (a function source, `this` = the element) on an element inside the overlay's root. */
export function overlayCall<T>(ff: LaunchedFirefox, page: Page, selector: string, fn: string): Promise<T> {
  return value<T>(ff, page, selector, fn);
}

/**
 * The centre of an element inside the overlay, in viewport CSS pixels (scrolled into view first,
 * instantly), so a test can click it with the real mouse: the overlay acts on trusted input only.
 */
export function overlayPoint(ff: LaunchedFirefox, page: Page, selector: string): Promise<{ x: number; y: number }> {
  return value(ff, page, selector, `function () {
    this.scrollIntoView({ block: 'nearest', behavior: 'instant' });
    const r = this.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }`);
}

/** Moves focus to an element inside the overlay, so real keys act on it. */
export function overlayFocus(ff: LaunchedFirefox, page: Page, selector: string): Promise<void> {
  return value(ff, page, selector, 'function () { this.focus(); }');
}

/** A real mouse click on an element inside the overlay (the page's tab in front). */
export async function overlayClick(ff: LaunchedFirefox, page: Page, selector: string): Promise<void> {
  const { x, y } = await overlayPoint(ff, page, selector);
  await page.bringToFront();
  await page.mouse.click(x, y);
}
