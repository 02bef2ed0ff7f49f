// The page asking the reader to do something other than read: "Follow The Gleaner on Twitter and
// Instagram", "Download our app for iOS and Android", "Artikel gefallen? Vergiss nicht zu
// teilen!", "Was this article helpful?", "Print recipe". Sites write these as a short paragraph of their own at the end of
// the story, or as a link that only prints the page. Recognised by what the line asks, in a short
// block of its own; a sentence of the story that happens to mention Twitter is in a long block.
import { type CleanRule, liveElements } from './rule';
import { countWordsIn, firstDescendant, inSentence, normalizedText, normalizedTextUpTo, tagIn } from '../dom';

const PLATFORMS = String.raw`twitter|x\.com|facebook|instagram|whatsapp|telegram|tiktok|youtube|linkedin|threads|bluesky|mastodon|google news|flipboard|snapchat|pinterest|vk|viber|signal`;
/** "Follow us on Instagram", "Folgen Sie uns auf Facebook", "Síguenos en Twitter", "Join our WhatsApp channel". */
const FOLLOW = new RegExp(String.raw`(?:^|[\s.!?])(?:follow|join|subscribe to|connect with|folgen sie|folge|folgt|abonniere|abonnieren sie|suivez|rejoignez|retrouvez|síguenos|siguenos|sigue|únete|segui|seguici|seguimi|obserwuj|подписывайтесь|подпишитесь)\b[^.!?]{0,80}?(?:on|at|auf|bei|sur|en|su|na|в|via)?\s*(?:${PLATFORMS})\b`, 'iu');
/** "Download the Nationnews apps for iOS and Android", "Laden Sie unsere App herunter". */
const APP = /(?:download|get|install|lade|laden sie|installieren sie|téléchargez|descarga|descargue|scarica|pobierz)\b[^.!?]{0,80}?\b(?:apps?|applications?|aplicaci[oó]n|anwendung)\b/iu;
/** Requests to share, print or save the page itself. */
const SHARE_PROMPT = /(?:vergiss nicht zu teilen|(?:teile|teilen sie|teilt) (?:diesen|den|unseren) (?:artikel|beitrag)|share this (?:article|story|post|page)|please share|n'hésitez pas à partager|partagez cet article|comparte (?:esta|este) (?:nota|artículo|noticia)|condividi (?:questo|l')articolo|udostępnij (?:ten )?artykuł)/iu;
/**
 * Requests to rate the page, and what a rating widget says before anyone has: "Was this article
 * helpful?", "War der Artikel nützlich?", "Hier können Sie den Artikel bewerten", "(Noch keine
 * Bewertungen)", "If you enjoyed reading this post…".
 */
const RATE_PROMPT = new RegExp(
  [
    String.raw`\bwas this (?:article|post|page|story|information|answer|guide|recipe) (?:helpful|useful)`,
    String.raw`\bdid you (?:find|like|enjoy) this (?:article|post|story|recipe|guide)`,
    String.raw`\brate this (?:article|post|story|recipe|guide|page)\b`,
    String.raw`\bif you (?:enjoyed|liked) (?:reading )?this (?:article|post|story)`,
    String.raw`\bno ratings yet\b`,
    String.raw`\bwar (?:der|dieser|dieses|die) (?:artikel|beitrag|text|tipp|seite|information) (?:hilfreich|nützlich)`,
    String.raw`\bhat (?:ihnen|dir) (?:der|dieser) (?:artikel|beitrag) gefallen`,
    String.raw`\b(?:artikel|beitrag|rezept) bewerten\b`,
    String.raw`\bnoch keine bewertungen?\b`,
    String.raw`cet article vous a-t-il (?:été utile|plu)|\b(?:notez|évaluez) cet article`,
    String.raw`\b(?:te|le) (?:ha )?(?:resultado|resultó|sido|pareció) útil (?:este artículo|esta información|esta nota)|\bvalora (?:este artículo|esta receta)`,
    String.raw`\bquesto articolo (?:ti|vi) è stato utile|\bti è piaciuto questo articolo`,
    String.raw`\bczy ten artykuł był (?:pomocny|przydatny)|\boceń (?:ten )?artykuł`,
    String.raw`\beste artigo (?:foi|lhe foi) útil`,
  ].join('|'),
  'iu',
);
/** Link or button text that only prints or saves the page. */
const PRINT = /^(?:print|printer[- ]friendly|print (?:this )?(?:article|page|story|recipe)|drucken|rezept drucken|artikel drucken|seite drucken|druckversion|imprimer|imprimir|imprimir receta|stampa|drukuj|печать|распечатать|pdf|als pdf (?:speichern|herunterladen)|save as pdf|download pdf)$/iu;
/** Words of its own around a print/PDF link that make its parent a sentence. */
const SENTENCE_WORDS = 4;
/** A prompt is a line, not a paragraph of the story. */
const MAX_PROMPT_WORDS = 30;
const isPromptTag = tagIn('p', 'div', 'li', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'em', 'span', 'aside', 'section');
const isControlTag = tagIn('a', 'button');
const isBlockInside = tagIn('p', 'div', 'li', 'ul', 'ol', 'table', 'figure', 'img', 'h2', 'h3', 'h4', 'blockquote', 'pre');

export const callsToAction: CleanRule = {
  name: 'calls-to-action',
  run(ctx) {
    for (const el of liveElements(ctx, isControlTag)) {
      // A "PDF" link inside a sentence is the story's reference, not a button to save the page;
      // a toolbar's label ("Share: Print PDF") is not a sentence.
      if (el.isConnected && PRINT.test(normalizedText(el)) && !inSentence(el, SENTENCE_WORDS)) ctx.remove(el, this.name);
    }
    for (const el of liveElements(ctx, isPromptTag)) {
      if (!el.isConnected || firstDescendant(el, isBlockInside)) continue;
      const text = normalizedTextUpTo(el, 300);
      if (!text || countWordsIn(text) > MAX_PROMPT_WORDS) continue;
      if (FOLLOW.test(text) || APP.test(text) || SHARE_PROMPT.test(text) || RATE_PROMPT.test(text)) ctx.remove(el, this.name);
    }
  },
};
