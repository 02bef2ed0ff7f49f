// A detector for icon text: what sprite sheets, icon fonts and ligature icons leave in a text copy
// of a page. Shared by the fixture and quality tests, so "no icon text" means one thing.
//
// It flags
//  - "icon <name>" runs as sprite <title>s produce them ("icon bookmark", "iconcamera",
//    "icon chevron down", the seed page's whole first line), and class-like "icon-share";
//  - Material Icons/Symbols ligature names with an underscore anywhere ("bookmark_border");
//  - a line made only of ligature words ("share", "more_vert", "share bookmark");
//  - private-use-area code points (icon-font glyphs).
// It must not flag prose: "iconic", "lexicon", "an icon of the city", "share prices fell".

/** Names sprite sheets and icon sets give their icons (the seed's sprite included). */
const ICON_NAMES = String.raw`bookmark(?:-b)?|camera|check|chevron|close|compress|expand|download|upload|edit|fb|facebook|file|filter|flag|full chevron|gp|ins|instagram|mail|email|move|music|muted|nomuted|ok|pause|play|search|share|sign|stepback|stepfor|swipe|tags?|tg|telegram|trash|tw|twitter|vk|yt|youtube|wt|fm|arrow|menu|user|heart|star|comments?|print|link|plus|minus|home|calendar|clock|eye|lock|phone|rss|whatsapp|linkedin|pinterest|reddit|caret|angle|bars|times|v-[a-z]+`;
/** "icon bookmark", "iconcamera", "icon-share": `icon` glued or joined to an icon name. */
// Case-sensitive on purpose: sprite titles are lower-case, and a capital right after a name is
// where the next piece of page text begins ("icon cameraReuters").
const SPRITE_RUN = new RegExp(String.raw`[Ii]con(?:-[a-z][\w-]*|[ _]?(?:${ICON_NAMES})(?=icon|[^a-z]|$))`, 'g');
/** Material ligatures never occur in prose; those with an underscore are unmistakable. */
const LIGATURES = ['share', 'bookmark', 'bookmark_border', 'bookmark_add', 'more_vert', 'more_horiz', 'favorite', 'favorite_border',
  'thumb_up', 'thumb_down', 'content_copy', 'chevron_right', 'chevron_left', 'expand_more', 'expand_less', 'close', 'menu',
  'search', 'print', 'mail', 'arrow_forward', 'arrow_back', 'arrow_upward', 'open_in_new', 'play_arrow', 'pause', 'volume_up',
  'volume_off', 'fullscreen', 'fullscreen_exit', 'comment', 'chat_bubble', 'chat_bubble_outline', 'schedule', 'photo_camera',
  'link', 'ios_share', 'send', 'visibility', 'account_circle', 'notifications', 'headphones', 'text_fields', 'format_size',
  'keyboard_arrow_down', 'keyboard_arrow_up', 'arrow_drop_down', 'star', 'star_border', 'thumb_up_off_alt', 'forum', 'label'];
const UNDERSCORE_LIGATURE = new RegExp(String.raw`(?<![\w])(?:${LIGATURES.filter((l) => l.includes('_')).join('|')})(?![\w])`, 'g');
const LIGATURE_SET = new Set(LIGATURES);
const PRIVATE_USE = /[\ue000-\uf8ff\u{f0000}-\u{ffffd}\u{100000}-\u{10fffd}]+/gu;
/** Markdown/list decoration a line may carry around a lone ligature word. */
const LINE_DECORATION = /^[\s>*#|`_-]*(?:\d+\.\s+)?|[\s*|`_]*$/g;

export interface IconHit {
  kind: 'sprite' | 'ligature' | 'ligature-line' | 'private-use';
  text: string;
}

export function findIconText(text: string): IconHit[] {
  const hits: IconHit[] = [];
  for (const m of text.matchAll(SPRITE_RUN)) hits.push({ kind: 'sprite', text: m[0] });
  for (const m of text.matchAll(UNDERSCORE_LIGATURE)) hits.push({ kind: 'ligature', text: m[0] });
  for (const m of text.matchAll(PRIVATE_USE)) hits.push({ kind: 'private-use', text: m[0] });
  for (const line of text.split('\n')) {
    const words = line.replace(LINE_DECORATION, '').split(/\s+/).filter(Boolean);
    if (words.length > 0 && words.every((w) => LIGATURE_SET.has(w)) && !words.every((w) => w.includes('_'))) {
      hits.push({ kind: 'ligature-line', text: words.join(' ') });
    }
  }
  return hits;
}

/** How many words of icon text: the clutter figure the quality test reports. */
export function iconWordCount(text: string): number {
  let n = 0;
  for (const hit of findIconText(text)) n += hit.kind === 'private-use' ? hit.text.length : hit.text.split(/[\s_-]+|(?<=icon)(?=[a-z])/i).filter(Boolean).length;
  return n;
}

/** The readable text of an HTML string: tags become line breaks, common entities decoded. */
export function htmlToCheckableText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '\n')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
