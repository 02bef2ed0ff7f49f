// The background's save routes (src/background/handlers/save-tab.ts, save-draft.ts) with a fake
// BackgroundCtx and an in-memory IndexedDB. Lives under test/library because it is the library's feature.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import saveDraft from '../../src/background/handlers/save-draft';
import saveTab from '../../src/background/handlers/save-tab';
import type { BackgroundCtx } from '../../src/background/context';
import { openArticleStore, type ArticleStore } from '../../src/platform/article-store';
import { fail, ok, type ArticleDraft } from '../../src/platform/messages';
import { t } from '../../src/shared/strings/t';
import { draft } from './fixtures';
import { fullDiskFor } from '../platform/store-harness';

let n = 0;
const opened: ArticleStore[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  while (opened.length) opened.pop()!.close();
});

type Tab = { url?: string; draft?: ArticleDraft | 'no-article'; navigatesTo?: string };

async function setup(tabs: Record<number, Tab>) {
  const db = await openArticleStore(`test-handlers-${n++}`);
  opened.push(db);
  const ctx: BackgroundCtx = {
    tabUrl: async (id) => tabs[id]?.url,
    fileAccess: async () => false,
    probe: async () => true,
    inject: async (id) => {
      if (!tabs[id]?.draft) throw new Error('Cannot access contents of the page.');
    },
    sendToTab: (async (id: number) => {
      const tab = tabs[id]!;
      if (tab.navigatesTo) tab.url = tab.navigatesTo;
      return tab.draft === 'no-article' ? fail('no-article', 'No article found') : ok(tab.draft);
    }) as BackgroundCtx['sendToTab'],
    openTab: async () => undefined,
    flagTab: async () => undefined,
    articles: async () => db,
    packagedFile: async () => { throw new Error('no package in these tests'); },
  };
  return { db, ctx, handlers: { 'save-tab': saveTab.handle, 'save-draft': saveDraft.handle } };
}

const pageDraft = (claimedUrl: string): ArticleDraft => ({ ...draft(1), url: claimedUrl });
const popup = { kind: 'extension-page' } as const;

describe('save-tab', () => {
  it('stores the article under the tab URL the browser reports, then reports an update on the second save', async () => {
    const { db, ctx, handlers } = await setup({ 7: { url: 'https://news.example/a', draft: pageDraft('https://attacker.example/claimed') } });
    const first = await handlers['save-tab']({ type: 'save-tab', tabId: 7 }, ctx, popup);
    expect(first).toEqual({ ok: true, value: { id: expect.any(String), updated: false, title: 'Story number 1' } });
    const second = await handlers['save-tab']({ type: 'save-tab', tabId: 7 }, ctx, popup);
    expect(second.ok && second.value.updated).toBe(true);
    const { records } = await db.loadAll();
    expect(records.map((r) => r.url)).toEqual(['https://news.example/a']);
  });

  it('refuses pages the browser keeps from extensions, and passes on the content script failure', async () => {
    const { ctx, handlers } = await setup({ 1: { url: 'chrome://settings' }, 2: { url: undefined }, 3: { url: 'https://x.example/', draft: 'no-article' } });
    expect(await handlers['save-tab']({ type: 'save-tab', tabId: 1 }, ctx, popup)).toMatchObject({ ok: false, error: { code: 'restricted' } });
    expect(await handlers['save-tab']({ type: 'save-tab', tabId: 2 }, ctx, popup)).toMatchObject({ ok: false, error: { code: 'restricted' } });
    expect(await handlers['save-tab']({ type: 'save-tab', tabId: 3 }, ctx, popup)).toEqual(fail('no-article', 'No article found'));
  });

  it('does not save an article under a URL the tab navigated to while it was being read', async () => {
    const { db, ctx, handlers } = await setup({ 5: { url: 'https://news.example/a', draft: pageDraft('x'), navigatesTo: 'https://news.example/b' } });
    expect(await handlers['save-tab']({ type: 'save-tab', tabId: 5 }, ctx, popup)).toMatchObject({ ok: false, error: { code: 'error' } });
    expect(await db.count()).toBe(0);
  });

  it('turns a full disk into the quota reply', async () => {
    const { ctx, handlers } = await setup({ 7: { url: 'https://news.example/a', draft: pageDraft('x') } });
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(await handlers['save-tab']({ type: 'save-tab', tabId: 7 }, ctx, popup)).toEqual(fail('quota', t('save_quota')));
    expect(t('save_quota')).toBe('Storage is full: nothing was changed. Delete some saved articles or export and clear the library.');
  });
});

describe('save-draft', () => {
  it("takes the URL from the sender's tab, never from the draft", async () => {
    const { db, ctx, handlers } = await setup({ 3: { url: 'https://real.example/story' } });
    const reply = await handlers['save-draft']({ type: 'save-draft', draft: pageDraft('https://claimed.example/') }, ctx, { kind: 'content-script', tabId: 3 });
    expect(reply.ok).toBe(true);
    expect((await db.loadAll()).records[0]!.url).toBe('https://real.example/story');
  });

  it('prefers sender.tab.url when the router passes it along', async () => {
    const { db, ctx, handlers } = await setup({ 3: { url: 'https://later.example/' } });
    const origin = { kind: 'content-script' as const, tabId: 3, tabUrl: 'https://real.example/at-send-time' };
    await handlers['save-draft']({ type: 'save-draft', draft: pageDraft('x') }, ctx, origin);
    expect((await db.loadAll()).records[0]!.url).toBe('https://real.example/at-send-time');
  });

  it('accepts drafts only from a content script in a tab', async () => {
    const { ctx, handlers } = await setup({});
    expect(await handlers['save-draft']({ type: 'save-draft', draft: pageDraft('x') }, ctx, { kind: 'extension-page' })).toEqual(fail('invalid', t('save_no_tab')));
    expect(await handlers['save-draft']({ type: 'save-draft', draft: pageDraft('x') }, ctx, { kind: 'content-script', tabId: 9 })).toMatchObject({ ok: false, error: { code: 'restricted' } });
  });
});

describe('save with pictures', () => {
  const png = (seed: number) => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, seed, seed, seed]).toString('base64');

  it('keeps the pictures the content script sent, reads their type from their bytes, and counts what it had to drop', async () => {
    const withImages: ArticleDraft = {
      ...pageDraft('https://news.example/a'),
      images: [
        { url: 'https://news.example/ferry.png', data: png(1) },
        // Says nothing about being SVG, but its bytes are: refused (an SVG can carry script).
        { url: 'https://news.example/logo.png', data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64') },
        { url: 'https://news.example/broken.png', data: '***not base64***' },
      ],
      imagesSkipped: 2,
    };
    const { db, ctx, handlers } = await setup({ 7: { url: 'https://news.example/a', draft: withImages } });
    const reply = await handlers['save-tab']({ type: 'save-tab', tabId: 7 }, ctx, popup);
    expect(reply).toEqual({ ok: true, value: { id: expect.any(String), updated: false, title: 'Story number 1', imagesSkipped: 4 } });
    const [saved] = (await db.loadAll()).records;
    expect(saved!.images).toEqual([{ url: 'https://news.example/ferry.png', hash: expect.stringMatching(/^[0-9a-f]{64}$/), type: 'image/png', bytes: 11 }]);
    const bytes = (await db.images(saved!.images)).get(saved!.images[0]!.hash)!;
    expect(Buffer.from(bytes.data).toString('base64')).toBe(png(1));
  });

  it('the draft check refuses a picture that is not an http(s) address, or more data than an article may carry', async () => {
    const { handlers, ctx } = await setup({});
    const fromPage = { kind: 'content-script', tabId: 3, tabUrl: 'https://news.example/a' } as const;
    const bad = { ...pageDraft('https://news.example/a'), images: [{ url: 'chrome-extension://x/popup.html', data: png(1) }] };
    const { isArticleDraft } = await import('../../src/platform/draft');
    expect(isArticleDraft(bad)).toBe(false);
    expect(isArticleDraft({ ...bad, images: [{ url: 'https://news.example/a.png', data: png(1), extra: 1 }] })).toBe(false);
    expect(isArticleDraft({ ...bad, images: [{ url: 'https://news.example/a.png', data: 'A'.repeat(8 * 1024 * 1024) }] })).toBe(false);
    expect(isArticleDraft({ ...bad, images: [{ url: 'https://news.example/a.png', data: png(1) }] })).toBe(true);
    const ok1 = await handlers['save-draft']({ type: 'save-draft', draft: { ...bad, images: [{ url: 'https://news.example/a.png', data: png(1) }] } }, ctx, fromPage);
    expect(ok1.ok).toBe(true);
  });
});

describe('save with pictures on a full disk', () => {
  it('keeps the article without its pictures when only they do not fit, and says how many are missing', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]).toString('base64');
    const withImages: ArticleDraft = { ...pageDraft('https://news.example/a'), images: [{ url: 'https://news.example/a.png', data: png }] };
    const { db, ctx, handlers } = await setup({ 7: { url: 'https://news.example/a', draft: withImages } });
    fullDiskFor('images');
    const reply = await handlers['save-tab']({ type: 'save-tab', tabId: 7 }, ctx, popup);
    expect(reply).toEqual({ ok: true, value: { id: expect.any(String), updated: false, title: 'Story number 1', imagesSkipped: 1 } });
    const [saved] = (await db.loadAll()).records;
    expect(saved).toMatchObject({ title: 'Story number 1', images: [] });
    expect(await db.allImages()).toEqual([]);
  });
});
