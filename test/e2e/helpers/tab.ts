// What a test does in a tab the same way in either browser. A Playwright (Chromium) and a
// Puppeteer (Firefox) page share most moves by name and call shape (keyboard, mouse, click,
// bringToFront, goto, close), and those a test calls directly; TypeScript cannot call a union of
// their generic `evaluate` and `locator` signatures, so the moves that need them are here, each
// through one cast. Everything else is read in the page with `evaluate`, which both run alike.
import type { Page as ChromiumPage } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { until } from './wait.js';

export type AnyPage = ChromiumPage | FirefoxPage;

/** Runs `fn(arg)` (or a script's source) in the page's main world. */
export function inPage<T, A = undefined>(page: AnyPage, fn: ((arg: A) => T) | string, arg?: A): Promise<Awaited<T>> {
  return (page as ChromiumPage).evaluate(fn as never, arg as never) as Promise<Awaited<T>>;
}

/** innerText of the first element matching `selector`, or null when there is none. */
export const textOf = (page: AnyPage, selector: string) =>
  inPage(page, (s) => document.querySelector<HTMLElement>(s)?.innerText ?? null, selector);

/** innerText of every element matching `selector`. */
export const textsOf = (page: AnyPage, selector: string) =>
  inPage(page, (s) => [...document.querySelectorAll<HTMLElement>(s)].map((e) => e.innerText), selector);

/** Whether an element matching `selector` is there and rendered. */
export const isShown = (page: AnyPage, selector: string) =>
  inPage(page, (s) => document.querySelector(s)?.checkVisibility() ?? false, selector);

/** Types `text` into the field as a user does (what was there is replaced; empty clears it). */
export function fill(page: AnyPage, selector: string, text: string): Promise<void> {
  return (page as ChromiumPage).locator(selector).fill(text);
}

/** Clicks through a locator, which finds the element again at the moment of the click. */
export function clickLocated(page: AnyPage, selector: string): Promise<void> {
  return (page as ChromiumPage).locator(selector).click();
}

/** `key` pressed with `modifier` held (Control+V), the same key events in either browser. */
export async function pressWith(page: AnyPage, modifier: 'Control' | 'Shift' | 'Alt', key: string): Promise<void> {
  await page.keyboard.down(modifier);
  await page.keyboard.press(key as never);
  await page.keyboard.up(modifier);
}

/** Calls `listener` with each URL the page's main frame navigates to. */
export function onNavigation(page: AnyPage, listener: (url: string) => void): void {
  const p = page as ChromiumPage;
  p.on('framenavigated', (frame) => {
    if (frame === p.mainFrame()) listener(frame.url());
  });
}

/**
 * Waits until the page's document is at a URL containing `urlPart` and loaded. Puppeteer does not
 * follow navigations inside moz-extension:// pages (its url() and goBack() never see them), so
 * the document is asked, in both browsers.
 */
export function waitForLocation(page: AnyPage, urlPart: string): Promise<string> {
  return until(`a document at ${urlPart}`, () => inPage(page, (part) => (location.href.includes(part) && document.readyState === 'complete' ? location.href : false), urlPart), 10_000);
}

/**
 * Loads `url` in the page (or, without one, reloads it) and waits for the new document: the old
 * one is marked first, so a document already at that address does not pass for the new one.
 */
export async function navigate(page: AnyPage, url?: string): Promise<void> {
  await inPage(page, (to) => {
    (window as unknown as { __readwellOldDocument?: true }).__readwellOldDocument = true;
    if (to) location.assign(to);
    else location.reload();
  }, url ?? null);
  await until(`the new document${url ? ` at ${url}` : ''}`, () => inPage(page, () => !(window as unknown as { __readwellOldDocument?: true }).__readwellOldDocument && document.readyState === 'complete').catch(() => false), 10_000);
}

/** Every type on the clipboard and its content, read in `page` (brought to front: reading needs focus). */
export async function readClipboard(page: AnyPage): Promise<Record<string, string>> {
  await page.bringToFront();
  return inPage(page, async () => {
    const out: Record<string, string> = {};
    for (const item of await navigator.clipboard.read()) {
      for (const type of item.types) out[type] = await (await item.getType(type)).text();
    }
    return out;
  });
}

/** The clipboard's text once it is no longer `before` (what the test wrote there first). */
export function clipboardChangedFrom(page: AnyPage, before: string): Promise<Record<string, string>> {
  return until('the clipboard to change', async () => {
    const c = await readClipboard(page);
    return c['text/plain'] !== before ? c : undefined;
  });
}
