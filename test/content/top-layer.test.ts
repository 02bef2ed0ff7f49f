// keepOnTop answers each top-layer opening of the page once. jsdom has no showModal(), so the
// reader's dialog gets one that only sets `open` (as the browser's does) and counts its calls;
// the page's wall opens as Chromium opens it: the `open` attribute at once, a `toggle` event a
// task later. Showing the reader twice for one opening replaced its nodes under a click in
// flight (a flaky e2e run caught it).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import { keepOnTop } from '../../src/content/top-layer';

function setUp() {
  const win = new JSDOM('<!doctype html><html><body><dialog id="wall"></dialog><div id="promo"></div></body></html>').window;
  const doc = win.document;
  const host = doc.createElement('div');
  doc.documentElement.append(host);
  const root = host.attachShadow({ mode: 'closed' });
  const dialog = doc.createElement('dialog');
  root.append(dialog);
  let shown = 0;
  (dialog as unknown as { showModal(): void }).showModal = () => {
    shown++;
    dialog.setAttribute('open', '');
  };
  const stop = keepOnTop(doc, root, dialog, []);
  const toggle = (el: Element, newState: 'open' | 'closed') => {
    const e = new win.Event('toggle');
    Object.defineProperty(e, 'newState', { value: newState });
    el.dispatchEvent(e);
  };
  return { doc, dialog, toggle, stop, shown: () => shown };
}

const settle = async (ms: number) => {
  await Promise.resolve(); // mutation records are delivered in a microtask
  await vi.advanceTimersByTimeAsync(ms);
};

afterEach(() => vi.useRealTimers());

describe('the reader kept above the page’s top layer', () => {
  it('shows the reader again once for a modal the page opens, though the browser reports it twice', async () => {
    vi.useFakeTimers();
    const { doc, dialog, toggle, stop, shown } = setUp();
    const wall = doc.getElementById('wall')!;
    wall.setAttribute('open', '');
    await settle(0);
    expect(shown()).toBe(1);
    toggle(wall, 'open'); // the same opening, reported a task later
    await settle(1000);
    expect(shown()).toBe(1);
    expect(dialog.isConnected).toBe(true);
    stop();
  });

  it('answers the page again when it closes its wall and reopens it, at most every 200 ms', async () => {
    vi.useFakeTimers();
    const { doc, toggle, stop, shown } = setUp();
    const wall = doc.getElementById('wall')!;
    wall.setAttribute('open', '');
    toggle(wall, 'open');
    await settle(0);
    expect(shown()).toBe(1);
    wall.removeAttribute('open');
    toggle(wall, 'closed');
    wall.setAttribute('open', '');
    await settle(0);
    expect(shown()).toBe(1); // within 200 ms of the last: waits
    await settle(250);
    expect(shown()).toBe(2);
    stop();
  });

  it('answers a popover, which reports itself only by its toggle event', async () => {
    vi.useFakeTimers();
    const { doc, toggle, stop, shown } = setUp();
    const promo = doc.getElementById('promo')!;
    toggle(promo, 'open');
    await settle(0);
    expect(shown()).toBe(1);
    toggle(promo, 'closed');
    toggle(promo, 'open');
    await settle(250);
    expect(shown()).toBe(2);
    stop();
    toggle(promo, 'closed');
    toggle(promo, 'open');
    await settle(250);
    expect(shown()).toBe(2); // stopped watching
  });
});
