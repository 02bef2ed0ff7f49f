import { describe, expect, it, vi } from 'vitest';
import { readdirSync } from 'node:fs';
import { dispatch, handlerFile, run, type Routes } from '../../src/background/router';
import type { BackgroundCtx } from '../../src/background/context';
import { handler } from '../../src/background/handler';
import { BACKGROUND_MESSAGES } from '../../src/platform/messages';
import { restrictionMessage } from '../../src/background/restricted';
import { SHIPPED_FONTS } from '../../src/shared/fonts';
import { commandMessage, menuMessage, MENU_ITEMS } from '../../src/background/menus';
import { ok } from '../../src/platform/messages';

const ID = 'ourid';
const me = { id: ID, origin: `chrome-extension://${ID}/` };
const popup = { id: ID, url: `chrome-extension://${ID}/popup.html` };

function fakeCtx(over: Partial<BackgroundCtx> = {}): BackgroundCtx & { sent: unknown[] } {
  const sent: unknown[] = [];
  return {
    sent,
    tabUrl: vi.fn(async () => 'https://news.example/story'),
    fileAccess: vi.fn(async () => false),
    probe: vi.fn(async () => true),
    inject: vi.fn(async () => {}),
    sendToTab: vi.fn(async (_tabId: number, m: { type: string }) => {
      sent.push(m);
      if (m.type === 'reader-status') return ok({ open: true, source: 'article' });
      if (m.type === 'reader-toggle') return ok({ open: true, source: 'article', title: 'A story' });
      return ok({ format: 'text', words: 3, fromSelection: false, copied: true });
    }) as never,
    openTab: vi.fn(async () => {}),
    flagTab: vi.fn(async () => {}),
    articles: vi.fn(async () => { throw new Error('no library in these tests'); }),
    packagedFile: vi.fn(async (path: string) => new TextEncoder().encode(`bytes of ${path}`).buffer as ArrayBuffer),
    ...over,
  };
}

describe('dispatch: who may ask, and what', () => {
  it('rejects foreign senders before any handler runs', async () => {
    const ctx = fakeCtx();
    const reply = await dispatch({ type: 'toggle-reader', tabId: 1 }, { id: 'someone-else', url: 'https://evil.example/' }, me, ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(ctx.inject).not.toHaveBeenCalled();
  });

  it('rejects malformed messages as data, never throwing', async () => {
    const ctx = fakeCtx();
    for (const bad of [undefined, { type: 'toggle-reader' }, { type: 'eval', code: '1' }, { type: 'copy-article', tabId: 1, format: 'exe' }]) {
      expect(await dispatch(bad, popup, me, ctx)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    expect(ctx.sendToTab).not.toHaveBeenCalled();
  });

  it('does not let a content script drive other tabs', async () => {
    const ctx = fakeCtx();
    const reply = await dispatch({ type: 'toggle-reader', tabId: 99 }, { id: ID, url: 'https://news.example/', tab: { id: 5 } }, me, ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('routes a good request from the popup: inject, then message the tab', async () => {
    const ctx = fakeCtx();
    const reply = await dispatch({ type: 'toggle-reader', tabId: 7 }, popup, me, ctx);
    expect(reply).toEqual(ok({ open: true, source: 'article', title: 'A story' }));
    expect(ctx.inject).toHaveBeenCalledWith(7);
    expect(ctx.sent).toEqual([{ type: 'reader-toggle', allowSelection: true }]);
  });

  it('turns a throwing handler into an error reply', async () => {
    const routes: Routes = async (type) => (type === 'open-library' ? handler('open-library', async () => { throw new Error('boom'); }) : handlerFile(type));
    expect(await dispatch({ type: 'open-library' }, popup, me, fakeCtx(), routes)).toEqual({ ok: false, error: { code: 'error', message: 'boom' } });
  });
});

describe('routes: one handler file per declared message', () => {
  it('finds handlers/<type>.ts for every declared message, and no handler file for anything else', async () => {
    const types = Object.keys(BACKGROUND_MESSAGES) as (keyof typeof BACKGROUND_MESSAGES)[];
    for (const type of types) expect((await handlerFile(type)).type).toBe(type);
    const files = readdirSync(new URL('../../src/background/handlers/', import.meta.url)).map((f) => f.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual([...types].sort());
  });
});

describe('font-files: the reading fonts for the overlay', () => {
  const content = { id: ID, url: 'https://news.example/story', tab: { id: 5, url: 'https://news.example/story' } };
  it('gives a content script the shipped font files it names, as base64', async () => {
    const ctx = fakeCtx();
    const file = SHIPPED_FONTS.serif.files[0]!.file;
    const reply = await dispatch({ type: 'font-files', files: [file] }, content, me, ctx);
    expect(reply).toEqual({ ok: true, value: { [file]: Buffer.from(`bytes of fonts/${file}`).toString('base64') } });
  });

  it('reads nothing else of the package, and only for content scripts', async () => {
    const ctx = fakeCtx();
    for (const files of [['../manifest.json'], ['background.js'], [], [SHIPPED_FONTS.serif.files[0]!.file, SHIPPED_FONTS.serif.files[0]!.file]]) {
      expect(await dispatch({ type: 'font-files', files }, content, me, ctx)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    expect(await dispatch({ type: 'font-files', files: [SHIPPED_FONTS.legible.files[0]!.file] }, popup, me, ctx)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(ctx.packagedFile).not.toHaveBeenCalled();
  });
});

describe('restricted pages, plainly', () => {
  it('refuses by URL without trying to inject', async () => {
    const ctx = fakeCtx({ tabUrl: vi.fn(async () => 'chrome://extensions') });
    for (const m of [{ type: 'toggle-reader', tabId: 1 }, { type: 'copy-article', tabId: 1, format: 'text' }, { type: 'tab-status', tabId: 1 }] as const) {
      expect(await run(m, ctx, { kind: 'internal' })).toEqual({ ok: false, error: { code: 'restricted', message: restrictionMessage('browser') } });
    }
    expect(ctx.inject).not.toHaveBeenCalled();
    expect(ctx.probe).not.toHaveBeenCalled();
  });

  it('reports a failed injection (URL unknown to us) as restricted', async () => {
    const ctx = fakeCtx({ tabUrl: vi.fn(async () => undefined), inject: vi.fn(async () => { throw new Error('Cannot access contents of the page.'); }) });
    expect(await run({ type: 'toggle-reader', tabId: 1 }, ctx, { kind: 'internal' })).toEqual({ ok: false, error: { code: 'restricted', message: restrictionMessage('unknown') } });
  });

  it('file pages without access say how to allow it', async () => {
    const ctx = fakeCtx({ tabUrl: vi.fn(async () => 'file:///tmp/a.html') });
    expect(await run({ type: 'copy-article', tabId: 1, format: 'markdown' }, ctx, { kind: 'internal' })).toMatchObject({ error: { code: 'restricted', message: restrictionMessage('file') } });
  });
});

describe('tab-status', () => {
  it('reports open reader view without injecting', async () => {
    const ctx = fakeCtx();
    expect(await run({ type: 'tab-status', tabId: 2 }, ctx, { kind: 'internal' })).toEqual(ok({ accessible: true, readerOpen: true }));
    expect(ctx.inject).not.toHaveBeenCalled();
  });

  it('says closed when the content script is not there yet', async () => {
    const ctx = fakeCtx({ probe: vi.fn(async () => false) });
    expect(await run({ type: 'tab-status', tabId: 2 }, ctx, { kind: 'internal' })).toEqual(ok({ accessible: true, readerOpen: false }));
    expect(ctx.sendToTab).not.toHaveBeenCalled();
  });
});

describe('shortcut and menus map onto the same requests', () => {
  it('has a message for every menu item and the command', () => {
    expect(MENU_ITEMS.map((item) => [item.id, menuMessage(item.id, 4)])).toEqual([
      ['open-reader', { type: 'toggle-reader', tabId: 4, allowSelection: true }],
      ['copy-markdown', { type: 'copy-article', tabId: 4, format: 'markdown' }],
      ['copy-text', { type: 'copy-article', tabId: 4, format: 'text' }],
      ['save-article', { type: 'save-tab', tabId: 4 }],
    ]);
    expect(menuMessage('copy-markdown', 4)).toEqual({ type: 'copy-article', tabId: 4, format: 'markdown' });
    expect(menuMessage('unknown', 4)).toBeNull();
    expect(commandMessage('toggle-reader', 4)).toEqual({ type: 'toggle-reader', tabId: 4, allowSelection: true });
    expect(commandMessage('_execute_action', 4)).toBeNull();
  });
});
