// The reader's look, shared by the overlay (in a shadow root) and the offline reader page: font
// stacks, theme palettes, the article typography, and how settings become CSS custom properties.
// One definition, so a saved article reads exactly as it did in the overlay.
import type { ReaderSettings } from './settings';
import { SHIPPED_FONTS } from './fonts';

/** Each choice's stack: the font Readwell ships first (shared/fonts.ts), then the systems' own. */
export const FONT_STACKS: Record<ReaderSettings['font'], string> = {
  serif: `'${SHIPPED_FONTS.serif.family}', Charter, 'Iowan Old Style', Georgia, Cambria, 'Times New Roman', serif`,
  sans: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  mono: "ui-monospace, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace",
  legible: `'${SHIPPED_FONTS.legible.family}', 'Atkinson Hyperlegible', Verdana, 'Trebuchet MS', 'DejaVu Sans', sans-serif`,
};

const LIGHT = '--bg: #fdfdfb; --fg: #1d1d1f; --muted: #5f5f66; --link: #0b57d0; --rule: #d9d9de; --panel: #f1f1ef; color-scheme: light;';
const SEPIA = '--bg: #f4ecd8; --fg: #3b2f21; --muted: #6b5a45; --link: #8a4b08; --rule: #d8c8a8; --panel: #ebe0c6;';
const DARK = '--bg: #17181a; --fg: #e6e6e3; --muted: #a3a3a8; --link: #8ab4f8; --rule: #3a3b3f; --panel: #232427; color-scheme: dark;';
const CONTRAST = '--bg: #000; --fg: #fff; --muted: #fff; --link: #ffea00; --rule: #fff; --panel: #000; color-scheme: dark;';

/** The palettes as custom properties on `root` (a selector carrying `data-theme`). */
export function themeCss(root: string): string {
  return `${root} { ${LIGHT} }
${root}[data-theme=sepia] { ${SEPIA} }
${root}[data-theme=dark] { ${DARK} }
${root}[data-theme=contrast] { ${CONTRAST} }
@media (prefers-color-scheme: dark) { ${root}[data-theme=system] { ${DARK} } }
@media (forced-colors: active) { ${root} { --bg: Canvas; --fg: CanvasText; --muted: CanvasText; --link: LinkText; --rule: CanvasText; --panel: Canvas; } }`;
}

/** The article column: title, byline, meta line and content, driven by the settings' properties. */
export const ARTICLE_CSS = `
.page { margin: 0 auto; padding: 32px 20px 96px; max-width: calc(var(--width) * 1ch + 40px);
  font-family: var(--font); font-size: var(--size); line-height: var(--lh); letter-spacing: var(--ls); }
.page h1.title { font-size: 1.8em; line-height: 1.2; margin: 0 0 0.4em; letter-spacing: normal; }
.byline, .meta { color: var(--muted); font-size: 0.8em; margin: 0.2em 0; }
.meta a { color: inherit; }
/* Says the reader shows a page's list of links, not an article: a quiet line above the byline. */
.note { font-size: 0.85em; margin: 0 0 0.6em; padding: 0.4em 0.7em; border-inline-start: 3px solid var(--rule); color: var(--muted); }
.content[data-list] > ul { list-style: none; padding: 0; }
.content[data-list] > ul > li { margin: 0 0 1em; }
.content[data-list] > ul > li > p { margin: 0; }
.content[data-list] > ul > li > p + p { color: var(--muted); font-size: 0.9em; }
/* A thread: posts one after another, each under a quiet line with its author and date. */
.content[data-thread] > article { margin: 0 0 1.4em; }
.content[data-thread] > article + article { border-top: 1px solid var(--rule); padding-top: 1.1em; }
.content[data-thread] > article > header { color: var(--muted); font-size: 0.85em; }
.content[data-thread] > article > header p { margin: 0 0 0.5em; }
.content[data-thread] > article > header strong { color: var(--fg); }
.content[data-thread] > article[data-accepted] { border-inline-start: 3px solid var(--link); padding-inline-start: 0.9em; }
.accepted { display: inline-block; margin-inline-end: 0.6em; padding: 0 0.45em; border: 1px solid var(--link); border-radius: 3px; color: var(--link); font-size: 0.9em; }
.content { text-align: var(--align); hyphens: auto; overflow-wrap: break-word; margin-top: 1.5em; }
/* In long articles, blocks off screen are not laid out until scrolled near: a 1 MB article opens
   as fast as a short one. Find-in-page and #fragment links still reach them; auto sizes keep the
   scrollbar honest. Only long ones: skipped blocks drop out of innerText, which short articles
   need not pay for. */
.content[data-long] :is(p, h2, h3, h4, h5, h6, figure, pre, table, blockquote, ul, ol, dl) { content-visibility: auto; contain-intrinsic-size: auto 3em; }
.content :is(h1, h2, h3, h4, h5, h6) { line-height: 1.25; text-align: start; }
.content img, .content video, .content svg, .lead img { max-width: 100%; height: auto; }
.content figure, .lead { margin: 1.2em 0; }
.content figcaption { color: var(--muted); font-size: 0.85em; }
.content a { color: var(--link); }
.content pre { overflow: auto; padding: 0.8em; background: var(--panel); border-radius: 6px; font-size: 0.85em; }
.content code { font-family: ${FONT_STACKS.mono}; }
.content blockquote { margin: 1em 0; padding-inline-start: 1em; border-inline-start: 3px solid var(--rule); color: var(--muted); }
.content table { border-collapse: collapse; display: block; overflow-x: auto; }
.content :is(td, th) { border: 1px solid var(--rule); padding: 0.3em 0.6em; }
.message { margin: 20vh auto 0; max-width: 36em; padding: 0 20px; font-size: 20px; text-align: center; }
:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
`;

/** Settings become custom properties (and a theme attribute), so a change restyles at once. */
export function applySettings(root: HTMLElement, s: ReaderSettings): void {
  root.dataset.theme = s.theme;
  const st = root.style;
  st.setProperty('--font', FONT_STACKS[s.font]);
  st.setProperty('--size', `${s.fontSize}px`);
  st.setProperty('--lh', String(s.lineHeight));
  st.setProperty('--width', String(s.width));
  st.setProperty('--ls', `${s.letterSpacing}em`);
  st.setProperty('--align', s.align === 'justify' ? 'justify' : 'start');
}

/**
 * Marks content that is a discussion's posts (the core's thread layout: every child an <article>
 * opening with a <header> line of author and date), so posts read as a sequence. Read from the
 * markup, not from a flag, so a saved thread reads the same in the library.
 */
export function markThread(content: HTMLElement): boolean {
  const posts = Array.from(content.children);
  const isThread = posts.length >= 2 && posts.every((p) => p.localName === 'article' && p.firstElementChild?.localName === 'header');
  if (isThread) content.setAttribute('data-thread', '');
  return isThread;
}

/** Marks the accepted answer among a thread's posts, with `label` at the head of its header line. */
export function markAccepted(content: HTMLElement, index: number, label: string): void {
  const post = content.children[index];
  const line = post?.firstElementChild?.firstElementChild ?? post?.firstElementChild;
  if (!post || !line) return;
  post.setAttribute('data-accepted', '');
  const badge = post.ownerDocument.createElement('span');
  badge.className = 'accepted';
  badge.textContent = label;
  line.prepend(badge);
}

/** Articles with more paragraphs than this skip layout of off-screen blocks (see CSS). */
const LONG_ARTICLE_PARAGRAPHS = 300;

/** Marks a filled content element as long, so the content-visibility rule applies to it. */
export function markLongArticle(content: HTMLElement): void {
  if (content.getElementsByTagName('p').length > LONG_ARTICLE_PARAGRAPHS) content.setAttribute('data-long', '');
}
