// The clean rules, in the order they run on the inert copy. Order matters: each line says why a
// rule sits where it does. Every rule has at least one fixture named `<rule>--<slug>` under
// test/fixtures/pages that fails when the rule is disabled (test/core/fixtures.test.ts checks).
import type { CleanRule } from './rule';
import { hidden } from './hidden';
import { visuallyHidden } from './visually-hidden';
import { consent } from './consent';
import { browserNotices } from './browser-notices';
import { svgIcons } from './svg-icons';
import { iconFonts } from './icon-fonts';
import { pageChrome } from './page-chrome';
import { socialLinks } from './social-links';
import { tagLists } from './tag-lists';
import { relatedLinks } from './related-links';
import { newsletter } from './newsletter';
import { comments } from './comments';
import { authorBoxes } from './author-boxes';
import { articleMeta } from './article-meta';
import { credits } from './credits';
import { callsToAction } from './calls-to-action';
import { lazyImages } from './lazy-images';
import { codeLanguage } from './code-language';
import { captions } from './captions';
import { emptyLeftovers } from './empty-leftovers';

export const CLEAN_RULES: readonly CleanRule[] = [
  consent, //         first: cookie-consent dialogs, before the hidden rule measures where the prose is
  browserNotices, //  'your browser is outdated' boxes: like consent, text no browser shows but a copy reads
  hidden, //          nothing after it should measure text no reader sees
  visuallyHidden, //  screen-reader-only labels, before they inflate link and word counts below
  svgIcons, //        sprite sheets and icon SVGs: their <title>s are the worst clutter
  iconFonts, //       ligature words and private-use glyphs, before rules count words
  newsletter, //      sign-up boxes, found by their e-mail field: before page-chrome removes inputs
  pageChrome, //      landmarks and controls: removes most share/player UI wholesale
  socialLinks, //     share/follow bars, now that icons inside them are gone
  tagLists, //        archive links, before the related-links density checks see them
  relatedLinks, //    teaser blocks and inline promos
  comments, //        comment sections sit after everything above
  authorBoxes, //     "about the author" boxes; after comments, which has asked whether posts are content
  articleMeta, //     byline/date lines, after the rules that take the icons out of them
  credits, //         photo credits of their own, once icons (camera glyphs) are out of them
  callsToAction, //   follow/app/share prompts and print links left after the share bars went
  lazyImages, //      real image URLs before Readability scores images and drops spacers
  codeLanguage, //    code-block languages, and the classes Readability must keep for them
  captions, //        after every removal (rules above read class names): names Readability misreads
  emptyLeftovers, //  last: prunes the wrappers earlier removals emptied
];

export type { CleanRule, CleanContext } from './rule';
export { createCleanContext } from './rule';
