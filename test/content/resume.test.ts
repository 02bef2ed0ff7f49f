import { describe, expect, it, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import { keepPlace } from '../../src/content/resume';

function setup(startAt: number) {
  const win = new JSDOM('<p>x</p>').window;
  const store = { load: vi.fn(async () => startAt), save: vi.fn(async () => {}) };
  return { win, store, place: keepPlace(store, 'https://a.example/story', startAt, win as unknown as Window) };
}

describe('keeping the place', () => {
  it('writes nothing for an article only opened and closed', () => {
    const { store, place } = setup(0.3);
    place.moved(0.3);
    place.stop();
    expect(store.save).not.toHaveBeenCalled();
  });

  it('saves the latest position at most once a second, and the last one on close', async () => {
    vi.useFakeTimers();
    try {
      const { store, place } = setup(0);
      place.moved(0.1);
      place.moved(0.2);
      expect(store.save).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1000);
      expect(store.save.mock.calls).toEqual([['https://a.example/story', 0.2]]);
      place.moved(0); // back to where it opened: still saved, the place has changed since
      place.stop();
      expect(store.save.mock.calls.at(-1)).toEqual(['https://a.example/story', 0]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('saves when the page goes away with the reader open', () => {
    const { win, store, place } = setup(0);
    place.moved(0.4);
    win.dispatchEvent(new win.Event('pagehide'));
    expect(store.save).toHaveBeenCalledWith('https://a.example/story', 0.4);
    place.stop();
    win.dispatchEvent(new win.Event('pagehide'));
    expect(store.save).toHaveBeenCalledTimes(1);
  });
});
