// The library page's test harness: a fresh store over fake-indexeddb for every test, the page
// mounted on this file's jsdom document, and the ways the tests read and drive it (by data-testid,
// the way the browser test drives it). Used by library-page.test.ts and library-page-export.test.ts.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, vi } from 'vitest';
import { openArticleStore, type ArticleStore } from '../../src/platform/article-store';
import { LibraryPage } from '../../src/library/library-page';

let n = 0;

export const $ = (id: string) => document.querySelector<HTMLElement>(`[data-testid=${id}]`)!;
export const $$ = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-testid=${id}]`)];
export const titles = () => $$('library-item-title').map((e) => e.textContent);
/** Clicks start IndexedDB work the test cannot await; wait for what the user would see. */
export const until = (check: () => void | Promise<void>) => vi.waitFor(check, { timeout: 5000, interval: 10 });

/** Downloads the page starts, caught: each file's content and the name it would be saved as. */
export function catchDownloads(): { blobs: Blob[]; clicks: string[] } {
  const blobs: Blob[] = [];
  URL.createObjectURL = vi.fn((b: Blob) => (blobs.push(b), 'blob:x'));
  URL.revokeObjectURL = vi.fn();
  const clicks: string[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicks.push(this.download);
  });
  return { blobs, clicks };
}

export interface PageHarness {
  /** This test's store, and the database name it was opened under (a second connection opens it too). */
  readonly store: ArticleStore;
  readonly name: string;
  /** The page on this test's store, started. */
  mount(): Promise<LibraryPage>;
}

/** Registers the hooks (an empty body and a new store before each test, closed after it). */
export function usePage(): PageHarness {
  let store: ArticleStore | undefined;
  let name = '';
  beforeEach(async () => {
    document.body.replaceChildren();
    name = `test-page-${n++}`;
    store = await openArticleStore(name);
  });
  afterEach(() => {
    store?.close();
    vi.restoreAllMocks();
  });
  const harness: PageHarness = {
    get store() {
      if (!store) throw new Error('The store is opened before each test');
      return store;
    },
    get name() {
      return name;
    },
    async mount() {
      const page = new LibraryPage(document, harness.store);
      await page.start();
      return page;
    },
  };
  return harness;
}
