// Photo credits and image sources: "Foto: Sascha Klahn", "TebNad/Shutterstock.com", "Titelbild:",
// "(crédito: Minervino Júnior)", "© Bundesrat | Frank Bräuer", "Quelle: Landesregierung". They attribute the picture, not the story, and in a reader they
// read as stray words between paragraphs. Only a credit that is an element of its own goes; a
// caption that describes the picture stays (captions.ts keeps it from Readability's filters), and
// so does a credit written inside the caption's sentence.
import { type CleanRule, liveElements } from './rule';
import { closestWhere, countWordsIn, firstDescendant, normalizedTextUpTo, tagIn } from '../dom';

/** A label naming the picture's author or source, then a colon: any language we have seen. */
const CREDIT_LABEL = /^[([]?\s*(?:fotos?|photos?|photograph(?:y|er)?|bild(?:er|quelle|rechte)?|titelbild|image(?:s| source)?|credits?|crédits?|crédito|créditos|picture|pic|illustration|grafik|zdjęci[ea]|fot\.|foto ?credit|photo credit|image credit|bildnachweis|fotonachweis|©|\(c\))\s*[:：]/iu;
/** "Roman Prymula, photo:": the label after the name. */
const CREDIT_LABEL_AFTER = /[,|] ?(?:fotos?|photos?|bild|credit)[:：]?$/iu;
/** A source label standing alone at the end of a caption or article: "Źródło:", "Quellenangaben:". */
const BARE_SOURCE = /^(?:quelle|quellen|quellenangaben?|source|sources|fuente|fuentes|źródło|źródła|источник|fonte|fonti)\s*[:：]?$/iu;
/**
 * A copyright line: "© Bundesregierung/Steffen Kugler", "© WERK/CHRISTIAN HOUDEK", "Copyright 2020
 * CBS". The sign needs no colon after it, as the labels above do; a bare "(c)" is not taken, since
 * it numbers the clauses of legal text.
 */
const COPYRIGHT_LINE = /^[([]?\s*(?:©|copyright\s*(?:©|\d{4}))/iu;
/** "Quelle: Landesregierung", "(Source: Reuters)": a source label with its source, on a line of its own by a picture. */
const SOURCE_LINE = /^[([]?\s*(?:quelle|quellen|source|sources|fuente|fuentes|źródło|fonte|источник)\s*[:：]\s*\S/iu;
const MAX_SOURCE_WORDS = 8;
/** Picture agencies and stock libraries, as credits name them. */
const AGENCY = /(?:^|[\s/|(,©])(?:getty ?images|shutterstock|istock(?:photo)?|adobe ?stock|depositphotos|dreamstime|alamy|unsplash|pixabay|pexels|imago(?: images)?|picture[ -]alliance|dpa|afp|reuters|ap photo|keystone|epa(?:-efe)?|anp|ansa|efe|tass|xinhua)(?:\.com)?\s*\)?$/iu;
/** Credits are short. */
const MAX_CREDIT_WORDS = 12;
const MAX_AGENCY_WORDS = 8;
const isCreditTag = tagIn('span', 'small', 'p', 'div', 'cite', 'em', 'i', 'figcaption', 'strong', 'b');
const isFigureContext = tagIn('figure', 'figcaption', 'picture');
const isPicture = tagIn('img', 'picture', 'svg', 'video');
const isInsidePicture = (el: Element): boolean => closestWhere(el, isFigureContext) !== null;

export const credits: CleanRule = {
  name: 'credits',
  run(ctx) {
    for (const el of liveElements(ctx, isCreditTag)) {
      if (!el.isConnected || firstDescendant(el, isPicture)) continue;
      const text = normalizedTextUpTo(el, 160);
      if (!text) continue;
      const words = countWordsIn(text);
      if (words > MAX_CREDIT_WORDS) continue;
      if (isCredit(el, text, words)) ctx.remove(el, this.name);
    }
  },
};

function isCredit(el: Element, text: string, words: number): boolean {
  // `text` is normalized: single spaces, trimmed, so the end-anchored pattern needs no \s* runs.
  if (CREDIT_LABEL.test(text) || CREDIT_LABEL_AFTER.test(text) || COPYRIGHT_LINE.test(text)) return true;
  const nearPicture = isInsidePicture(el) || besidePicture(el);
  // By a picture, the source is the picture's; under a table or a chart it is where the data came
  // from, which a reader of the data wants.
  if (nearPicture && words <= MAX_SOURCE_WORDS && SOURCE_LINE.test(text)) return true;
  if (BARE_SOURCE.test(text)) return true;
  // An agency name alone is a credit next to a picture; in the text it may be the story's source.
  return nearPicture && words <= MAX_AGENCY_WORDS && AGENCY.test(text);
}

/** Right after (or before) a picture in the same parent: "<img><span>Getty Images</span>". */
function besidePicture(el: Element): boolean {
  for (const sib of [el.previousElementSibling, el.nextElementSibling]) {
    if (sib && (isPicture(sib) || firstDescendant(sib, isPicture))) return true;
  }
  return false;
}
