// Byline and dateline lines that only repeat the article's metadata: "By Hannah Okafor ·
// 14 March 2024 · 4 min read". The reader shows author, date and reading time in its own header,
// so the page's copy reads as a stray line above the first paragraph. Readability drops such a
// line itself only when it has no author from <head>; when it has one, the line stays.
//
// A line goes only when the page marks it as metadata (a <time>, schema.org author/date, a
// byline/date class, or icons before its items that earlier rules removed) AND nothing is left of it once dates, times, reading times, the author
// names the page declares in <head>, and filler words ("By", "Updated") are taken out. A name
// the page does not declare keeps the line, so a byline is never lost.
import { type CleanRule, liveElements } from './rule';
import { closestWhere, firstDescendant, inSentence, nameTokens, normalizedText, tagIn, wordCountExceeds } from '../dom';

const MAX_WORDS = 24;
/** A paragraph this long is the story's prose. */
const PROSE_WORDS = 25;
const META_NAME = /(?:^|[-_])(?:byline|dateline|date|dates|time|timestamp|author|authors|posted|published|pubdate|meta|info|credits?)(?:$|[-_])/;
const isContentTag = tagIn('p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'img', 'picture', 'figure', 'table', 'ul', 'ol', 'blockquote', 'pre', 'video', 'audio');
/** Inside a line, what makes it content however metadata-like its words. */
const isContent = (el: Element) => isContentTag(el) || statesDuration(el);
/**
 * schema.org durations: a recipe's prep and cooking time, a how-to's time required, a video's
 * length. "15 Min" reads like a reading time, but it is what the page is about.
 */
const DURATION_PROPS = new Set(['prepTime', 'cookTime', 'totalTime', 'performTime', 'timeRequired', 'duration']);
function statesDuration(el: Element): boolean {
  const itemprop = el.getAttribute('itemprop');
  if (itemprop !== null && itemprop.split(/\s+/).some((p) => DURATION_PROPS.has(p))) return true;
  // An ISO 8601 duration ("PT15M") is a length of time, never when the story was written.
  return el.localName === 'time' && /^\s*P(?:\d|T\d)/.test(el.getAttribute('datetime') ?? '');
}
/**
 * A telephone number in international or area-code form ("+81 158-23-2012", "(030) 123 456"),
 * which themes also mark with an icon: digits without letters, like a date, but a venue's or an
 * office's contact, which the page is about.
 */
const PHONE = /^(?:\+|00[1-9]|\(0?\d{2,5}\))\s?\d[\d\s./-]{5,}$/;
/** The lines this rule judges. */
const isLineTag = tagIn('div', 'p', 'span', 'header', 'footer', 'time', 'address', 'small');
const isQuoted = tagIn('figure', 'blockquote', 'pre');
const isTextBlock = tagIn('p', 'li', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'caption');
const isTable = tagIn('table');
const isTableHead = tagIn('th', 'caption', 'thead');
const MONTHS = String.raw`jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|сентябр[яь]|октябр[яь]|ноябр[яь]|декабр[яь]` +
  // German, Dutch, French, Spanish, Italian, Portuguese and Polish names (and Polish genitives):
  // the corpus's datelines are in these languages as often as in English.
  String.raw`|januar[iy]?|jänner|februar[iy]?|märz|maart|mai|mei|juni|juli|augustus|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia`;
const WEEKDAYS = String.raw`mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo`;
const FILLER = String.raw`by|and|on|at|published|updated|posted|last|written|am|pm|a\.m|p\.m|utc|gmt|bst|cet|cest|[ecmp][sd]t|min|mins|minutes?|read|reading|time|ago|hours?|от|обновлено|опубликовано|автор|um|uhr|von|veröffentlicht|veröffentlichung|aktualisiert|erstellt|zuletzt|geändert|stand|publié|mis à jour|le|par|publicado|actualizado|el|por|de|del|pubblicato|aggiornato|il|da|atualizado|em|gepubliceerd|bijgewerkt|door|op|om|publikacja|aktualizacja|opublikowano|dnia`;
const STRIP = [
  new RegExp(String.raw`(?<![\p{L}])(?:${MONTHS}|${WEEKDAYS}|${FILLER})\.?(?![\p{L}])`, 'giu'),
  /[\d年月日時分]+/g,
];

export const articleMeta: CleanRule = {
  name: 'article-meta',
  run(ctx) {
    const body = ctx.doc.body;
    // On a discussion page each post's author and date line is the post's header: a thread
    // reads as who said what, when, not as one story under one byline.
    if (!body || ctx.discussion) return;
    const authors = declaredAuthors(ctx.doc);
    const prose = liveElements(ctx, (el) => el.localName === 'p').filter((p) => wordCountExceeds(p, PROSE_WORDS - 1));
    const first = prose[0];
    const last = prose[prose.length - 1];
    // Which elements hold a marked element (a <time>, schema.org author…) somewhere inside: one
    // pass up from each marked element, instead of a subtree query per candidate line. Removals
    // only shrink subtrees, so this can only over-report; `holdsMarked` confirms with a walk.
    const aboveMarked = new Set<Element>();
    for (const m of liveElements(ctx, isMarkedElement)) {
      for (let up = m.parentElement; up && up !== body && !aboveMarked.has(up); up = up.parentElement) aboveMarked.add(up);
    }
    const holdsMarked = (el: Element) => aboveMarked.has(el) && firstDescendant(el, isMarkedElement) !== null;
    for (const el of liveElements(ctx, isLineTag)) {
      // Cheapest tests first; every test is read-only, so the order does not change the answer.
      if (!el.isConnected || !(lostIcons(el, ctx.emptiedParents) || isMarkedElement(el) || hasMetaName(el) || holdsMarked(el))) continue;
      if (statesDuration(el) || firstDescendant(el, isContent) || closestWhere(el, isQuoted) || inDataTable(el) || inRunningText(el)) continue;
      // Bylines and datelines frame the story; a dated line between its paragraphs is a diary
      // entry or a timeline, which is content.
      if (first && last && follows(el, first) && follows(last, el)) continue;
      if (wordCountExceeds(el, MAX_WORDS)) continue;
      const text = normalizedText(el);
      if (!text) continue;
      if (residue(text, authors) === '' && !PHONE.test(text)) ctx.remove(el, this.name);
    }
  },
};

/** True when `b` comes after `a` in document order. */
function follows(b: Element, a: Element): boolean {
  return (a.compareDocumentPosition(b) & 4 /* Node.DOCUMENT_POSITION_FOLLOWING */) !== 0 && !a.contains(b);
}

/** "The meeting on <time>3 March</time> was…": a date inside a sentence is the sentence's. */
function inRunningText(el: Element): boolean {
  const block = closestWhere(el.parentElement, isTextBlock);
  if (block && normalizedText(block) !== normalizedText(el)) return true;
  return inSentence(el);
}

/** Dates in a data table are data; old sites lay whole pages out in tables without headers. */
function inDataTable(el: Element): boolean {
  const table = closestWhere(el, isTable);
  return table !== null && firstDescendant(table, isTableHead) !== null;
}

/** Themes mark meta lines with icons (a calendar before the date): earlier rules took them out. */
function lostIcons(el: Element, emptied: ReadonlySet<Element>): boolean {
  if (emptied.has(el)) return true;
  for (const child of Array.from(el.children)) if (emptied.has(child)) return true;
  return false;
}

/**
 * `time, [itemprop="author"], [itemprop="datePublished"], [itemprop="dateModified"],
 * [rel~="author"]` as a predicate (itemprop values are case-sensitive; rel, like every value in
 * HTML's list of case-insensitive attributes, is not).
 */
function isMarkedElement(el: Element): boolean {
  if (el.localName === 'time') return true;
  const itemprop = el.getAttribute('itemprop');
  if (itemprop === 'author' || itemprop === 'datePublished' || itemprop === 'dateModified') return true;
  const rel = el.getAttribute('rel');
  return rel !== null && rel.toLowerCase().split(/\s+/).includes('author');
}

function hasMetaName(el: Element): boolean {
  return nameTokens(el).some((t) => META_NAME.test(t));
}

/** What is left of a line once everything that is metadata is taken out: letters only. */
function residue(text: string, authors: string[]): string {
  let rest = text;
  for (const name of authors) rest = rest.split(name).join(' ');
  for (const pattern of STRIP) rest = rest.replace(pattern, ' ');
  return rest.replace(/[^\p{L}]+/gu, '');
}

/** Author names the page declares in <head>: meta author, article:author, JSON-LD author. */
function declaredAuthors(doc: Document): string[] {
  const names = new Set<string>();
  // By tag name and attribute tests rather than a selector: the selector engine scans the whole
  // page for a handful of <meta>s. Values compare ASCII case-insensitively, as the selectors'
  // `i` flag did.
  for (const meta of Array.from(doc.getElementsByTagName('meta'))) {
    const name = asciiLower(meta.getAttribute('name'));
    if (name !== 'author' && name !== 'byl' && asciiLower(meta.getAttribute('property')) !== 'article:author') continue;
    const v = (meta.getAttribute('content') ?? '').replace(/^by\s+/i, '').trim();
    // Split on the separators alone and trim the parts: `\s*` on both sides of the separator
    // backtracked over every run of spaces (60,000 spaces in the attribute blocked the tab 6 s).
    if (v && !/^https?:/i.test(v)) for (const part of v.split(/,|\band\b|&/)) if (part.trim()) names.add(part.trim());
  }
  for (const script of Array.from(doc.getElementsByTagName('script'))) {
    // `type` is one of HTML's attributes whose values selectors match case-insensitively.
    if (asciiLower(script.getAttribute('type')) !== 'application/ld+json') continue;
    try {
      collectJsonLdAuthors(JSON.parse(script.textContent ?? ''), names, 0);
    } catch {
      // Broken JSON-LD is common; it simply declares nothing.
    }
  }
  // Longest first, so "Ann Lee-Smith" is taken out before "Ann Lee".
  return [...names].filter((n) => n.length >= 3).sort((a, b) => b.length - a.length);
}

function asciiLower(value: string | null): string | null {
  return value === null ? null : value.replace(/[A-Z]+/g, (c) => c.toLowerCase());
}

function collectJsonLdAuthors(node: unknown, out: Set<string>, depth: number): void {
  if (depth > 6 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) collectJsonLdAuthors(item, out, depth + 1);
    return;
  }
  const record = node as Record<string, unknown>;
  for (const author of [record.author, record.creator].flat()) {
    if (typeof author === 'string') out.add(author.trim());
    else if (author && typeof author === 'object' && typeof (author as Record<string, unknown>).name === 'string') out.add(((author as Record<string, unknown>).name as string).trim());
  }
  if (record['@graph']) collectJsonLdAuthors(record['@graph'], out, depth + 1);
}
