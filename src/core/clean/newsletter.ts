// Newsletter and sign-up boxes inside an article: a short block around an e-mail field, or a
// short block that asks the reader to subscribe. The form itself would be stripped by the
// sanitizer anyway; this rule takes the pitch around it too ("Get our morning briefing…").
import type { CleanRule } from './rule';
import { countWordsIn, normalizedText } from '../dom';

const EMAIL_FIELD = 'input[type="email" i], input[name*="mail" i], input[autocomplete="email" i], input[placeholder*="mail" i]';
const PITCH = /\b(sign[ -]?up|subscribe|subscription|get (our|the) [\w ]{0,30}(newsletter|briefing|digest)|newsletter|inbox|join (?:over |more than )?\d[\d,.]*\s*(?:k|m|million|thousand)?(?: [\w-]+){0,2} (readers|subscribers|members|fans|people|bakers|cooks|parents|investors|professionals)|unsubscribe (at )?any ?time)\b|подпи(шитесь|саться)|рассылк|abonnez|newsletter abonnieren|suscr[ií]bete/i;
/** A pitch is short; longer blocks mentioning newsletters are articles about newsletters. */
const MAX_PITCH_WORDS = 70;

export const newsletter: CleanRule = {
  name: 'newsletter',
  run(ctx) {
    const body = ctx.doc.body;
    if (!body) return;
    for (const field of Array.from(body.querySelectorAll(EMAIL_FIELD))) {
      if (!field.isConnected) continue;
      ctx.remove(pitchBlockAround(field) ?? field.closest('form') ?? field, this.name);
    }
    // Pitches without a field (a link or button to a sign-up page).
    for (const el of Array.from(body.querySelectorAll('aside, section, div, p, form'))) {
      if (!el.isConnected || el.querySelector('p p, article, h1')) continue;
      const text = normalizedText(el);
      const words = countWordsIn(text);
      if (words === 0 || words > MAX_PITCH_WORDS / 2 || !PITCH.test(text)) continue;
      if (el.querySelector('a[href], button, form') && el.querySelectorAll('p').length <= 2) ctx.remove(el, this.name);
    }
  },
};

/** The largest ancestor of an e-mail field that is still only a short pitch. */
function pitchBlockAround(field: Element): Element | null {
  let best: Element | null = null;
  for (let cur = field.parentElement; cur && cur.localName !== 'body'; cur = cur.parentElement) {
    const words = countWordsIn(normalizedText(cur));
    if (words > MAX_PITCH_WORDS || cur.querySelectorAll('p').length > 3) break;
    best = cur;
  }
  return best;
}
