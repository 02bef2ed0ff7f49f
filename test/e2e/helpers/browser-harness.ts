// The one interface a browser test written once (test/e2e/suites/) runs against: useChromium and
// useFirefox both return it (with their own browser's page type and extras). Each member is a
// move the two browsers make differently (how the closed overlay is read, how a download or the
// real toolbar popup is reached); what they do alike is done on the page itself (helpers/tab.ts,
// helpers/popup.ts).
import { expect } from 'vitest';
import type { OverlayView } from './overlay.js';
import type { StaticServer } from './server.js';
import type { AnyPage } from './tab.js';

export type ToggleReply = { ok: boolean; value?: { open: boolean; source?: string }; error?: { code: string; message: string } };

/** The closed overlay, read the browser's own way (helpers/overlay.ts, helpers/firefox-overlay.ts). */
export interface OverlayAccess<P> {
  /** What the overlay shows now, or null if there is none. */
  read(page: P): Promise<OverlayView | null>;
  /** Waits until it shows an article or a message. */
  waitFor(page: P): Promise<OverlayView>;
  waitForNone(page: P): Promise<void>;
  /** Runs `fn` (a function source, `this` = the element matching `selector` inside the root). */
  call<T>(page: P, selector: string, fn: string): Promise<T>;
  style(page: P, selector: string, props: string[]): Promise<Record<string, string>>;
  /** A real mouse click on the element (the page brought to front). */
  click(page: P, selector: string): Promise<void>;
  /** Focus on the element, so real keys act on it. */
  focus(page: P, selector: string): Promise<void>;
}

/** Readwell's real toolbar popup (opened by the toolbar button), reached as each browser allows. */
export interface RealPopup {
  /** Waits until `testid` is offered (shown, enabled, the popup knows its tab), clicks it; returns the status line it showed. */
  click(testid: string): Promise<string>;
  /** The text of `testid`, once the popup shows it. */
  text(testid: string): Promise<string>;
  isDisabled(testid: string): Promise<boolean>;
  /** A screenshot of the popup where the browser can take one (Chromium; Firefox's panel is in no page). */
  screenshot(name: string): Promise<void>;
  /** Lets go of the popup (Chromium's extra connection to it). */
  release(): Promise<void>;
}

export interface BrowserHarness<P extends AnyPage> {
  /** The start of this browser's screenshot names: `chrome` or `firefox`. */
  readonly name: 'chrome' | 'firefox';
  readonly server: StaticServer;
  readonly viewport: { width: number; height: number };
  /** A new tab at `url`, loaded. */
  openPage(url: string, options?: { timeout?: number }): Promise<P>;
  /** A new blank tab, for a test that listens to it before it loads anything. */
  newTab(): Promise<P>;
  openSeed(): Promise<P>;
  /** Reader view opened without a gesture (the test build) and shown. */
  openReader(page: P): Promise<OverlayView>;
  /** The toggle the popup's button sends (reader open or closed), and its reply. */
  toggleReader(page: P): Promise<ToggleReply>;
  /** The popup as a tab aimed at `page` (popup.html?tabId=N). */
  openPopup(page: P): Promise<P>;
  /** A new tab at one of Readwell's pages, e.g. openExtensionPage('reader.html?id=…'), loaded. */
  openExtensionPage(path: string): Promise<P>;
  openLibrary(): Promise<P>;
  /** The address of an extension page, e.g. extensionUrl('library.html'). */
  extensionUrl(path: string): string;
  readonly overlay: OverlayAccess<P>;
  /** test-artifacts/screenshots/<name>-<what>.png */
  screenshot(page: P, what: string): Promise<string>;
  /** Runs `fn(...args)` in a page no test page can touch (to decode a screenshot on a canvas). */
  inSparePage<T, A extends unknown[]>(fn: (...args: A) => T, ...args: A): Promise<Awaited<T>>;
  /** What Readwell keeps in storage under `key` (read in the extension, as it reads it). */
  stored(area: 'local' | 'sync', key: string): Promise<unknown>;
  /** A script run in every web page's main world before the page's own (the hostile flag watch). */
  addInitScript(source: string): Promise<void>;
  /** Calls `listener` with each dialog a tab the harness opens (from now on) shows; dismisses it. */
  onDialog(listener: (description: string) => void): void;
  /** Starts collecting Content Security Policy reports from Readwell's own pages. */
  watchCsp(): Promise<void>;
  /** The reports collected since watchCsp, oldest first. */
  cspReports(): Promise<string[]>;
  /** Instant scrolling, as under prefers-reduced-motion, where the browser can emulate it. */
  readonly reduceMotion?: (page: P) => Promise<void>;
  /** Runs `action` and returns the tab it opened, its document at `urlPart`. */
  newTabFrom(action: () => Promise<unknown>, urlPart: string): Promise<P>;
  /** Runs `action` in `page` and returns the file it downloaded, once written. */
  download(page: P, action: () => Promise<unknown>): Promise<{ name: string; path: string }>;
  /** Puts `file` in the file input matching `selector`, as picking it does. */
  setInputFile(page: P, selector: string, file: string): Promise<void>;
  /** The real toolbar button: the shortcut it shows, its popup, and the pages the popup opens. */
  readonly toolbar: {
    /** A click on Readwell's toolbar button for `page` (grants activeTab), and the popup it opens. */
    open(page: P): Promise<RealPopup>;
    /** The toggle shortcut the browser really bound ('' when none). */
    boundShortcut(): Promise<string>;
    /** Waits for the browser's own page for extension shortcuts, opened by the popup's "Change". */
    shortcutSettingsOpened(): Promise<P>;
    /** A tab at a page of the browser's own (chrome://version, about:robots), where Readwell cannot run. */
    openBrowserPage(): Promise<P>;
  };
}

/** Opens reader view with the harness's toggle (the test build) and waits until it shows something. */
export async function openWithToggle<P extends AnyPage>(h: Pick<BrowserHarness<P>, 'toggleReader' | 'overlay'>, page: P): Promise<OverlayView> {
  const reply = await h.toggleReader(page);
  expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true, value: { open: true } });
  return h.overlay.waitFor(page);
}
