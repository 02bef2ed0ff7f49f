// Cookie-consent dialogs: the banner or preference centre a consent platform injects into every
// page ("We value your privacy… Accept all / Manage preferences", then a paragraph per cookie
// category and per advertising purpose). Browsers show it over the page; in a copy read without
// layout (the CLI, jsdom) it is text like any other, often more of it than a forum thread or a
// short story, and Readability takes it for the article. Recognised by its name (the consent
// platforms' and sites' own: `cookie-banner`, `consent`, `gdpr`, `cmp`, `onetrust-…`) or its
// label, together with what it says (cookies or consent) and the choice it offers in its buttons'
// words (Accept all, Reject, Manage preferences). A story about cookies has no such name and no such
// buttons, and a box holding the page's headline or <article> is never one.
// Unguarded, and run before any rule that measures where the prose is: a consent dialog that is
// most of a page's text must not be protected as its article.
import { type CleanRule, liveElements } from './rule';
import { nameTokens, normalizedTextUpTo } from '../dom';

/** Names consent dialogs go by, as whole tokens or parts of hyphenated ones. */
const CONSENT_NAME = /^(?:cookies?|consent|gdpr|ccpa|cmp|onetrust|cookiebot|cybot|didomi|usercentrics|truste|cookielaw|qc-cmp2|sp_message)(?:$|[-_])|[-_](?:cookies?|consent|gdpr|cmp)(?:$|[-_])/i;
const CONSENT_LABEL = /cookie|consent|einwilligung|zustimmung|consentement|consentimiento|consenso/i;
/** What a consent dialog is about. */
const ABOUT = /cookie|consent|einwilligung|consentement|consentimiento|consenso|gdpr|dsgvo/i;
/** The choice it offers, in the words of its buttons ("allow" alone is a recipe's "allow to cool"). */
const CHOICE = /\b(?:accept|reject|decline|deny|allow all|manage (?:preferences|options|settings|cookies|consent)|(?:cookies?|privacy|consent) (?:settings|preferences)|i agree|akzeptieren|ablehnen|zustimmen|einstellungen|accepter|refuser|aceptar|rechazar|accetta|rifiuta)\b/i;
/**
 * The words of the dialog's buttons that are not its text: an `<input type="submit"
 * value="Schließen und Akzeptieren">` says its choice in an attribute, and so does an icon
 * button's aria-label.
 */
function buttonWords(el: Element): string {
  const words: string[] = [];
  for (const input of Array.from(el.getElementsByTagName('input'))) {
    if (/^(?:submit|button)$/i.test(input.getAttribute('type') ?? '')) words.push(input.getAttribute('value') ?? '');
  }
  for (const button of Array.from(el.getElementsByTagName('button'))) words.push(button.getAttribute('aria-label') ?? '');
  return words.join(' ');
}

/** Enough of the dialog's text to find what it is about. */
const READ_CHARS = 4000;

export const consent: CleanRule = {
  name: 'consent',
  run(ctx) {
    const named = liveElements(ctx, (el) => {
      if (el.localName === 'body' || !(el.hasAttribute('class') || el.hasAttribute('id') || el.hasAttribute('aria-label'))) return false;
      if (nameTokens(el).some((t) => CONSENT_NAME.test(t))) return true;
      const label = el.getAttribute('aria-label');
      return !!label && CONSENT_LABEL.test(label) && /^(?:dialog|alertdialog|region|banner)$/.test(el.getAttribute('role') ?? '');
    });
    for (const el of named) {
      // The outermost: a platform's root holds its banner and its preference centre.
      if (!el.isConnected || named.some((o) => o !== el && o.isConnected && o.contains(el))) continue;
      if (el.querySelector('h1, article, main, [role="main"]')) continue;
      const text = normalizedTextUpTo(el, READ_CHARS) ?? el.textContent!.slice(0, READ_CHARS);
      if (!ABOUT.test(text)) continue;
      if (!CHOICE.test(text) && !CHOICE.test(buttonWords(el))) continue;
      ctx.remove(el, this.name, { unguarded: true });
    }
  },
};
