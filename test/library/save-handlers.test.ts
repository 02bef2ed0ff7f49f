// The background's save handlers (src/background/save-handlers.ts) with fake tabs and an
// in-memory IndexedDB. Lives under test/library because it is the library's feature.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSaveHandlers, type SaveDeps } from '../../src/background/save-handlers';
import { openArticleStore, type ArticleStore } from '../../src/platform/article-store';
import { fail, ok, type ArticleDraft } from '../../src/platform/messages';
import { describeSave, SAVE_MESSAGES } from '../../src/shared/save-result';
import { draft } from './fixtures';

let n = 0;
const opened: ArticleStore[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  while (opened.length) opened.pop()!.close();
});

async function setup(tabs: Record<number, { url?: string; draft?: ArticleDraft | 'no-article' }>) {
  const db = await openArticleStore(`test-handlers-${n++}`);
  opened.push(db);
  const openTab = vi.fn(async () => undefined);
  const deps: SaveDeps = {
    store: async () => db,
    tabUrl: async (id) => tabs[id]?.url,
    requestDraft: async (id) => {
      const d = tabs[id]?.draft;
      if (d === 'no-article') return fail('no-article', 'No article found');
      return d ? ok(d) : fail('error', 'no tab');
    },
    openTab,
    libraryUrl: () => 'chrome-extension://abc/library.html',
  };
  return { db, handlers: createSaveHandlers(deps), openTab };
}

const pageDraft = (claimedUrl: string): ArticleDraft => ({ ...draft(1), url: claimedUrl });

describe('save-tab', () => {
  it('stores the article under the tab URL the browser reports, then reports an update on the second save', async () => {
    const { db, handlers } = await setup({ 7: { url: 'https://news.example/a', draft: pageDraft('https://attacker.example/claimed') } });
    const first = await handlers['save-tab']({ tabId: 7 });
    expect(first).toEqual({ ok: true, value: { id: expect.any(String), updated: false, title: 'Story number 1' } });
    const second = await handlers['save-tab']({ tabId: 7 });
    expect(second.ok && second.value.updated).toBe(true);
    expect(second.ok && describeSave(second.value)).toBe('Updated the saved copy');
    const { records } = await db.loadAll();
    expect(records.map((r) => r.url)).toEqual(['https://news.example/a']);
  });

  it('refuses pages the browser keeps from extensions, and passes on the content script failure', async () => {
    const { handlers } = await setup({ 1: { url: 'chrome://settings' }, 2: { url: undefined }, 3: { url: 'https://x.example/', draft: 'no-article' } });
    expect(await handlers['save-tab']({ tabId: 1 })).toEqual(fail('restricted', SAVE_MESSAGES.restricted));
    expect(await handlers['save-tab']({ tabId: 2 })).toEqual(fail('restricted', SAVE_MESSAGES.restricted));
    expect(await handlers['save-tab']({ tabId: 3 })).toEqual(fail('no-article', 'No article found'));
  });

  it('turns a full disk into the quota reply', async () => {
    const { handlers } = await setup({ 7: { url: 'https://news.example/a', draft: pageDraft('x') } });
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(await handlers['save-tab']({ tabId: 7 })).toEqual(fail('quota', 'Storage is full: nothing was changed. Delete some saved articles or export and clear the library.'));
  });

  it('saves from the context menu through the same path', async () => {
    const { handlers } = await setup({ 4: { url: 'https://news.example/m', draft: pageDraft('x') } });
    expect((await handlers.saveFromMenu({ id: 4 })).ok).toBe(true);
    expect((await handlers.saveFromMenu(undefined)).ok).toBe(false);
  });
});

describe('save-draft', () => {
  it("takes the URL from the sender's tab, never from the draft", async () => {
    const { db, handlers } = await setup({});
    const reply = await handlers['save-draft']({ draft: pageDraft('https://claimed.example/') }, { tab: { id: 3, url: 'https://real.example/story' }, frameId: 0 });
    expect(reply.ok).toBe(true);
    expect((await db.loadAll()).records[0]!.url).toBe('https://real.example/story');
  });

  it('refuses a draft from a frame or from no tab', async () => {
    const { handlers } = await setup({});
    expect((await handlers['save-draft']({ draft: pageDraft('x') }, { tab: { id: 3, url: 'https://real.example/' }, frameId: 2 })).ok).toBe(false);
    expect(await handlers['save-draft']({ draft: pageDraft('x') }, {})).toEqual(fail('invalid', SAVE_MESSAGES.noTab));
  });
});

describe('open-library', () => {
  it('opens the library page in a tab', async () => {
    const { handlers, openTab } = await setup({});
    expect(await handlers['open-library']()).toEqual({ ok: true, value: null });
    expect(openTab).toHaveBeenCalledWith('chrome-extension://abc/library.html');
  });
});
