// A post's line of name and date, as a board without markup shows it outside the post's body:
// "by NAME » Tue Aug 27, 2019 4:08 am", "NAME · 03/03/2026 19:44", a profile link and a <time>,
// "NAME 2 years ago #8". Read for thread-shape.ts, which finds the posts and their bodies.
import { countWordsIn } from '../dom';
import { squash, type ThreadPost } from './thread-post';

/** A name is this many words at most ("Blaze (he/him)@feddit.org", "Outer Armatonisdaristan"). */
const MAX_NAME_WORDS = 4;
/** A post's line of name and date is this long at most (longer is a user card or a body). */
const MAX_LINE_CHARS = 160;

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
const CLOCK = '(?:,?\\s*(?:at\\s+)?\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[ap]\\.?m\\.?)?)?';
/**
 * A date as forums write one: "Tue Aug 27, 2019 4:08 am", "27 Aug 2019", "2019-08-27",
 * "03/03/2026 19:44", "2 years ago", "Yesterday at 9:12 PM" ("today" alone is any page's "Get started today").
 */
const DATE_TEXT = new RegExp(
  `\\b${WEEKDAY}(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+${MONTH},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4})${CLOCK}` +
    `|\\b\\d+\\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\\s+ago\\b|\\b(?:yesterday|today),?\\s+(?:at\\s+)?\\d{1,2}:\\d{2}(?:\\s*[ap]m)?`,
  'i',
);

/** A link to a member's page: /user/…, /members/…, memberlist.php?mode=viewprofile&u=…, /u/… */
const PROFILE_HREF = /(?:^|[/?&=;._-])(?:users?|members?|memberlist|profiles?|viewprofile|u|people|authors?|~[^/]+)(?:[/?&=;._-]|$)/i;
/** The element that names a post's author, as forum markup calls it. */
const AUTHOR_NAME = /^(?:author|username|user-?name|poster|postauthor|post-?author|nick|nickname|byline|name)$/i;
/** What stands before a name on a post's line: "by X", "Posted by X"... */
const LEADING_PADDING = /^(?:posted\s+)?by\s+/i;
/** ...and after it, one piece at a time: "X »", "X ·", "X wrote", "X on". */
const TRAILING_PADDING = /(?:[·•»|,:—–-]|\b(?:on|wrote|posted))$/i;

/**
 * The author and date a post shows outside its body (its dates and names are what the post says).
 * The date is the one nearest above the body (a user card above it shows "Joined: May 2019"), or
 * else the first below it; the name, the author element's, else the text just before that date.
 */
export function postLine(post: Element, body: Element): { author: string | null; date: ThreadPost['date'] } {
  let authorElement: string | null = null;
  const dates: { date: NonNullable<ThreadPost['date']>; name: string | null; above: boolean }[] = [];
  const before: Text[] = [];
  const outsideBody = { acceptNode: (n: Node) => (n === body ? 2 /* FILTER_REJECT: not its subtree */ : 1) };
  const walker = post.ownerDocument.createTreeWalker(post, 1 | 4 /* SHOW_ELEMENT | SHOW_TEXT */, outsideBody);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const above = !!(body.compareDocumentPosition(node) & 2 /* PRECEDING */);
    if (!above && dates.length > 0) break;
    if (node.nodeType === 1) {
      const el = node as Element;
      if (!authorElement && isAuthorElement(el)) authorElement = nameOf(squash(el.textContent ?? ''));
      if (el.localName !== 'time') continue;
      const shown = squash(el.textContent ?? '');
      const iso = el.getAttribute('datetime');
      if (shown || iso) dates.push({ date: { shown: shown || iso!.slice(0, 10), iso }, name: nameBefore(before), above });
      continue;
    }
    const text = squash(node.nodeValue ?? '');
    const hit = text && text.length <= MAX_LINE_CHARS ? DATE_TEXT.exec(text) : null;
    if (hit && !MEMBERSHIP.test(text.slice(0, hit.index) || lastText(before))) {
      dates.push({ date: { shown: hit[0], iso: null }, name: nameOf(text.slice(0, hit.index)) ?? nameBefore(before), above });
    }
    if (text) before.push(node as Text);
  }
  const chosen = dates.filter((d) => d.above).pop() ?? dates[0];
  return { author: authorElement ?? chosen?.name ?? null, date: chosen?.date ?? null };
}

/**
 * Looser than DATE_TEXT, with no word boundaries: `textContent` runs a name into its date
 * ("macbacchi28.09.19"). Only ever a first test, before the posts are read.
 */
const SHORT_MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\\.?'; // bounded: linear on any text
const MAYBE_DATE = new RegExp(`\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|${SHORT_MONTH}\\s*\\d{1,2}|\\d{1,2}(?:st|nd|rd|th)?\\.?\\s*${SHORT_MONTH}|ago|yesterday|today`, 'i');

/** Whether `block` may show a date (a <time>, or something like one in its text): every post does. */
export function mayShowDate(block: Element): boolean {
  return block.getElementsByTagName('time').length > 0 || MAYBE_DATE.test(block.textContent ?? '');
}

/** A user card's dates: "Joined: May 2019", "Founded: Antiquity", "Member since 2014". */
const MEMBERSHIP = /\b(?:joined|founded|registered|member since|since|seit|inscrit|registrado)\b[\s:]*$/i;

function lastText(texts: readonly Text[]): string {
  return texts.length ? squash(texts[texts.length - 1]!.nodeValue ?? '') : '';
}

export function isAuthorElement(el: Element): boolean {
  if (el.getAttribute('rel') === 'author' || el.hasAttribute('data-username')) return true;
  if (el.localName === 'a' && PROFILE_HREF.test(el.getAttribute('href') ?? '') && !el.closest('[class*="sig"]')) return true;
  const tokens = `${el.getAttribute('class') ?? ''} ${el.getAttribute('itemprop') ?? ''}`.trim().split(/\s+/);
  return tokens.some((t) => AUTHOR_NAME.test(t));
}

/** The nearest text before the date that is a name once its padding ("by", "·", "»") is gone. */
function nameBefore(texts: readonly Text[]): string | null {
  for (let i = texts.length - 1; i >= 0 && i >= texts.length - 3; i--) {
    const name = nameOf(padless(squash(texts[i]!.nodeValue ?? '')));
    if (name) return name;
  }
  return null;
}

function padless(text: string): string {
  let name = text.trim().replace(LEADING_PADDING, '');
  // Piece by piece, not one pattern repeated to the end: that one backtracks on a run of spaces.
  for (let next = name.replace(TRAILING_PADDING, '').trimEnd(); next !== name; next = name.replace(TRAILING_PADDING, '').trimEnd()) name = next;
  return name;
}

/** An episode's or a video's length: "46m", "1h 6m", "12:30 min". */
const DURATION = /^(?:\d+(?::\d+)?\s*(?:h|hrs?|hours?|m|mins?|minutes?|s|secs?)\.?\s*)+$/i;

/** A name: a few words with letters in them, not a date, a duration ("46m") or a cut-off label ("Posted in…", "Date:"). */
function nameOf(text: string): string | null {
  const name = padless(text);
  if (!name || !/\p{L}/u.test(name) || DURATION.test(name) || /(?:\.\.\.|…|:)$/.test(name) || DATE_TEXT.test(name)) return null;
  return countWordsIn(name) <= MAX_NAME_WORDS ? name : null;
}
