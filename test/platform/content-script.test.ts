import { describe, expect, it, vi } from 'vitest';
import { nativeBrowser, onRequest, type NativeBrowser } from '../../src/platform/content-script';

function fakeApi(id: string | undefined) {
  const listeners: Parameters<NativeBrowser['runtime']['onMessage']['addListener']>[0][] = [];
  const api = {
    runtime: {
      id,
      getURL: (p: string) => `chrome-extension://${id}${p}`,
      sendMessage: vi.fn(),
      onMessage: { addListener: (l: never) => listeners.push(l), removeListener: (l: never) => listeners.splice(listeners.indexOf(l), 1) },
    },
    storage: { sync: { get: vi.fn(), set: vi.fn() }, local: { get: vi.fn(), set: vi.fn() }, onChanged: { addListener: vi.fn(), removeListener: vi.fn() } },
  } as unknown as NativeBrowser;
  return { api, listeners };
}

describe('nativeBrowser', () => {
  it('takes the namespace whose runtime is really the extension', () => {
    const real = fakeApi('abc').api;
    // A page's <form id="chrome"><input name="runtime"> answers to `chrome` in the shared DOM.
    const clobbered = { runtime: {} } as unknown as NativeBrowser;
    expect(nativeBrowser({ chrome: clobbered, browser: real })).toBe(real);
    expect(nativeBrowser({ chrome: real, browser: undefined })).toBe(real);
    expect(nativeBrowser({ browser: clobbered, chrome: real })).toBe(real);
  });

  it('fails loudly when there is no extension API at all', () => {
    expect(() => nativeBrowser({})).toThrow(/no extension API/);
  });
});

describe('onRequest', () => {
  it('answers through sendResponse and keeps the channel open for async replies', async () => {
    const { api, listeners } = fakeApi('abc');
    onRequest(api, async (m) => ({ echoed: m }));
    const sendResponse = vi.fn();
    expect(listeners[0]!('hi', {}, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ echoed: 'hi' }));
  });

  it('leaves messages it does not handle to others, turns failures into error replies, and can stop', async () => {
    const { api, listeners } = fakeApi('abc');
    const stop = onRequest(api, (m) => (m === 'mine' ? Promise.reject(new Error('boom')) : undefined));
    const sendResponse = vi.fn();
    expect(listeners[0]!('not mine', {}, sendResponse)).toBeUndefined();
    expect(listeners[0]!('mine', {}, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: false, error: { code: 'error', message: 'boom' } }));
    stop();
    expect(listeners).toHaveLength(0);
  });
});
