import { describe, expect, it, vi } from 'vitest';
import type { ReaderDeps } from '../../src/content/controller';
import type { SettingsStore } from '../../src/platform/settings-store';
import { DEFAULT_SETTINGS, type ReaderSettings } from '../../src/shared/settings';
import { fail, ok } from '../../src/platform/messages';
import { t } from '../../src/shared/strings/t';
import { fixturePage, readerOnPage } from './reader-on-page';

const SEED = fixturePage('svg-icons--seed-news');
const LOGIN = fixturePage('no-article--login-page');

function fakeStore(initial: Partial<ReaderSettings> = {}) {
  let value: ReaderSettings = { ...DEFAULT_SETTINGS, ...initial };
  const subs = new Set<(s: ReaderSettings) => void>();
  const store: SettingsStore = {
    load: vi.fn(async () => value),
    save: vi.fn(async (s) => {
      value = s;
      subs.forEach((cb) => cb(s));
      return s;
    }),
    subscribe: (cb) => (subs.add(cb), () => subs.delete(cb)),
  };
  return { store, subs, external: (s: ReaderSettings) => subs.forEach((cb) => cb(s)) };
}

function setup(html: string, over: Partial<ReaderDeps> = {}) {
  const settings = fakeStore();
  const page = readerOnPage(html, { settings: settings.store, ...over });
  const q = (id: string) => page.last().root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  return { ...page, settings, q };
}

describe('reader controller', () => {
  it('toggles the seed article open and closed, leaving the page as it was', async () => {
    const { doc, reader, q } = setup(SEED);
    const link = doc.querySelector('a')!;
    link.focus();
    const body = doc.body.outerHTML;
    const html = doc.documentElement.outerHTML;
    const opened = await reader.toggle(true);
    expect(opened).toMatchObject({ ok: true, value: { open: true, source: 'article' } });
    expect(q('reader-title')!.textContent).toBe('WMD may be key to US-Russia ‘reset’');
    expect(q('reader-content')!.textContent).toContain('Kommersant daily');
    expect(q('reader-content')!.textContent).not.toMatch(/icon bookmark/);
    expect(reader.status()).toMatchObject({ open: true });
    expect(await reader.toggle(true)).toEqual(ok({ open: false }));
    expect(doc.body.outerHTML).toBe(body);
    expect(doc.documentElement.outerHTML).toBe(html);
    expect(doc.activeElement).toBe(link);
  });

  it('closes on Esc (the key map) and returns focus', async () => {
    const { doc, reader } = setup(SEED);
    const before = doc.documentElement.outerHTML;
    await reader.toggle(true);
    reader.onKey('close');
    expect(reader.status()).toEqual({ open: false });
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('says "No article found" in the page when there is neither article nor selection', async () => {
    const { reader, q } = setup(LOGIN);
    const reply = await reader.toggle(true);
    expect(reply).toMatchObject({ ok: false, error: { code: 'no-article', hasSelection: false } });
    expect(q('reader-message')!.textContent).toMatch(/No article found/);
    expect(reader.status()).toMatchObject({ open: true, source: 'message' });
    await reader.toggle(true);
    expect(reader.status()).toEqual({ open: false });
  });

  it('shows the selection when there is no article (selection mode), sanitized', async () => {
    const { doc, reader, q } = setup(LOGIN.replace('</body>', '<div id="sel"><p>Selected words <img src="x" onerror="alert(1)"> here.</p><script>bad()</script></div></body>'));
    doc.getSelection()!.selectAllChildren(doc.getElementById('sel')!);
    // The popup asks without selection first, learns there is one, and offers it.
    expect(await reader.toggle(false)).toMatchObject({ ok: false, error: { code: 'no-article', hasSelection: true } });
    expect(reader.status()).toEqual({ open: false });
    expect(await reader.toggle(true)).toMatchObject({ ok: true, value: { open: true, source: 'selection' } });
    const content = q('reader-content')!;
    expect(content.textContent).toContain('Selected words');
    expect(content.innerHTML).not.toMatch(/onerror|<script/);
  });

  it('with an article and a selection, opens the article saying so, and shows the selection when asked', async () => {
    const { doc, reader, q } = setup(SEED);
    const p = doc.querySelector('article p, main p, p')!;
    doc.getSelection()!.selectAllChildren(p);
    expect(await reader.toggle(true)).toMatchObject({ ok: true, value: { open: true, source: 'article', hasSelection: true } });
    expect(await reader.toggle(true, true)).toMatchObject({ ok: true, value: { open: true, source: 'selection' } });
    expect(reader.status()).not.toHaveProperty('hasSelection');
    expect(q('reader-content')!.textContent!.trim()).toBe(p.textContent!.trim());
    expect(await reader.toggle(true)).toEqual({ ok: true, value: { open: false } });
  });

  it('does not offer a selection that is not there', async () => {
    const { reader } = setup(SEED);
    const reply = await reader.toggle(true);
    expect(reply).toMatchObject({ ok: true, value: { open: true, source: 'article' } });
    expect(reply.ok && reply.value.hasSelection).toBeFalsy();
  });

  it('copies the article in each format and confirms with a word count', async () => {
    const { deps, reader } = setup(SEED);
    const md = await reader.copy('markdown');
    expect(md).toMatchObject({ ok: true, value: { format: 'markdown', fromSelection: false, copied: true } });
    const payload = vi.mocked(deps.writeClipboard).mock.calls[0]![0];
    expect(payload.plain).toMatch(/^# WMD may be key.*\n\n\*Robert Bridge, RT\*\n\n/);
    expect(payload.html).toBeUndefined();
    expect(deps.pageToast).toHaveBeenCalledWith(expect.stringMatching(/^Copied \d[\d,]* words as Markdown$/));
    await reader.copy('html');
    const html = vi.mocked(deps.writeClipboard).mock.calls[1]![0];
    expect(html.html).toMatch(/^<h1>WMD.*<\/h1>\n<p class="byline">Robert Bridge, RT<\/p>/);
    expect(html.plain).toMatch(/^WMD may be key.*\nRobert Bridge, RT\n\n/);
  });

  it('copies only the selected part of an open article', async () => {
    const { doc, deps, reader, last } = setup(SEED);
    await reader.toggle(true);
    const p = last().content.querySelector('p')!;
    const range = doc.createRange();
    range.selectNodeContents(p);
    // jsdom has no shadow-root selection; stand in for Chrome's ShadowRoot.getSelection().
    Object.assign(last().root, { getSelection: () => ({ rangeCount: 1, isCollapsed: false, getRangeAt: () => range }) });
    const reply = await reader.copy('text');
    expect(reply).toMatchObject({ ok: true, value: { fromSelection: true } });
    expect(vi.mocked(deps.writeClipboard).mock.calls[0]![0].plain).toBe(p.textContent!.replace(/\s+/g, ' ').trim());
  });

  it('hands the payload back when the page may not write the clipboard', async () => {
    const { reader } = setup(SEED, { writeClipboard: vi.fn(async () => false) });
    const reply = await reader.copy('html');
    expect(reply).toMatchObject({ ok: true, value: { copied: false } });
    expect(reply.ok && reply.value.html).toMatch(/<h1>/);
  });

  it('updates an open reader at once when settings change elsewhere, and stops listening on close', async () => {
    const { reader, settings, q } = setup(SEED);
    await reader.toggle(true);
    settings.external({ ...DEFAULT_SETTINGS, theme: 'dark', fontSize: 28 });
    expect(q('reader-dialog')!.dataset.theme).toBe('dark');
    expect(q('reader-dialog')!.style.getPropertyValue('--size')).toBe('28px');
    reader.onKey('size-up');
    expect(settings.store.save).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, theme: 'dark', fontSize: 29 });
    reader.onKey('theme');
    expect(q('reader-dialog')!.dataset.theme).toBe('system'); // the cycle after dark
    reader.close();
    expect(settings.subs.size).toBe(0);
  });

  it('keeps quick steps when the storage echoes of earlier ones arrive late', async () => {
    const { reader, settings, q } = setup(SEED);
    await reader.toggle(true);
    // storage.onChanged reports each save back later, in order: hold them, then deliver.
    const late: ReaderSettings[] = [];
    vi.mocked(settings.store.save).mockImplementation(async (s) => (late.push(s), s));
    const start = DEFAULT_SETTINGS.fontSize;
    reader.onKey('size-up');
    reader.onKey('size-up');
    settings.external(late.shift()!); // the first step's echo, after the second press
    reader.onKey('size-up');
    while (late.length) settings.external(late.shift()!);
    expect(q('reader-dialog')!.style.getPropertyValue('--size')).toBe(`${start + 3}px`);
    expect(settings.store.save).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, fontSize: start + 3 });
    // A change from elsewhere still applies after the echoes.
    settings.external({ ...DEFAULT_SETTINGS, fontSize: 30 });
    expect(q('reader-dialog')!.style.getPropertyValue('--size')).toBe('30px');
  });

  it('says "reload the page" when the extension was updated underneath', async () => {
    const { reader, q } = setup(SEED, { saveDraft: vi.fn(async () => fail('stale', t('error_stale'))) });
    await reader.toggle(true);
    reader.onKey('save');
    await vi.waitFor(() => expect(q('reader-toast')!.textContent).toBe(t('error_stale')));
  });

  it('builds a save draft from the open article', async () => {
    const { reader } = setup(SEED);
    await reader.toggle(true);
    const d = await reader.draft();
    expect(d).toMatchObject({ ok: true, value: { title: 'WMD may be key to US-Russia ‘reset’', url: 'https://news.example/story', dir: 'ltr' } });
    expect(d.ok && 'removals' in d.value).toBe(false);
  });

  it('a save fetches the article\'s pictures with the content script\'s fetch, and says how many it could not keep', async () => {
    const para = (i: number) => `<p>Paragraph ${i} of the ferry story, about the crossing, the crew and the notebook that the town keeps in its library for everyone to read.</p>`;
    const page = `<!doctype html><html lang="en"><head><title>The ferry</title></head><body><article><h1>The ferry</h1>${para(1)}${para(2)}
      <figure><img src="/pictures/ferry.png" alt="Ferry"></figure>${para(3)}${para(4)}<figure><img src="https://other.example/refused.jpg" alt="Gone"></figure>${para(5)}${para(6)}</article></body></html>`;
    const fetched: string[] = [];
    const fetchImage = vi.fn(async (input: RequestInfo | URL) => {
      fetched.push(String(input));
      return String(input).endsWith('ferry.png') ? new Response(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7])) : new Response('nope', { status: 403 });
    }) as unknown as typeof fetch;
    const saveDraft = vi.fn(async () => ok({ id: 'x', updated: false, title: 'The ferry', imagesSkipped: 1 }));
    const { reader, q } = setup(page, { fetchImage, saveDraft });
    await reader.toggle(true);
    reader.onKey('save');
    // While the pictures are fetched, the reader says what it is doing.
    await vi.waitFor(() => expect(q('reader-toast')!.textContent).toBe('Saving… keeping the article’s pictures for reading offline.'));
    await vi.waitFor(() => expect(q('reader-toast')!.textContent).toBe('Saved “The ferry” to your library. 1 image could not be kept for reading offline.'));
    expect(fetched).toEqual(['https://news.example/pictures/ferry.png', 'https://other.example/refused.jpg']);
    const sent = (saveDraft.mock.calls[0] as unknown as [{ images: unknown; imagesSkipped: number }])[0];
    expect(sent.images).toEqual([{ url: 'https://news.example/pictures/ferry.png', data: 'iVBORw0KGgoH' }]);
    expect(sent.imagesSkipped).toBe(1);
  });

  it('shows the saved copy\'s highlights in the overlay; removing one there saves the page first when it is not in the library yet', async () => {
    const saved = [{ id: 'h1', quote: 'Kommersant daily', prefix: '', suffix: ', quoting', start: 0, color: 'green' as const, note: 'check', createdAt: 1 }];
    const calls: string[] = [];
    let stored = false;
    const highlights = {
      load: vi.fn(async () => saved),
      save: vi.fn(async (list: readonly unknown[]) => {
        calls.push(`save ${list.length}`);
        return stored ? ok(null) : fail('not-found', 'not saved');
      }),
    };
    const saveDraft = vi.fn(async () => {
      calls.push('saveDraft');
      stored = true;
      return ok({ id: 'x', updated: false, title: 'WMD' });
    });
    const { reader, last } = setup(SEED, { highlights, saveDraft });
    await reader.toggle(true);
    const root = last().root;
    await vi.waitFor(() => expect(root.querySelector('[data-testid=reader-content] mark.hl')?.textContent).toBe('Kommersant daily'));
    expect(root.querySelector('mark.hl')!.getAttribute('data-color')).toBe('green');
    // Esc closes the highlight's editor first, and leaves the reader open.
    root.querySelector<HTMLElement>('mark.hl')!.click();
    expect(root.querySelector('[data-testid=highlight-editor]')).not.toBeNull();
    reader.onKey('close');
    expect(root.querySelector('[data-testid=highlight-editor]')).toBeNull();
    expect(reader.status()).toMatchObject({ open: true });
    root.querySelector<HTMLElement>('mark.hl')!.click();
    root.querySelector<HTMLButtonElement>('[data-testid=highlight-remove]')!.click();
    await vi.waitFor(() => expect(calls).toEqual(['save 0', 'saveDraft', 'save 0']));
    await vi.waitFor(() => expect(root.querySelector('mark.hl')).toBeNull());
  });
});
