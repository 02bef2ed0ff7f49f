// Comment threads found by their shape alone, whatever the site calls them: a container whose
// items each carry a Reply control ("Reply", "Antworten", "Répondre"…). Nothing else on a page
// repeats a reply button per item. On a discussion page those items are the posts, and the
// comments rule leaves them alone (page-kind/discussion.ts).
import { normalizedText } from '../dom';

// "Discussion" alone is left out on purpose: it is a section of every research paper.
const HEADING = /^(\d[\d,.]*\s+)?(comments?|replies|reader comments)(\s*\(\d+\))?$|^\d[\d,.]*\s+(responses?|reactions?)$|^(leave|post|add|write) (a|your) (comment|reply|response)|^join the (discussion|conversation)|^what do you think\??$|^комментари|^commentaires?$|^kommentare?$|^comentarios?$|^تعليقات|^תגובות/i;
/**
 * The same announcements in more languages and shapes: a count before any language's word
 * ("6 Kommentare", "12 commentaires"), compounds ending in it ("Leserkommentare"), a count after
 * it ("Kommentare (6)"), and the invitations to write one.
 */
const HEADING_MORE = /^(?:\d[\d.,]*\s+)?\p{L}*(?:comments|kommentare|commentaires|comentarios|commenti|komentarze|komentáře|kommentarer|reacties|reakcje|комментарии|коментарі)(?:\s*[([]\d+[)\]])?\s*:?$|^\d[\d.,]*\s+(?:comment|kommentar|commentaire|comentario|commento|komentarz\p{L}*|коммент\p{L}*|antwort\p{L}*|réponses?|respuestas?|risposte|reactie\p{L}*)$|^(?:schreibe?n?\s+(?:sie\s+)?einen\s+kommentar|kommentar\s+(?:schreiben|verfassen|hinterlassen|abgeben)|(?:laisser|laissez|ajouter)\s+un\s+commentaire|(?:deja|dejar|escribe|añadir)\s+(?:un|tu)\s+comentario|lascia\s+un\s+commento|dodaj\s+komentarz|оставить\s+комментарий|оставьте\s+комментарий)/iu;

/**
 * Blog software's own heading over its comments, a count and the post's title: "12 thoughts on
 * “Title”", "One response to “Title”", "142 Antworten zu „Title“", "3 réponses à « Title »".
 */
const HEADING_ON_TITLE = /^(?:\d[\d.,]*|one|ein|eine|un|une|uno|una)\s+(?:thoughts?|responses?|replies|reply|comments?|antworten|antwort|gedanken|kommentare?|réponses?|commentaires?|respuestas?|comentarios?|risposte|commenti|reacties|reactie)\s+(?:on|to|zu|auf|à|a|sur|en|para|su|op)\s+\S/iu;

/** A heading's text that introduces a comment section. */
export function announcesComments(text: string): boolean {
  return HEADING.test(text) || HEADING_MORE.test(text) || HEADING_ON_TITLE.test(text);
}

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'strong', 'b', 'span', 'div', 'p']);
/** How many elements before a thread (at its level and two above) may hold its heading. */
const LOOK_BACK = 3;

/**
 * The thread comes after a "Comments" heading: it hangs under an article, it is not the page.
 * A forum thread starts with its first post, not with an announcement of replies.
 */
export function announcedAsComments(thread: Element): boolean {
  const first = thread.firstElementChild;
  if (first && isAnnouncement(first)) return true;
  let level: Element | null = thread;
  for (let up = 0; level && up < 3; up++, level = level.parentElement) {
    let sib = level.previousElementSibling;
    for (let i = 0; sib && i < LOOK_BACK; i++, sib = sib.previousElementSibling) if (isAnnouncement(sib)) return true;
  }
  return false;
}

function isAnnouncement(el: Element): boolean {
  if (!HEADING_TAGS.has(el.localName)) return false;
  const text = el.textContent ?? '';
  return text.length <= 80 && announcesComments(normalizedText(el));
}

const REPLY = /^(?:reply|antworten|répondre|repondre|responder|rispondi|odpowiedz|ответить|reageer|reageren|svara|svar|vastaa|odpovědět|cevapla|balas|回复|回覆|返信|답글|ردّ?)$/iu;
const CONTROL_TAGS = new Set(['a', 'button', 'span', 'div', 'li']);
/** How far above a Reply control its comment item may start. */
const MAX_ITEM_DEPTH = 8;
const MIN_ITEMS = 2;

/** The outermost containers of comment items, in document order. */
export function commentThreads(elements: readonly Element[]): Element[] {
  const itemsOf = new Map<Element, Set<Element>>();
  for (const el of elements) {
    if (!CONTROL_TAGS.has(el.localName) || !el.isConnected || el.children.length > 1) continue;
    const text = el.textContent ?? '';
    if (text.length > 24 || !REPLY.test(normalizedText(el))) continue;
    // Each ancestor level counts the child through which this control is reached: a container
    // whose children each hold a control is a list of comments.
    let child: Element = el;
    for (let depth = 0, parent = el.parentElement; parent && depth < MAX_ITEM_DEPTH; depth++, child = parent, parent = parent.parentElement) {
      let items = itemsOf.get(parent);
      if (!items) itemsOf.set(parent, (items = new Set()));
      items.add(child);
    }
  }
  const threads: Element[] = [];
  for (const [container, items] of itemsOf) {
    if (items.size >= MIN_ITEMS && items.size * 2 >= container.children.length) threads.push(container);
  }
  // Keep the outermost: a reply list inside a thread is part of it.
  return threads.filter((t) => !threads.some((o) => o !== t && o.contains(t)));
}
