import { describe, expect, it } from 'vitest';
import { injectionFailure, restrictionMessage, restrictionOf, type Restriction } from '../../src/background/restricted';

describe('restricted pages', () => {
  it.each([
    ['chrome://settings', 'browser'], ['about:blank', 'browser'], ['about:reader?url=x', 'browser'], ['edge://newtab', 'browser'],
    ['moz-extension://uuid/popup.html', 'browser'], ['chrome-extension://abc/library.html', 'browser'],
    ['view-source:https://example.com/', 'browser'], ['devtools://devtools/bundled/x.html', 'browser'], ['data:text/html,hi', 'browser'],
    ['https://chromewebstore.google.com/detail/x/abc', 'store'], ['https://chrome.google.com/webstore/detail/abc', 'store'],
    ['https://addons.mozilla.org/en-US/firefox/addon/x/', 'store'], ['https://microsoftedge.microsoft.com/addons/detail/x', 'store'],
    ['ftp://example.com/x', 'browser'],
  ])('%s is %s', (url, why) => {
    expect(restrictionOf(url, false)).toBe(why);
  });

  it.each(['https://example.com/story', 'http://127.0.0.1:8080/a.html', 'https://chrome.google.com/search', 'https://mozilla.org/'])('%s is readable', (url) => {
    expect(restrictionOf(url, false)).toBeNull();
  });

  it('file:// needs the user to allow file access, and PDFs there are off limits', () => {
    expect(restrictionOf('file:///home/me/a.html', false)).toBe('file');
    expect(restrictionOf('file:///home/me/a.html', true)).toBeNull();
    expect(restrictionOf('file:///home/me/paper.pdf', true)).toBe('pdf');
  });

  it('leaves an unknown URL to the injection attempt, and names PDFs when it fails', () => {
    expect(restrictionOf(undefined, false)).toBeNull();
    expect(injectionFailure('https://example.com/paper.PDF')).toBe(restrictionMessage('pdf'));
    expect(injectionFailure(undefined)).toBe(restrictionMessage('unknown'));
  });

  it('every reason has a plain sentence', () => {
    for (const why of ['browser', 'store', 'pdf', 'file', 'unknown'] satisfies Restriction[]) expect(restrictionMessage(why)).toMatch(/^[A-Z].+\.$/);
  });
});
