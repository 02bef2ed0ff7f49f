// The page's own furniture, identified by the roles and elements HTML gives it: site navigation,
// the site banner and footer, search, and interactive widgets (toolbars, sliders, menus, media
// player controls). None of it is part of an article. An article's own <header> and <footer>
// (title, byline, notes) are not touched; only the landmark roles that mean "the site's".
import type { CleanRule } from './rule';
import { countWordsIn, normalizedText } from '../dom';

const LANDMARKS = 'nav, [role="navigation"], [role="banner"], [role="contentinfo"], [role="search"], [role="menubar"], [role="menu"], [role="toolbar"], [role="slider"], [role="progressbar"], [role="scrollbar"], [role="timer"], [role="tablist"], [role="dialog"], [role="alertdialog"]';
/** "© 2003–2023 Site", "Copyright (c) 2024 …", "… publication. © 2024": a sign or word and a year. */
const COPYRIGHT = /(?:©|\(c\)|\bcopyright\b)\s*(?:©\s*)?(?:[\p{L}\p{N}.&'’ -]{0,60}?\s)?\d{4}\b|^(?:©|\(c\)|copyright\b)/iu;
const MAX_COPYRIGHT_WORDS = 30;
/** The whole text of an ad slot's label, in the languages we have seen it in. */
const AD_LABEL = /^(?:advertisements?|advert|ads?|sponsored( content)?|promoted|paid (content|post)|(?:story|article) continues (?:below|after) (?:this )?(?:advertisement|ad)|advertisement[\s:–—-]*(?:scroll|continue) (?:down )?to continue( reading)?|continue reading (?:below|after) (?:the )?(?:advertisement|ad)|anzeige|werbung|publicité|publicidad|pubblicità|реклама|إعلان|広告|广告)$/i;
/** Elements inside which a <header>/<footer> belongs to that section, not to the site. */
const SECTIONING = 'article, aside, main, nav, section, [role="main"], [role="article"], [itemprop="articleBody"]';
/** Buttons are controls; a button-role element with a paragraph of text is something else. */
const MAX_CONTROL_WORDS = 4;

export const pageChrome: CleanRule = {
  name: 'page-chrome',
  run(ctx) {
    const body = ctx.doc.body;
    if (!body) return;
    for (const el of Array.from(body.querySelectorAll(LANDMARKS))) {
      if (el.isConnected && !containsArticle(el)) ctx.remove(el, this.name);
    }
    // HTML gives <header> and <footer> the banner/contentinfo role implicitly when they are not
    // inside sectioning content or main: those are the site's masthead and footer.
    for (const el of Array.from(body.querySelectorAll('header, footer'))) {
      if (el.isConnected && !el.parentElement?.closest(SECTIONING) && !el.hasAttribute('role') && !containsArticle(el) && !isArticleHeading(el)) ctx.remove(el, this.name);
    }
    // Ad slots leave their label behind even when the ad itself never loads.
    for (const el of Array.from(body.querySelectorAll('div, span, p, small, aside, section, figure'))) {
      if (el.isConnected && AD_LABEL.test(normalizedText(el)) && el.querySelector('img, picture, video, iframe, table, pre') === null) ctx.remove(el, this.name);
    }
    // Old table layouts have no <footer>: the site's copyright line is only a short block of its own.
    for (const el of Array.from(body.querySelectorAll('div, p, small, span'))) {
      if (el.isConnected && isCopyrightLine(el)) ctx.remove(el, this.name);
    }
    for (const el of Array.from(body.querySelectorAll('button, [role="button"], [role="switch"], select, input, label'))) {
      if (!el.isConnected) continue;
      // Native controls are never prose. A role=button or label with real text may wrap content
      // (an expandable section, a figure), so those stay unless short.
      const native = el.localName === 'button' || el.localName === 'select' || el.localName === 'input';
      if (native || countWordsIn(normalizedText(el)) <= MAX_CONTROL_WORDS) ctx.remove(el, this.name);
    }
  },
};

/** Sites occasionally wrap the whole page in a landmark; removing it would remove the article. */
function containsArticle(el: Element): boolean {
  return el.querySelector('article, [role="main"], main, [itemprop="articleBody"]') !== null || el.querySelectorAll('p').length >= 6;
}

/**
 * Templates also put an article's own heading block in a <header> outside <article>. A headline
 * that is not just a home link, a date or an author link marks it as the article's: it stays.
 */
function isArticleHeading(el: Element): boolean {
  if (el.querySelector('time, [rel~="author"], [itemprop="author"], [itemprop="datePublished"]')) return true;
  return Array.from(el.querySelectorAll('h1')).some((h) => normalizedText(h) !== '' && Array.from(h.querySelectorAll('a')).map(normalizedText).join(' ') !== normalizedText(h));
}

/**
 * A short block holding the site's copyright notice, outside the article's own markup. Photo
 * credits ("© Reuters 2024") sit in figures and captions, and a notice inside the article is the
 * author's: both stay.
 */
function isCopyrightLine(el: Element): boolean {
  const text = normalizedText(el);
  if (!COPYRIGHT.test(text) || countWordsIn(text) > MAX_COPYRIGHT_WORDS) return false;
  if (el.closest('figure, figcaption, blockquote, article, main, [role="main"], [itemprop="articleBody"]')) return false;
  if (besidePicture(el)) return false;
  return el.querySelector('p, img, figure, h1, h2, h3') === null;
}

/** A credit placed right after its picture ("<img><span>© Reuters 2024</span>"). */
function besidePicture(el: Element): boolean {
  const prev = el.previousElementSibling;
  return prev !== null && (prev.matches('img, picture, video') || prev.querySelector(':scope > img, :scope > picture') !== null);
}
