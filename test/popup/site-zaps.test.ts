// The popup's list of the blocks zapped on the current site, over the real zap store and a fake
// storage.local: hidden when there is nothing to review, labels shown as text (they are the
// page's words), Forget and Forget all changing storage for this site only, and a storage that
// fails said in the list's status line rather than thrown.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { mountSiteZaps } from '../../src/popup/site-zaps';
import { createZapStore, ZAPS_KEY, type ZapStore } from '../../src/platform/zap-store';
import type { SyncArea } from '../../src/platform/settings-store';
import { addZap, siteKey, zapsOf, validZapTable, type Zap, type ZapTable } from '../../src/shared/zaps';

const HTML = readFileSync(join(__dirname, '../../src/popup/popup.html'), 'utf8').replace(/<script[^>]*><\/script>/, '');

const PAGE = 'https://news.example.com/2024/story';
const OTHER = 'https://blog.example.org/post';
const HOSTILE = '<img src=x onerror="globalThis.pwned=1">Sign up';

const zap = (label: string, n: number): Zap => ({ selector: `div.box-${n}`, text: `${label} text`, label, added: n });

/** A storage area over a plain object, whose get and set can be made to fail. */
function fakeArea(table: ZapTable = []) {
  const data: Record<string, unknown> = { [ZAPS_KEY]: table };
  const fail = { get: false, set: false };
  const area: SyncArea = {
    async get(key) {
      if (fail.get) throw new Error('get broke');
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      if (fail.set) throw new Error('QuotaExceededError: set broke');
      Object.assign(data, structuredClone(items));
    },
  };
  const stored = (url: string) => zapsOf(validZapTable(data[ZAPS_KEY]), siteKey(url)!);
  return { area, data, fail, stored };
}

function tableWith(entries: [url: string, zaps: Zap[]][]): ZapTable {
  let table: ZapTable = [];
  for (const [url, zaps] of entries) for (const z of zaps) table = addZap(table, siteKey(url)!, z);
  return table;
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

async function mount(url: string | undefined, zaps: ZapStore) {
  const dom = new JSDOM(HTML);
  const doc = dom.window.document;
  const section = doc.querySelector<HTMLElement>('[data-testid="popup-zaps"]')!;
  await mountSiteZaps(doc, section, { url, zaps });
  const all = (id: string) => [...section.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
  const labels = () => all('popup-zap').map((li) => li.querySelector('.zap-label')!.textContent);
  const status = () => section.querySelector('[role="status"]')?.textContent ?? '';
  const message = () => doc.querySelector('[data-testid="popup-message"]')!.textContent;
  return { dom, doc, section, all, labels, status, message };
}

describe('the popup’s list of zaps for this site', () => {
  it('stays hidden when the site has none, or there is no address, or it is no web page', async () => {
    const { area } = fakeArea(tableWith([[OTHER, [zap('Other site box', 1)]]]));
    const store = createZapStore(area);
    for (const url of [PAGE, undefined, 'chrome://extensions/', 'about:blank']) {
      const { section, all } = await mount(url, store);
      expect(section.hidden, String(url)).toBe(true);
      expect(all('popup-zap')).toEqual([]);
    }
  });

  it('lists the labels as text, newest first, with a heading, a hint and a Forget button each', async () => {
    const { area } = fakeArea(tableWith([[PAGE, [zap('Newsletter box', 1), zap(HOSTILE, 2)]]]));
    const { section, all, labels, dom } = await mount(PAGE, createZapStore(area));
    expect(section.hidden).toBe(false);
    expect(section.querySelector('h2')!.textContent).toBe('Hidden on this site');
    expect(section.textContent).toContain('Removed by you in reader view; hidden again each time it opens here.');
    expect(labels()).toEqual([HOSTILE, 'Newsletter box']);
    expect(section.querySelector('img')).toBeNull();
    expect((dom.window as unknown as { pwned?: number }).pwned).toBeUndefined();
    const buttons = all('popup-zap-forget');
    expect(buttons.map((b) => b.textContent)).toEqual(['Forget', 'Forget']);
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([`Forget “${HOSTILE}”`, 'Forget “Newsletter box”']);
    expect(all('popup-zaps-forget-all')[0]!.textContent).toBe('Forget all on this site');
    expect(section.getAttribute('aria-labelledby')).toBe(section.querySelector('h2')!.id);
  });

  it('Forget removes exactly that zap, from storage and the list, and leaves other sites alone', async () => {
    const mine = [zap('First box', 1), zap('Second box', 2), zap('Third box', 3)];
    const theirs = [zap('Second box', 2)]; // the same block on another site: not this site's
    const { area, stored } = fakeArea(tableWith([[PAGE, mine], [OTHER, theirs]]));
    const { all, labels, section, status } = await mount(PAGE, createZapStore(area));
    all('popup-zap-forget')[1]!.click(); // "Second box"
    await settle();
    expect(labels()).toEqual(['Third box', 'First box']);
    expect(stored(PAGE).map((z) => z.label)).toEqual(['First box', 'Third box']);
    expect(stored(OTHER)).toEqual(theirs);
    expect(section.hidden).toBe(false);
    expect(status()).toBe('');
  });

  it('hides the section and says so when the last one is forgotten', async () => {
    const { area, stored } = fakeArea(tableWith([[PAGE, [zap('Only box', 1)]]]));
    const { all, section, message } = await mount(PAGE, createZapStore(area));
    all('popup-zap-forget')[0]!.click();
    await settle();
    expect(stored(PAGE)).toEqual([]);
    expect(section.hidden).toBe(true);
    expect(message()).toBe('Readwell will no longer hide anything on this site.');
  });

  it('Forget all empties this site, hides the section, and leaves other sites alone', async () => {
    const theirs = [zap('Cookie bar', 5)];
    const { area, stored, data } = fakeArea(tableWith([[OTHER, theirs], [PAGE, [zap('A', 1), zap('B', 2)]]]));
    const { all, section, message } = await mount(PAGE, createZapStore(area));
    all('popup-zaps-forget-all')[0]!.click();
    await settle();
    expect(stored(PAGE)).toEqual([]);
    expect(validZapTable(data[ZAPS_KEY]).map(([site]) => site)).toEqual([siteKey(OTHER)]);
    expect(stored(OTHER)).toEqual(theirs);
    expect(section.hidden).toBe(true);
    expect(all('popup-zap')).toEqual([]);
    expect(message()).toBe('Readwell will no longer hide anything on this site.');
  });

  it('says in its status line when storage cannot be changed, and keeps the list as it is', async () => {
    const { area, fail, stored } = fakeArea(tableWith([[PAGE, [zap('A', 1), zap('B', 2)]]]));
    const { all, labels, section, status, message } = await mount(PAGE, createZapStore(area));
    fail.set = true;
    all('popup-zap-forget')[0]!.click();
    await settle();
    expect(status()).toBe('Nothing was forgotten: storage could not be changed (QuotaExceededError: set broke).');
    expect(labels()).toEqual(['B', 'A']);
    expect(all('popup-zap-forget').every((b) => !(b as HTMLButtonElement).disabled)).toBe(true);
    fail.get = true;
    all('popup-zaps-forget-all')[0]!.click();
    await settle();
    expect(status()).toBe('Nothing was forgotten: storage could not be changed (get broke).');
    expect(section.hidden).toBe(false);
    expect(message()).toBe('');
    expect(stored(PAGE)).toHaveLength(2);

    // Working again: the next Forget clears the line.
    fail.get = fail.set = false;
    all('popup-zap-forget')[0]!.click();
    await settle();
    expect(status()).toBe('');
    expect(labels()).toEqual(['A']);
  });

  it('stays hidden, without throwing, when storage cannot be read at all', async () => {
    const { area, fail } = fakeArea(tableWith([[PAGE, [zap('A', 1)]]]));
    fail.get = true;
    const { section } = await mount(PAGE, createZapStore(area));
    expect(section.hidden).toBe(true);
    const throwing: ZapStore = { load: () => Promise.reject(new Error('gone')), add: async () => {}, forget: async () => {}, forgetSite: async () => {} };
    await expect(mount(PAGE, throwing)).resolves.toBeDefined();
  });
});
