// Issue 9, items 4, 6 and 7, through the content script's controller on jsdom pages:
// - Copy with the reader closed skipped the budget and copied whatever the page had selected (a
//   350,000-element page whose script selected the body blocked the tab 9 s and put 70,000 words
//   of comments on the clipboard). Every path that reads the page now passes the budget first,
//   and a page selection counts only when it lies inside the article.
// - Copy Markdown of an article holding a table without rows replied with the raw TypeError.
// - Selection mode took document.title raw (5,010 characters starting with U+202E reached the
//   overlay, and 2,000 of them the library).
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/core/budget';
import type { ReaderDeps } from '../../src/content/controller';
import { fixturePage, readerOnPage } from './reader-on-page';

const COMMENTS = fixturePage('comments--reader-responses');
const COMMENT_TEXT = 'Easy to say with a bus every twenty minutes';
const LOGIN = fixturePage('no-article--login-page');

function setup(html: string) {
  const { doc, deps, reader, last } = readerOnPage(html);
  return { doc, deps, reader, overlay: last };
}

const copied = (deps: ReaderDeps) => vi.mocked(deps.writeClipboard).mock.calls.map((c) => c[0].plain);

describe('every path that reads the page passes the budget (item 4)', () => {
  it('a page over the element budget whose script selected the body: copy, reader, selection mode and save all say too large, and nothing is copied', async () => {
    const spans = '<span>comment </span>'.repeat(DEFAULT_LIMITS.maxElements + 1_000);
    const { doc, deps, reader } = setup(`<!doctype html><html><head><title>Big</title></head><body><div>${spans}</div></body></html>`);
    doc.getSelection()!.selectAllChildren(doc.body); // what the page's own script did
    const tooLarge = { ok: false, error: { code: 'too-large', message: expect.stringMatching(/^This page is too large or complex for reader view/) } };
    for (const format of ['text', 'markdown', 'html'] as const) expect(await reader.copy(format)).toMatchObject(tooLarge);
    expect(deps.writeClipboard).not.toHaveBeenCalled();
    expect(await reader.toggle(false)).toMatchObject(tooLarge);
    reader.close();
    expect(await reader.toggle(true)).toMatchObject(tooLarge);
    reader.close();
    expect(await reader.draft()).toMatchObject(tooLarge);
  });

  it('a page whose script selected the whole body: Copy copies the article, not the comments', async () => {
    const { doc, deps, reader } = setup(COMMENTS);
    doc.getSelection()!.selectAllChildren(doc.body);
    expect(await reader.copy('text')).toMatchObject({ ok: true, value: { fromSelection: false } });
    const [text] = copied(deps);
    expect(text).toContain('Last September we sold our eleven-year-old estate car');
    expect(text).not.toContain(COMMENT_TEXT);
  });

  it('a selection inside the article is still what Copy copies', async () => {
    const { doc, deps, reader } = setup(COMMENTS);
    const p = [...doc.querySelectorAll('p')].find((el) => el.textContent!.startsWith('The bus was the surprise'))!;
    doc.getSelection()!.selectAllChildren(p);
    expect(await reader.copy('text')).toMatchObject({ ok: true, value: { fromSelection: true } });
    expect(copied(deps)).toEqual([p.textContent!.replace(/\s+/g, ' ').trim()]);
  });

  it('a selection of the comments alone copies the article (the comments are not article text)', async () => {
    const { doc, deps, reader } = setup(COMMENTS);
    const comment = [...doc.querySelectorAll('p')].find((el) => el.textContent!.startsWith(COMMENT_TEXT))!;
    doc.getSelection()!.selectAllChildren(comment);
    expect(await reader.copy('text')).toMatchObject({ ok: true, value: { fromSelection: false } });
    expect(copied(deps)[0]).not.toContain(COMMENT_TEXT);
  });
});

describe('Copy Markdown of a table without rows (item 6)', () => {
  it('copies the article, caption and all, instead of replying with an error', async () => {
    const prose = '<p>The harbour plan passed on Tuesday after a long debate in the council chamber, and residents said it would change the town for years.</p>';
    const { deps, reader } = setup(`<!doctype html><html lang="en"><head><title>Harbour</title></head><body><article><h1>Harbour</h1>${prose.repeat(3)}<table><caption>Results by ward</caption></table>${prose.repeat(3)}</article></body></html>`);
    expect(await reader.copy('markdown')).toMatchObject({ ok: true, value: { format: 'markdown', copied: true } });
    expect(copied(deps)[0]).toContain('Results by ward');
  });
});

describe('selection mode takes the page title as clean text (item 7)', () => {
  it('a 5,010-character title starting with U+202E reaches neither the overlay nor the saved draft', async () => {
    const title = `\u202e${'Breaking '.repeat(556)}\u0007x`;
    const { doc, reader, overlay } = setup(LOGIN.replace(/<title>[^<]*<\/title>/, `<title>${title}</title>`).replace('</body>', '<div id="sel"><p>Selected words worth reading later.</p></div></body>'));
    expect(doc.title.length).toBeGreaterThan(5_000);
    doc.getSelection()!.selectAllChildren(doc.getElementById('sel')!);
    expect(await reader.toggle(true)).toMatchObject({ ok: true, value: { source: 'selection' } });
    const shown = overlay()!.root.querySelector('[data-testid="reader-title"]')!.textContent!;
    const drafted = await reader.draft();
    for (const t of [shown, reader.status().title!, drafted.ok ? drafted.value.title : '']) {
      expect(t.length).toBeLessThanOrEqual(300);
      expect(t).toMatch(/^Breaking Breaking /);
      expect(t).not.toMatch(/[\u202a-\u202e\u0000-\u001f]/);
    }
  });
});
