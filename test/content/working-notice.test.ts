// While a large page is read into reader view (the extraction holds the page's main thread), the
// page shows "Preparing reader view…" (issue 12 item 6): up before the work starts, gone before
// the reader shows, never on a small page, and the page left as it was.
import { describe, expect, it, vi } from 'vitest';
import { extractArticle } from '../../src/core/index';
import { showPageWorking } from '../../src/content/page-toast';
import { fixturePage, readerOnPage } from './reader-on-page';

/** An article of `paragraphs` paragraphs, each with a link and emphasis: about 3 elements apiece. */
function articlePage(paragraphs: number): string {
  const body = Array.from({ length: paragraphs }, (_, i) => `<p>Paragraph ${i} of the council's long report on the <a href="/b${i}">bridge</a>, with <em>costs</em> and delays described at length.</p>`).join('');
  return `<!doctype html><html><head><title>Bridge report</title></head><body><article><h1>Bridge report</h1>${body}</article></body></html>`;
}

function watched(html: string) {
  const events: string[] = [];
  const page = readerOnPage(html, {
    pageWorking: (text) => {
      events.push(`notice: ${text}`);
      const remove = showPageWorking(page.doc, text);
      return () => {
        events.push('notice removed');
        remove();
      };
    },
    extract: (d, url) => {
      // The notice's host is on <html> while the work runs.
      events.push(page.doc.documentElement.lastElementChild === page.doc.body ? 'extract, no notice' : 'extract');
      return extractArticle(d, url, { useLayout: false });
    },
  });
  return { ...page, events };
}

describe('the working notice on the page', () => {
  it('goes up before a large page is extracted and comes down before the reader shows', async () => {
    const { reader, events, last } = watched(articlePage(500));
    const opening = reader.toggle(true);
    expect(await opening).toMatchObject({ ok: true, value: { open: true, source: 'article' } });
    // 'extract' (not 'extract, no notice'): the notice was on the page while the work ran.
    expect(events).toEqual(['notice: Preparing reader view…', 'extract', 'notice removed']);
    expect(last().root.querySelector('[data-testid="reader-title"]')!.textContent).toBe('Bridge report');
  });

  it('is not shown on a page of ordinary size, where extraction is quick', async () => {
    const pageWorking = vi.fn(() => () => undefined);
    const { doc, reader } = readerOnPage(fixturePage('svg-icons--seed-news'), { pageWorking });
    expect(doc.getElementsByTagName('*').length).toBeLessThan(1000);
    await reader.toggle(true);
    expect(pageWorking).not.toHaveBeenCalled();
  });

  it('is not shown on a page over the element budget, which is refused at once', async () => {
    const pageWorking = vi.fn(() => () => undefined);
    const { reader } = readerOnPage(`<!doctype html><html><body><article><h1>Huge</h1><p>${'<span>x</span>'.repeat(61_000)}</p></article></body></html>`, { pageWorking });
    expect(await reader.toggle(false)).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(pageWorking).not.toHaveBeenCalled();
  });

  it('comes down when the page has no article too, and the page is left as it was', async () => {
    const html = `<!doctype html><html><head><title>Grid</title></head><body>${'<div><span></span></div>'.repeat(700)}</body></html>`;
    const { doc, reader, events } = watched(html);
    const before = doc.documentElement.outerHTML;
    const reply = await reader.toggle(false);
    expect(reply).toMatchObject({ ok: false, error: { code: 'no-article' } });
    expect(events).toEqual(['notice: Preparing reader view…', 'extract', 'notice removed']);
    reader.onKey('close');
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('is a status line that a screen reader announces, on <html>, outside the body the core reads', () => {
    const { doc } = readerOnPage('<!doctype html><html><body><p>x</p></body></html>');
    const body = doc.body.outerHTML;
    const remove = showPageWorking(doc, 'Preparing reader view…');
    const host = doc.documentElement.lastElementChild!;
    expect(host.parentElement).toBe(doc.documentElement);
    expect(doc.body.outerHTML).toBe(body);
    remove();
    expect(doc.documentElement.contains(host)).toBe(false);
  });
});
