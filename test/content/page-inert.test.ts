import { describe, expect, it, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import { makePageInert } from '../../src/content/page-inert';
import { openOverlay } from '../../src/content/overlay';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';

const PAGE = '<!doctype html><html><head><title>T</title></head><body aria-hidden="false"><main><h1>Page</h1><p>Text.</p></main></body></html>';

describe('the page made inert under the reader', () => {
  it('marks everything beside the host under <html> inert, and puts back exactly what was there', () => {
    const doc = new JSDOM(PAGE).window.document;
    const side = doc.createElement('aside');
    side.setAttribute('inert', 'kept as written');
    doc.documentElement.append(side);
    const host = doc.createElement('div');
    doc.documentElement.append(host);
    const before = doc.documentElement.outerHTML;
    const restore = makePageInert(doc, host);
    expect(doc.body.hasAttribute('inert')).toBe(true);
    expect(side.getAttribute('inert')).toBe('');
    expect(host.hasAttribute('inert')).toBe(false);
    expect(doc.head.hasAttribute('inert')).toBe(false);
    restore();
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(side.getAttribute('inert')).toBe('kept as written');
    expect(doc.body.getAttribute('aria-hidden')).toBe('false');
  });

  it('is what the overlay does while open, undone on close', () => {
    const doc = new JSDOM(PAGE, { pretendToBeVisual: true }).window.document;
    const body = doc.body.outerHTML;
    const overlay = openOverlay(doc, { kind: 'message', title: 'Readwell', message: 'No article found' }, DEFAULT_SETTINGS, { change: vi.fn(), copy: vi.fn(), save: vi.fn(), close: vi.fn(), key: vi.fn() });
    expect(doc.body.hasAttribute('inert')).toBe(true);
    overlay.close();
    expect(doc.body.outerHTML).toBe(body);
  });
});
