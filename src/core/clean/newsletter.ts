// Newsletter and sign-up boxes inside an article: a short block around an e-mail field, or a
// short block that asks the reader to subscribe. The form itself would be stripped by the
// sanitizer anyway; this rule takes the pitch around it too ("Get our morning briefing…").
import { type CleanRule, liveElements } from './rule';
import { closestWhere, countDescendants, countWordsIn, firstDescendant, normalizedText, tagIn, wordCountExceeds } from '../dom';

/** `input[type="email" i], input[name*="mail" i], input[autocomplete="email" i], input[placeholder*="mail" i]`. */
function isEmailField(el: Element): boolean {
  if (el.localName !== 'input') return false;
  const lower = (name: string) => (el.getAttribute(name) ?? '').replace(/[A-Z]+/g, (c) => c.toLowerCase());
  return lower('type') === 'email' || lower('name').includes('mail') || lower('autocomplete') === 'email' || lower('placeholder').includes('mail');
}
const isPitchTag = tagIn('aside', 'section', 'div', 'p', 'form');
const isP = tagIn('p');
const isForm = tagIn('form');
const isStory = tagIn('article', 'h1');
/**
 * `p p, article, h1` as seen from inside the block: in a selector query the outer <p> of `p p`
 * may be anywhere above, even outside the block.
 */
const isStoryOrNestedP = (el: Element): boolean => isStory(el) || (el.localName === 'p' && closestWhere(el.parentElement, isP) !== null);
const isAction = (el: Element): boolean => (el.localName === 'a' && el.hasAttribute('href')) || el.localName === 'button' || el.localName === 'form';
const PITCH = /\b(sign[ -]?up|subscribe|subscription|get (our|the) [\w ]{0,30}(newsletter|briefing|digest)|newsletter|inbox|join (?:over |more than )?\d[\d,.]*\s*(?:k|m|million|thousand)?(?: [\w-]+){0,2} (readers|subscribers|members|fans|people|bakers|cooks|parents|investors|professionals)|unsubscribe (at )?any ?time)\b|подпи(шитесь|саться)|рассылк|abonnez|newsletter abonnieren|suscr[ií]bete/i;
/** A pitch is short; longer blocks mentioning newsletters are articles about newsletters. */
const MAX_PITCH_WORDS = 70;

export const newsletter: CleanRule = {
  name: 'newsletter',
  run(ctx) {
    const body = ctx.doc.body;
    if (!body) return;
    for (const field of liveElements(ctx, isEmailField)) {
      if (!field.isConnected) continue;
      ctx.remove(pitchBlockAround(field) ?? closestWhere(field, isForm) ?? field, this.name);
    }
    // Pitches without a field (a link or button to a sign-up page). The short-text test comes
    // before the structure tests: reading text is far cheaper than searching the subtree, and all
    // tests are read-only, so the order does not change the answer.
    for (const el of liveElements(ctx, isPitchTag)) {
      if (!el.isConnected || wordCountExceeds(el, MAX_PITCH_WORDS / 2)) continue;
      const text = normalizedText(el);
      if (countWordsIn(text) === 0 || !PITCH.test(text)) continue;
      if (firstDescendant(el, isStoryOrNestedP)) continue;
      if (firstDescendant(el, isAction) && countDescendants(el, isP, 3) <= 2) ctx.remove(el, this.name);
    }
  },
};

/** The largest ancestor of an e-mail field that is still only a short pitch. */
function pitchBlockAround(field: Element): Element | null {
  let best: Element | null = null;
  for (let cur = field.parentElement; cur && cur.localName !== 'body'; cur = cur.parentElement) {
    if (wordCountExceeds(cur, MAX_PITCH_WORDS) || countDescendants(cur, isP, 4) > 3) break;
    best = cur;
  }
  return best;
}
