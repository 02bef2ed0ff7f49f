// "Your browser is outdated": the box a site shows to visitors of an old or unsupported browser
// (Internet Explorer, usually), with links to download another. A browser hides it for everyone
// else with a script or a conditional style; in a copy read without layout (the CLI, jsdom) it
// is text like any other, a friendly paragraph or two with a heading, and Readability can take
// it for the article (a sports federation's news page came out as its IE warning).
// Recognised by what it says, in the languages of the corpora, in a short line of its own, and
// by being a box: the line's wrapper up to a couple of hundred words, outside the page's
// <article> or <main>. A story's paragraph that mentions an old browser sits in a wrapper far
// longer than that and stays. Unguarded, like consent: the box may be what Readability would
// pick, which is exactly the mistake.
import { type CleanRule, liveElements } from './rule';
import { closestWhere, countWordsIn, firstDescendant, isArticleRoot, normalizedTextUpTo, tagIn, wordCountExceeds } from '../dom';

/** Outdated or unsupported browser, and the plea to change it. */
const NOTICE = new RegExp(
  [
    String.raw`\b(?:outdated|out-of-date|obsolete|unsupported|old|older) (?:web )?browser\b`,
    String.raw`\bbrowser (?:(?:you are using |version )?is )?(?:outdated|out of date|not supported|no longer supported|unsupported)\b`,
    String.raw`\b(?:update|upgrade) your (?:web )?browser\b`,
    String.raw`veraltete[nmrs]? (?:web)?browser|browser (?:wird )?nicht (?:mehr )?unterstützt|browser ist veraltet`,
    String.raw`verouderde browser|browser wordt niet (?:meer )?ondersteund`,
    String.raw`navigateur (?:obsolète|n'est plus (?:pris en charge|supporté)|non (?:pris en charge|supporté))|mettez à jour votre navigateur`,
    String.raw`navegador (?:obsoleto|desactualizado|desatualizado|no (?:es )?compatible|no soportado|não suportado)|actualiza(?:r)? (?:tu|su) navegador|atualize (?:o )?seu navegador`,
    String.raw`browser (?:obsoleto|non supportato|non aggiornato)|aggiorna il tuo browser`,
    String.raw`przestarzał[aąeyi]{0,3} przeglądar|zaktualizuj przeglądarkę`,
  ].join('|'),
  'iu',
);
/** A cheaper first look over the whole page: no notice without one of these words. */
const BROWSER_WORD = /browser|navigateur|navegador|przeglądar/i;
/** The notice's own line is short... */
const MAX_LINE_WORDS = 100;
/** ...and so is the box around it. */
const MAX_BOX_WORDS = 200;
const isLine = tagIn('p', 'div', 'span', 'strong', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6');
const isBlockInside = tagIn('p', 'div', 'li', 'ul', 'ol', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote');

export const browserNotices: CleanRule = {
  name: 'browser-notices',
  run(ctx) {
    const body = ctx.doc.body;
    // The page's text as a whole first: most pages never say it, and skip the walk of their lines.
    const all = body?.textContent ?? '';
    if (!body || !BROWSER_WORD.test(all) || !NOTICE.test(all.replace(/\s+/g, ' '))) return;
    for (const el of liveElements(ctx, isLine)) {
      if (!el.isConnected || firstDescendant(el, isBlockInside)) continue;
      const text = normalizedTextUpTo(el, 600);
      if (!text || !BROWSER_WORD.test(text) || countWordsIn(text) > MAX_LINE_WORDS || !NOTICE.test(text)) continue;
      if (closestWhere(el, isArticleRoot)) continue;
      let box = el;
      while (box.parentElement && box.parentElement !== body && !wordCountExceeds(box.parentElement, MAX_BOX_WORDS)) box = box.parentElement;
      // A line alone in a long wrapper is a sentence of the page's text, not a box of its own.
      if (box === el && el.parentElement !== body) continue;
      ctx.remove(box, this.name, { unguarded: true });
    }
  },
};
