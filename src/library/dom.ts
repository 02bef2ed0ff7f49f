// A tiny element builder for the library pages' own interface. Text always goes in as text
// nodes; article markup never comes through here (it arrives as sanitized nodes from the core).
import { t, uiLang } from '../shared/strings/t';

type Attrs = Record<string, string | number | boolean | undefined | null>;

export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Attrs = {},
  children: (Node | string | null | undefined | false)[] = [],
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child) el.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  return el;
}

/** Adds a stylesheet as a <style> element: extension pages' CSP restricts scripts, not styles. */
export function addStyles(doc: Document, css: string): void {
  const style = doc.createElement('style');
  style.textContent = css;
  doc.head.append(style);
}

/**
 * "12 May 2024" in the interface's language (or `locale`). Records are validated to times a Date
 * can show, but a date that still cannot be formatted (Intl throws RangeError on an invalid
 * Date) reads as "unknown date" rather than stopping the page that shows it.
 */
export function formatDate(ms: number, locale: string = uiLang()): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return t('library_unknown_date');
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
  } catch {
    return t('library_unknown_date');
  }
}
