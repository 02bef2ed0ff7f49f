// The content script's reader controller on a jsdom page, for the controller's tests: what it
// gets from the extension (settings, saving, the clipboard, a page toast) faked, the overlays it
// opened kept in order. A test replaces any of those through `deps`.
import { vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../../src/core/index';
import { createReader, type ReaderDeps } from '../../src/content/controller';
import { openOverlay, type Overlay, type OverlayHandlers } from '../../src/content/overlay';
import { ok } from '../../src/platform/messages';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';

export const PAGE_URL = 'https://news.example/story';

/** A fixture page's source.html (test/fixtures/pages/<slug>). */
export const fixturePage = (slug: string) => readFileSync(join(__dirname, '../fixtures/pages', slug, 'source.html'), 'utf8');

export function readerOnPage(html: string, deps: Partial<ReaderDeps> = {}) {
  // pretendToBeVisual: jsdom runs requestAnimationFrame callbacks (the overlay waits a frame,
  // src/content/overlay.ts); the virtual console keeps jsdom's page-script noise out of the output.
  const dom = new JSDOM(html, { url: PAGE_URL, pretendToBeVisual: true, virtualConsole: new VirtualConsole() });
  const doc = dom.window.document;
  const overlays: Overlay[] = [];
  // What each overlay was told to call: a test presses what a click would (jsdom clicks are untrusted).
  const handlers: OverlayHandlers[] = [];
  const all: ReaderDeps = {
    doc,
    url: () => PAGE_URL,
    settings: { load: async () => DEFAULT_SETTINGS, save: async (s) => s, subscribe: () => () => {} },
    saveDraft: vi.fn(async () => ok({ id: '1', updated: false, title: 'Saved' })),
    writeClipboard: vi.fn(async () => true),
    pageToast: vi.fn(),
    extract: (d, url, restore) => extractArticle(d, url, { useLayout: false, ...restore }),
    openOverlay: (...args) => {
      handlers.push(args[3]);
      const o = openOverlay(...args);
      overlays.push(o);
      return o;
    },
    ...deps,
  };
  /** The overlay opened last. */
  const last = () => overlays[overlays.length - 1]!;
  return { dom, doc, deps: all, reader: createReader(all), last, handlers };
}
