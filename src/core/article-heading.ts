// The heading every whole-article output starts with (title, byline and, in the library's files,
// a line of details and the source address) in plain text, Markdown and HTML. One definition, and
// one way of cleaning and escaping each field per format, used by the CLI, the clipboard and the
// library export alike: metadata comes from pages and import files, so it is written as text in
// every output and never becomes markup (a title `<img onerror=…>`, a byline `<script>`, an address
// that ends the `<…>` around it and starts a javascript: link).
import { cleanText } from './metadata';

export interface ArticleHeading {
  title?: string | null;
  byline?: string | null;
  /** Site, date and the like, on one line under the byline. */
  details?: string | null;
  /** The article's address; written only when it is an absolute http(s) or file address. */
  source?: string | null;
}

const MAX_FIELD = 2_000;

interface Fields {
  title: string | null;
  byline: string | null;
  details: string | null;
  source: string | null;
}

/** The address as the URL parser writes it (no spaces, `<`, `>` or controls left), or null. */
function sourceHref(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return ['http:', 'https:', 'file:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** Every field as every format writes it: one clean line of text (no controls, bidi overrides or line breaks), or null. */
export function headingFields(h: ArticleHeading): Fields {
  return {
    title: cleanText(h.title, MAX_FIELD),
    byline: cleanText(h.byline, MAX_FIELD),
    details: cleanText(h.details, MAX_FIELD),
    source: sourceHref(h.source),
  };
}

function lines(f: Fields): string[] {
  return [f.title, f.byline, f.details, f.source].filter((s): s is string => s !== null);
}

/** `Title\nByline\n\nbody`; parts that are missing are left out. */
export function headedText(heading: ArticleHeading, body: string): string {
  const head = lines(headingFields(heading)).join('\n');
  return head ? `${head}\n\n${body}` : body;
}

/** Markdown's special characters, and the `<` and `&` that start HTML, as literal text. */
function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_[\]#<>&~|])/g, '\\$1');
}

/** `# Title\n\n*Byline*\n\n*Details*\n\n<https://…>\n\nbody`, every field escaped. */
export function headedMarkdown(heading: ArticleHeading, body: string): string {
  const f = headingFields(heading);
  const parts: string[] = [];
  if (f.title) parts.push(`# ${escapeMarkdown(f.title)}`);
  if (f.byline) parts.push(`*${escapeMarkdown(f.byline)}*`);
  if (f.details) parts.push(`*${escapeMarkdown(f.details)}*`);
  // An autolink: the parsed address holds no `<`, `>` or whitespace that could end it, and its
  // brackets and parentheses are encoded too, so no renderer can read a [link](…) inside it.
  if (f.source) parts.push(`<${f.source.replace(/[()[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}>`);
  if (body) parts.push(body);
  return parts.join('\n\n');
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `<h1>Title</h1>` and a paragraph for each other field, escaped, as an HTML string. */
export function headingHtml(heading: ArticleHeading): string {
  const f = headingFields(heading);
  const parts: string[] = [];
  if (f.title) parts.push(`<h1>${escapeHtml(f.title)}</h1>`);
  if (f.byline) parts.push(`<p class="byline">${escapeHtml(f.byline)}</p>`);
  if (f.details) parts.push(`<p class="details">${escapeHtml(f.details)}</p>`);
  if (f.source) parts.push(`<p class="source"><a href="${escapeHtml(f.source)}">${escapeHtml(f.source)}</a></p>`);
  return parts.join('\n');
}
