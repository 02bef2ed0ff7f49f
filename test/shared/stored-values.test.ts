// @vitest-environment jsdom
// Every value read from storage or an import file is validated to what rendering needs (issue 9,
// item 1: one imported record with savedAt 9e15 hid the whole library, because a Date that far
// out cannot be formatted). Each field of ArticleRecord has a kind here, and the test fails when
// the validator returns a field without one, so a new field cannot arrive unclassified. Every
// field is then fed every hostile value (out-of-range numbers, huge and control-laden strings,
// script and relative URLs, wrong types); the validator must reject the record or return values
// that hold their kind's invariant, and an accepted record must render in every place a saved
// article is shown or written (library list, offline reader, Markdown, HTML and JSON export).
import { describe, expect, it } from 'vitest';
import { LIMITS, validateRecord, type ArticleRecord } from '../../src/shared/article-record';
import { validateSummary } from '../../src/shared/article-summary';
import { buildExport, serializeExport } from '../../src/shared/library-export';
import { parseImport } from '../../src/shared/library-import';
import { isCurrentForm, searchForm, SEARCH_FORM_VERSION } from '../../src/shared/search-form';
import { ALIGNMENTS, FONT_FAMILIES, LIMITS as SETTING_LIMITS, THEMES, validateSettings } from '../../src/shared/settings';
import { itemElement } from '../../src/library/library-view';
import { renderArticle } from '../../src/library/reader-view';
import { articleHtml, articleMarkdown } from '../../src/library/article-export';
import { record } from '../library/fixtures';

type Kind = 'id' | 'page-url' | 'http-url' | 'title' | 'meta' | 'iso-date' | 'time' | 'count' | 'lang' | 'dir' | 'html' | 'text' | 'tags' | 'fraction' | 'images' | 'highlights';

/** What each field is. Typed by the record's keys, so a new field without a kind does not compile either. */
const FIELDS: Record<keyof ArticleRecord, Kind> = {
  id: 'id',
  url: 'page-url',
  canonicalUrl: 'http-url',
  title: 'title',
  byline: 'meta',
  siteName: 'meta',
  publishedTime: 'iso-date',
  savedAt: 'time',
  updatedAt: 'time',
  lang: 'lang',
  dir: 'dir',
  html: 'html',
  text: 'text',
  wordCount: 'count',
  readingMinutes: 'count',
  excerpt: 'meta',
  leadImage: 'http-url',
  tags: 'tags',
  progress: 'fraction',
  images: 'images',
  highlights: 'highlights',
};

/** The end of year 9999, and the most words 4,000,000 characters of text hold: stated here, not read from the code under test. */
const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const MAX_COUNT = 4_000_000;
/** A note may hold line breaks and tabs, but no other control character or bidi override. */
const UNCLEAN_NOTE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const UNCLEAN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
const parses = (v: string, protocols: string[]) => {
  try {
    return protocols.includes(new URL(v).protocol);
  } catch {
    return false;
  }
};
const cleanLine = (v: unknown, max: number) => typeof v === 'string' && v.length <= max && !UNCLEAN.test(v) && v === v.trim();
const formats = (ms: number) => {
  try {
    new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(ms));
    return true;
  } catch {
    return false;
  }
};

/** The invariant each kind of value holds once validated: what the renderers rely on. */
const HOLDS: Record<Kind, (v: unknown) => boolean> = {
  id: (v) => typeof v === 'string' && v.trim() !== '' && v.length <= LIMITS.idLength,
  'page-url': (v) => typeof v === 'string' && v.length <= LIMITS.urlLength && parses(v, ['http:', 'https:', 'file:']),
  'http-url': (v) => v === null || (typeof v === 'string' && v.length <= LIMITS.urlLength && parses(v, ['http:', 'https:'])),
  title: (v) => cleanLine(v, LIMITS.shortText),
  meta: (v) => v === null || (cleanLine(v, LIMITS.shortText) && v !== ''),
  'iso-date': (v) => v === null || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v))),
  time: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_TIME && formats(v),
  count: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_COUNT,
  lang: (v) => v === null || (typeof v === 'string' && /^[a-z]{2,3}(?:-[a-z0-9]{1,8}){0,4}$/i.test(v)),
  dir: (v) => v === 'ltr' || v === 'rtl',
  html: (v) => typeof v === 'string' && v.length <= LIMITS.htmlBytes,
  text: (v) => typeof v === 'string' && v.length <= LIMITS.textBytes,
  tags: (v) => Array.isArray(v) && v.length <= LIMITS.tags && new Set(v).size === v.length && v.every((t) => cleanLine(t, LIMITS.tagLength) && t !== ''),
  fraction: (v) => typeof v === 'number' && v >= 0 && v <= 1,
  images: (v) => Array.isArray(v) && v.length <= 150 && new Set(v.map((i: { url: string }) => i.url)).size === v.length &&
    v.every((i: Record<string, unknown>) => parses(String(i.url), ['http:', 'https:']) && /^[0-9a-f]{64}$/.test(String(i.hash)) &&
      /^image\/(jpeg|png|gif|webp|avif|bmp)$/.test(String(i.type)) && Number.isInteger(i.bytes) && (i.bytes as number) > 0),
  highlights: (v) => Array.isArray(v) && v.length <= 500 && new Set(v.map((h: { id: string }) => h.id)).size === v.length &&
    v.every((h: Record<string, unknown>) => typeof h.quote === 'string' && h.quote.trim() !== '' && typeof h.note === 'string' && !UNCLEAN_NOTE.test(h.note) &&
      ['yellow', 'green', 'blue', 'pink'].includes(String(h.color)) && Number.isInteger(h.start) && Number.isInteger(h.createdAt) && formats(h.createdAt as number)),
};

const huge = 'x'.repeat(LIMITS.htmlBytes + 1);
/** Values an attacker (or a broken export) can put in any field. */
const HOSTILE: unknown[] = [
  9e15, 8.64e15 + 1, -1, 1.5, Number.NaN, Infinity, -Infinity, 1e300, 2 ** 53, 0, 1,
  '', ' ', '9e15', 'yesterday', '2024-13-45', '+275760-09-13T00:00:00.000Z', '2024-05-01T10:00:00Z',
  '\u202egnp.exe', 'a\u0000b\u0007c', 'line one\nline two', '<img src=x onerror=alert(1)>',
  'javascript:alert(1)', 'popup.html?tabId=1', '//evil.example/x', 'data:text/html,<b>x</b>', 'chrome-extension://abc/popup.html', 'file:///etc/passwd', 'https:evil', 'https://ok.example/a',
  'x'.repeat(LIMITS.shortText + 1), 'x'.repeat(LIMITS.urlLength + 1), 'x'.repeat(LIMITS.textBytes + 1), huge,
  {}, [], ['news', 'news'], ['\u202enews'], [5], null, undefined, true,
  [{ url: 'https://ok.example/a.svg', hash: 'ab'.repeat(32), type: 'image/svg+xml', bytes: 5 }],
  [{ url: 'javascript:alert(1)', hash: 'ab'.repeat(32), type: 'image/png', bytes: 5 }],
  [{ url: 'https://ok.example/a.png', hash: 'AB'.repeat(32), type: 'image/png', bytes: 5 }],
  [{ url: 'https://ok.example/a.png', hash: 'ab'.repeat(32), type: 'image/png', bytes: 0 }],
  [{ id: 'h1', quote: '  ', prefix: '', suffix: '', start: 0, color: 'yellow', note: '', createdAt: 1 }],
  [{ id: 'h1', quote: 'x', prefix: '', suffix: '', start: 0, color: 'red', note: '\u202eevil\u0007', createdAt: 9e15 }],
  [{ id: 'h1', quote: 'x', prefix: '', suffix: '', start: 0, color: 'pink', note: '\u202eevil\u0007\r\nline', createdAt: 1 }],
];

/** Every place a saved article is shown or written; any of them throwing is what hid the library. */
function renderEverywhere(r: ArticleRecord): string[] {
  const problems: string[] = [];
  const attempt = (where: string, fn: () => string) => {
    try {
      const out = fn();
      if (/Invalid Date|NaN/.test(out)) problems.push(`${where} shows an invalid date or number`);
    } catch (e) {
      problems.push(`${where} threw ${String(e)}`);
    }
  };
  const { html: _h, text: _t, ...summary } = r;
  attempt('library list', () => itemElement(document, summary).textContent ?? '');
  attempt('offline reader', () => {
    renderArticle(document, r);
    return document.body.textContent ?? '';
  });
  attempt('Markdown export', () => articleMarkdown(r, document));
  attempt('HTML export', () => articleHtml(r, document));
  attempt('search form', () => searchForm(r));
  attempt('JSON export and import', () => {
    const again = parseImport(serializeExport(buildExport([r], new Date(0))));
    if (!again.ok || again.records.length !== 1) throw new Error('the export does not import');
    expect(again.records[0]).toEqual(r);
    return '';
  });
  return problems;
}

describe('every stored field is validated to what rendering needs', () => {
  const good = record(7, { tags: ['harbour'], canonicalUrl: 'https://example.com/story-7', leadImage: 'https://example.com/a.jpg',
    images: [{ url: 'https://example.com/a.jpg', hash: 'ab'.repeat(32), type: 'image/jpeg', bytes: 1200 }],
    highlights: [{ id: 'h1', quote: 'harbour crane', prefix: 'The ', suffix: ' lifted', start: 30, color: 'green', note: 'Look up\nthe crane', createdAt: 1_700_000_000_000 }] });

  it('the validator returns exactly the fields that have a kind here', () => {
    const checked = validateRecord(good);
    expect(checked.ok).toBe(true);
    expect(Object.keys(checked.ok ? checked.value : {}).sort()).toEqual(Object.keys(FIELDS).sort());
  });

  it('a good record holds every invariant and renders everywhere', () => {
    const checked = validateRecord(good);
    if (!checked.ok) throw new Error(checked.reason);
    for (const [field, kind] of Object.entries(FIELDS)) expect(HOLDS[kind](checked.value[field as keyof ArticleRecord]), field).toBe(true);
    expect(renderEverywhere(checked.value)).toEqual([]);
  });

  it.each(Object.entries(FIELDS))('%s (%s): every hostile value is rejected, or comes out holding its kind and renders', (field) => {
    const problems: string[] = [];
    for (const value of HOSTILE) {
      // savedAt and updatedAt move together, so an accepted time is not rejected for order alone.
      const input = { ...good, [field]: value, ...(field === 'savedAt' ? { updatedAt: value } : {}) };
      const checked = validateRecord(input);
      if (!checked.ok) continue;
      const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : String(value);
      for (const [f, kind] of Object.entries(FIELDS)) {
        if (!HOLDS[kind](checked.value[f as keyof ArticleRecord])) problems.push(`${shown} accepted, and ${f} is ${JSON.stringify(checked.value[f as keyof ArticleRecord])?.slice(0, 60)}`);
      }
      if (problems.length === 0) problems.push(...renderEverywhere(checked.value).map((p) => `${shown}: ${p}`));
    }
    expect(problems).toEqual([]);
  });
});

describe('the other values read from storage', () => {
  it('reader settings: every hostile value in every field falls back to a value the reader can apply', () => {
    const problems: string[] = [];
    for (const key of ['font', 'fontSize', 'lineHeight', 'width', 'letterSpacing', 'align', 'theme'] as const) {
      for (const value of HOSTILE) {
        const s = validateSettings({ [key]: value }) as unknown as Record<string, unknown>;
        const ok = key === 'font' ? (FONT_FAMILIES as readonly unknown[]).includes(s.font)
          : key === 'align' ? (ALIGNMENTS as readonly unknown[]).includes(s.align)
            : key === 'theme' ? (THEMES as readonly unknown[]).includes(s.theme)
              : typeof s[key] === 'number' && (s[key] as number) >= SETTING_LIMITS[key].min && (s[key] as number) <= SETTING_LIMITS[key].max;
        if (!ok) problems.push(`${key} = ${String(value).slice(0, 40)} gave ${String(s[key])}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('a stored summary (what the library list reads) meets the record validator: each hostile value is rejected or comes out holding its kind and lists', () => {
    const { html: _h, text: _t, ...summary } = record(7, { tags: ['harbour'] });
    const problems: string[] = [];
    for (const field of Object.keys(FIELDS).filter((f) => f !== 'html' && f !== 'text')) {
      for (const value of HOSTILE) {
        const checked = validateSummary({ ...summary, [field]: value, ...(field === 'savedAt' ? { updatedAt: value } : {}) });
        if (!checked.ok) continue;
        expect(checked.value).not.toHaveProperty('html');
        const shown = `${field} = ${typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : String(value)}`;
        for (const [f, kind] of Object.entries(FIELDS)) {
          if (f === 'html' || f === 'text') continue;
          if (!HOLDS[kind](checked.value[f as keyof typeof checked.value])) problems.push(`${shown} accepted, and ${f} does not hold its kind`);
        }
        const listed = itemElement(document, checked.value).textContent ?? '';
        if (/Invalid Date|NaN/.test(listed)) problems.push(`${shown}: the list shows an invalid date or number`);
      }
    }
    expect(problems).toEqual([]);
    for (const bad of [null, 'summary', [summary], { ...summary, savedAt: 9e15, updatedAt: 9e15 }]) expect(validateSummary(bad).ok).toBe(false);
  });

  it('a stored search form that is not a bounded string of the current version is recomputed, never used', () => {
    const form = { id: 'id-1', v: SEARCH_FORM_VERSION, tokens: ' harbour cranes' };
    expect(isCurrentForm(form)).toBe(true);
    for (const bad of [{ ...form, tokens: huge + huge }, { ...form, tokens: 5 }, { ...form, id: huge }, { ...form, v: 0 }, null, 'tokens']) expect(isCurrentForm(bad)).toBe(false);
  });
});
