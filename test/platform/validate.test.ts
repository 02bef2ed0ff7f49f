import { describe, expect, it } from 'vitest';
import { allowedFrom, classifySender, parseBackgroundMessage, parseContentMessage } from '../../src/platform/validate';
import { isArticleDraft } from '../../src/platform/draft';
import { LIMITS, recordFromDraft } from '../../src/shared/article-record';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const draft = {
  url: 'https://example.com/a', canonicalUrl: null, title: 'T', byline: null, siteName: null, publishedTime: null, lang: 'en',
  dir: 'ltr' as const, excerpt: null, html: '<p>x</p>', text: 'x', wordCount: 1, readingMinutes: 1, leadImage: null,
};

describe('background message shapes', () => {
  it('accepts every well-formed request', () => {
    const good = [
      { type: 'tab-status', tabId: 3 },
      { type: 'toggle-reader', tabId: 3 },
      { type: 'toggle-reader', tabId: 3, allowSelection: false },
      { type: 'copy-article', tabId: 0, format: 'markdown' },
      { type: 'save-tab', tabId: 9 },
      { type: 'save-draft', draft },
      { type: 'open-library' },
    ];
    for (const m of good) expect(parseBackgroundMessage(m), JSON.stringify(m)).toEqual(m);
  });

  it('rejects bad shapes', () => {
    const bad = [
      null, 'tab-status', [], {}, { type: 'nope' }, { type: 'tab-status' }, { type: 'tab-status', tabId: -1 },
      { type: 'tab-status', tabId: 1.5 }, { type: 'tab-status', tabId: '3' }, { type: 'tab-status', tabId: 3, extra: true },
      { type: 'copy-article', tabId: 3, format: 'pdf' }, { type: 'copy-article', tabId: 3 },
      { type: 'toggle-reader', tabId: 3, allowSelection: 'yes' }, { type: 'save-draft', draft: { ...draft, dir: 'up' } },
      { type: 'save-draft', draft: { ...draft, title: 5 } }, { type: 'save-draft' }, { type: 'open-library', tabId: 1 },
      { type: 'reader-toggle', allowSelection: true },
    ];
    for (const m of bad) expect(parseBackgroundMessage(m), JSON.stringify(m)).toBeNull();
  });

  it('checks drafts field by field', () => {
    expect(isArticleDraft(draft)).toBe(true);
    expect(isArticleDraft({ ...draft, wordCount: -1 })).toBe(false);
    expect(isArticleDraft({ ...draft, leadImage: 7 })).toBe(false);
    const { html: _html, ...noHtml } = draft;
    expect(isArticleDraft(noHtml)).toBe(false);
  });

  it('holds a draft to the saved record limits: what passes here can be saved', () => {
    const longest = { ...draft, title: 'x'.repeat(LIMITS.shortText) };
    expect(isArticleDraft(longest)).toBe(true);
    expect(recordFromDraft(longest, 'https://example.com/a', 1, 'id').ok).toBe(true);
    expect(isArticleDraft({ ...draft, title: 'x'.repeat(LIMITS.shortText + 1) })).toBe(false);
  });
});

describe('content message shapes', () => {
  it('accepts the four requests and nothing else', () => {
    for (const m of [{ type: 'reader-toggle', allowSelection: true }, { type: 'reader-status' }, { type: 'reader-copy', format: 'html' }, { type: 'reader-draft' }]) {
      expect(parseContentMessage(m)).toEqual(m);
    }
    for (const m of [{ type: 'reader-toggle' }, { type: 'reader-copy', format: 'rtf' }, { type: 'reader-status', x: 1 }, { type: 'toggle-reader', tabId: 1 }, 5]) {
      expect(parseContentMessage(m), JSON.stringify(m)).toBeNull();
    }
  });
});

describe('senders', () => {
  it('tells our pages, our content scripts and everyone else apart', () => {
    expect(classifySender({ id: ID, url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe('extension-page');
    expect(classifySender({ id: ID, url: `${ORIGIN}popup.html?tabId=3`, tab: { id: 5 } }, ID, ORIGIN)).toBe('extension-page');
    expect(classifySender({ id: ID, url: 'https://news.example/a', tab: { id: 5 } }, ID, ORIGIN)).toBe('content-script');
  });

  it('rejects foreign senders', () => {
    expect(classifySender({ id: 'other-extension', url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe('foreign');
    expect(classifySender({ url: 'https://evil.example/' }, ID, ORIGIN)).toBe('foreign');
    expect(classifySender(undefined, ID, ORIGIN)).toBe('foreign');
    expect(classifySender({ id: undefined }, '', ORIGIN)).toBe('foreign');
    // Our id but neither our page nor a tab: not something we know.
    expect(classifySender({ id: ID, url: 'https://x.example/' }, ID, ORIGIN)).toBe('foreign');
  });

  it('lets a content script ask only for what its own page needs', () => {
    expect(allowedFrom('content-script', { type: 'save-draft', draft } as never)).toBe(true);
    expect(allowedFrom('content-script', { type: 'toggle-reader', tabId: 1 })).toBe(false);
    expect(allowedFrom('content-script', { type: 'copy-article', tabId: 1, format: 'text' })).toBe(false);
    expect(allowedFrom('extension-page', { type: 'toggle-reader', tabId: 1 })).toBe(true);
    expect(allowedFrom('content-script', { type: 'open-library' })).toBe(true);
    expect(allowedFrom('extension-page', { type: 'save-draft', draft } as never)).toBe(false);
    expect(allowedFrom('foreign', { type: 'open-library' })).toBe(false);
  });
});
