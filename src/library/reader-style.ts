// The offline reader's stylesheet and the mapping from reader settings to it. The same themes,
// fonts and measures as the overlay (same palette values), written for a whole page rather than
// a shadow root; the overlay's own file is not shared because contexts do not import each other.
import type { ReaderSettings } from '../shared/settings';

export const FONT_STACKS: Record<ReaderSettings['font'], string> = {
  serif: "Charter, 'Iowan Old Style', Georgia, Cambria, 'Times New Roman', serif",
  sans: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  mono: "ui-monospace, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace",
  legible: "'Atkinson Hyperlegible', Verdana, 'Trebuchet MS', 'DejaVu Sans', sans-serif",
};

const DARK = '--bg: #17181a; --fg: #e6e6e3; --muted: #a3a3a8; --link: #8ab4f8; --rule: #3a3b3f; --panel: #232427; color-scheme: dark;';

export const READER_CSS = `
:root { --bg: #fdfdfb; --fg: #1d1d1f; --muted: #5f5f66; --link: #0b57d0; --rule: #d9d9de; --panel: #f1f1ef; color-scheme: light; }
:root[data-theme=sepia] { --bg: #f4ecd8; --fg: #3b2f21; --muted: #6b5a45; --link: #8a4b08; --rule: #d8c8a8; --panel: #ebe0c6; }
:root[data-theme=dark] { ${DARK} }
:root[data-theme=contrast] { --bg: #000; --fg: #fff; --muted: #fff; --link: #ffea00; --rule: #fff; --panel: #000; color-scheme: dark; }
@media (prefers-color-scheme: dark) { :root[data-theme=system] { ${DARK} } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.4 ${FONT_STACKS.sans}; }
.bar { position: sticky; top: 0; display: flex; gap: 12px; align-items: center; padding: 8px 16px; background: var(--panel);
  border-bottom: 1px solid var(--rule); font-size: 14px; direction: ltr; }
.bar a { color: var(--link); }
.bar .spacer { flex: 1; }
.bar .progress { color: var(--muted); font-variant-numeric: tabular-nums; }
.page { margin: 0 auto; padding: 32px 20px 96px; max-width: calc(var(--width) * 1ch + 40px);
  font-family: var(--font); font-size: var(--size); line-height: var(--lh); letter-spacing: var(--ls); }
.page h1.title { font-size: 1.8em; line-height: 1.2; margin: 0 0 0.4em; letter-spacing: normal; }
.byline, .meta { color: var(--muted); font-size: 0.8em; margin: 0.2em 0; }
.meta a { color: inherit; }
.content { text-align: var(--align); hyphens: auto; overflow-wrap: break-word; margin-top: 1.5em; }
.content :is(h1, h2, h3, h4, h5, h6) { line-height: 1.25; text-align: start; }
.content img, .content video, .content svg { max-width: 100%; height: auto; }
.content figure { margin: 1.2em 0; }
.content figcaption { color: var(--muted); font-size: 0.85em; }
.content a { color: var(--link); }
.content pre { overflow: auto; padding: 0.8em; background: var(--panel); border-radius: 6px; font-size: 0.85em; }
.content code { font-family: ${FONT_STACKS.mono}; }
.content blockquote { margin: 1em 0; padding-inline-start: 1em; border-inline-start: 3px solid var(--rule); color: var(--muted); }
.content table { border-collapse: collapse; display: block; overflow-x: auto; }
.content :is(td, th) { border: 1px solid var(--rule); padding: 0.3em 0.6em; }
.message { margin: 20vh auto 0; max-width: 36em; padding: 0 20px; font-size: 20px; text-align: center; }
:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
@media (forced-colors: active) { .bar { border-bottom: 1px solid CanvasText; } }
`;

/** Applies settings to the page root as custom properties and a theme attribute. */
export function applySettings(root: HTMLElement, s: ReaderSettings): void {
  root.dataset.theme = s.theme;
  root.style.setProperty('--font', FONT_STACKS[s.font]);
  root.style.setProperty('--size', `${s.fontSize}px`);
  root.style.setProperty('--lh', String(s.lineHeight));
  root.style.setProperty('--width', String(s.width));
  root.style.setProperty('--ls', `${s.letterSpacing}em`);
  root.style.setProperty('--align', s.align === 'justify' ? 'justify' : 'start');
}
