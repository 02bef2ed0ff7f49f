// The page's own furniture, identified by the roles and elements HTML gives it: site navigation,
// the site banner and footer, search, and interactive widgets (toolbars, sliders, menus, media
// player controls). None of it is part of an article. An article's own <header> and <footer>
// (title, byline, notes) are not touched; only the landmark roles that mean "the site's".
import { type CleanRule, liveElements } from './rule';
import { closestWhere, countDescendants, descendantsWhere, firstDescendant, isArticleRoot, normalizedText, tagIn, wordCountExceeds } from '../dom';

const LANDMARK_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'menubar', 'menu', 'toolbar', 'slider', 'progressbar', 'scrollbar', 'timer', 'tablist', 'dialog', 'alertdialog']);
/** `nav, [role="navigation"], [role="banner"], …`: the walk-based test of the landmark selector. */
const isLandmark = (el: Element): boolean => el.localName === 'nav' || LANDMARK_ROLES.has(el.getAttribute('role') ?? '');
/** "© 2003–2023 Site", "Copyright (c) 2024 …", "… publication. © 2024": a sign or word and a year. */
const COPYRIGHT = /(?:©|\(c\)|\bcopyright\b)\s*(?:©\s*)?(?:[\p{L}\p{N}.&'’ -]{0,60}?\s)?\d{4}\b|^(?:©|\(c\)|copyright\b)/iu;
const MAX_COPYRIGHT_WORDS = 30;
/** The whole text of an ad slot's label, in the languages we have seen it in, with the dashes, colons and brackets sites set around it ("- Anzeige -", "Advertisement:"). */
const AD_LABEL = /^[\s*•·|:()[\]–—-]*(?:advertisements?|advert|ads?|sponsored( content)?|promoted|paid (content|post)|(?:story|article) continues (?:below|after) (?:this )?(?:advertisement|ad)|advertisement[\s:–—-]*(?:scroll|continue) (?:down )?to continue( reading)?|continue reading (?:below|after) (?:the )?(?:advertisement|ad)|anzeige|werbung|reklame|reklama|advertentie|annonce|publicité|publicidad|anuncio|publicidade|pubblicità|реклама|إعلان|広告|广告)[\s*•·|:.()[\]–—-]*$/i;
/** Elements inside which a <header>/<footer> belongs to that section, not to the site. */
const SECTIONING_TAGS = new Set(['article', 'aside', 'main', 'nav', 'section']);
const isSectioning = (el: Element): boolean => SECTIONING_TAGS.has(el.localName) || el.getAttribute('role') === 'main' || el.getAttribute('role') === 'article' || el.getAttribute('itemprop') === 'articleBody';
/** `article, [role="main"], main, [itemprop="articleBody"]`. */
const isP = tagIn('p');
const isAdSlotTag = tagIn('div', 'span', 'p', 'small', 'aside', 'section', 'figure');
const isAdMedia = tagIn('img', 'picture', 'video', 'iframe', 'table', 'pre');
const isCopyrightTag = tagIn('div', 'p', 'small', 'span');
const isControl = (el: Element): boolean => CONTROL_TAGS.has(el.localName) || CONTROL_ROLES.has(el.getAttribute('role') ?? '');
const CONTROL_TAGS = new Set(['button', 'select', 'input', 'label']);
const CONTROL_ROLES = new Set(['button', 'switch']);
const isByline = (el: Element): boolean => el.localName === 'time' || el.getAttribute('itemprop') === 'author' || el.getAttribute('itemprop') === 'datePublished' || hasRelAuthor(el);
const isH1 = tagIn('h1');
const isA = tagIn('a');
const isOwnArticle = (el: Element): boolean => isArticleRoot(el) || isCreditContext(el);
const isCreditContext = tagIn('figure', 'figcaption', 'blockquote');
const isCopyrightBlocker = tagIn('p', 'img', 'figure', 'h1', 'h2', 'h3');
const isPictureTag = tagIn('img', 'picture', 'video');
const isImageOrPicture = tagIn('img', 'picture');
/** Buttons are controls; a button-role element with a paragraph of text is something else. */
const MAX_CONTROL_WORDS = 4;

export const pageChrome: CleanRule = {
  name: 'page-chrome',
  run(ctx) {
    const body = ctx.doc.body;
    if (!body) return;
    for (const el of liveElements(ctx, isLandmark)) {
      if (el.isConnected && !containsArticle(el)) ctx.remove(el, this.name);
    }
    // HTML gives <header> and <footer> the banner/contentinfo role implicitly when they are not
    // inside sectioning content or main: those are the site's masthead and footer.
    for (const el of liveElements(ctx, (e) => e.localName === 'header' || e.localName === 'footer')) {
      if (el.isConnected && !closestWhere(el.parentElement, isSectioning) && !el.hasAttribute('role') && !containsArticle(el) && !isArticleHeading(el)) ctx.remove(el, this.name);
    }
    // Ad slots leave their label behind even when the ad itself never loads.
    for (const el of liveElements(ctx, isAdSlotTag)) {
      if (el.isConnected && AD_LABEL.test(normalizedText(el)) && firstDescendant(el, isAdMedia) === null) ctx.remove(el, this.name);
    }
    // Old table layouts have no <footer>: the site's copyright line is only a short block of its own.
    for (const el of liveElements(ctx, isCopyrightTag)) {
      if (el.isConnected && isCopyrightLine(el)) ctx.remove(el, this.name);
    }
    for (const el of liveElements(ctx, isControl)) {
      if (!el.isConnected) continue;
      // Native controls are never prose. A role=button or label with real text may wrap content
      // (an expandable section, a figure), so those stay unless short.
      const native = el.localName === 'button' || el.localName === 'select' || el.localName === 'input';
      if (native || !wordCountExceeds(el, MAX_CONTROL_WORDS)) ctx.remove(el, this.name);
    }
  },
};

/** Sites occasionally wrap the whole page in a landmark; removing it would remove the article. */
function containsArticle(el: Element): boolean {
  return firstDescendant(el, isArticleRoot) !== null || countDescendants(el, isP, 6) >= 6;
}

/**
 * Templates also put an article's own heading block in a <header> outside <article>. A headline
 * that is not just a home link, a date or an author link marks it as the article's: it stays.
 */
function isArticleHeading(el: Element): boolean {
  if (firstDescendant(el, isByline)) return true;
  return descendantsWhere(el, isH1).some((h) => normalizedText(h) !== '' && descendantsWhere(h, isA).map(normalizedText).join(' ') !== normalizedText(h));
}

/**
 * A short block holding the site's copyright notice, outside the article's own markup. Photo
 * credits ("© Reuters 2024") sit in figures and captions, and a notice inside the article is the
 * author's: both stay.
 */
function isCopyrightLine(el: Element): boolean {
  if (wordCountExceeds(el, MAX_COPYRIGHT_WORDS)) return false;
  if (!COPYRIGHT.test(normalizedText(el))) return false;
  if (closestWhere(el, isOwnArticle)) return false;
  if (besidePicture(el)) return false;
  return firstDescendant(el, isCopyrightBlocker) === null;
}

/** A credit placed right after its picture ("<img><span>© Reuters 2024</span>"). */
function besidePicture(el: Element): boolean {
  const prev = el.previousElementSibling;
  return prev !== null && (isPictureTag(prev) || Array.from(prev.children).some(isImageOrPicture));
}

/** `[rel~="author"]`: rel is one of HTML's attributes whose values selectors match case-insensitively. */
function hasRelAuthor(el: Element): boolean {
  const rel = el.getAttribute('rel');
  return rel !== null && rel.toLowerCase().split(/\s+/).includes('author');
}
