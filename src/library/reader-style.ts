// The offline reader's stylesheet and the mapping from reader settings to it. The same themes,
// fonts and measures as the overlay (same palette values), written for a whole page rather than
// a shadow root. The shared parts (palettes, article typography) live in shared/reader-theme.ts.
import { ARTICLE_CSS, FONT_STACKS, themeCss } from '../shared/reader-theme';
import { fontFaceCss } from '../shared/fonts';

export { applySettings } from '../shared/reader-theme';

export const READER_CSS = `
${fontFaceCss('fonts/')}
${themeCss(':root')}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.4 ${FONT_STACKS.sans}; }
.bar { position: sticky; top: 0; display: flex; gap: 12px; align-items: center; padding: 8px 16px; background: var(--panel);
  border-bottom: 1px solid var(--rule); font-size: 14px; direction: ltr; }
.bar a { color: var(--link); }
.bar .spacer { flex: 1; }
.bar .progress { color: var(--muted); font-variant-numeric: tabular-nums; }
${ARTICLE_CSS}
.missing-image { display: block; margin: 1em 0; padding: 0.6em 0.8em; border: 1px dashed var(--rule); color: var(--muted); font-size: 0.85em; }
.bar .status { color: var(--muted); margin-left: 8px; }
mark.hl { color: inherit; border-radius: 2px; cursor: pointer; background: rgba(255, 204, 0, 0.45); }
mark.hl[data-color=green] { background: rgba(52, 199, 89, 0.35); }
mark.hl[data-color=blue] { background: rgba(64, 156, 255, 0.35); }
mark.hl[data-color=pink] { background: rgba(255, 95, 170, 0.35); }
mark.hl[data-note] { text-decoration: underline dotted; text-underline-offset: 3px; }
mark.hl:focus-visible { outline: 2px solid var(--link); outline-offset: 1px; }
.hl-bar, .hl-editor { position: absolute; z-index: 10; display: flex; gap: 6px; align-items: center; padding: 6px 8px; background: var(--panel);
  color: var(--fg); border: 1px solid var(--rule); border-radius: 8px; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.18); font: 14px/1.3 ${FONT_STACKS.sans}; }
.hl-bar[hidden] { display: none; }
.hl-editor { flex-direction: column; align-items: stretch; width: 300px; }
.hl-swatches, .hl-actions { display: flex; gap: 6px; }
.hl-swatch { width: 26px; height: 26px; border-radius: 50%; border: 1px solid var(--rule); background: rgb(255, 204, 0); cursor: pointer; }
.hl-swatch[data-color=green] { background: rgb(52, 199, 89); }
.hl-swatch[data-color=blue] { background: rgb(64, 156, 255); }
.hl-swatch[data-color=pink] { background: rgb(255, 95, 170); }
.hl-swatch[aria-pressed=true] { outline: 2px solid var(--fg); outline-offset: 2px; }
.hl-note { font: inherit; width: 100%; resize: vertical; background: var(--bg); color: var(--fg); border: 1px solid var(--rule); border-radius: 4px; padding: 4px; }
.hl-bar button:not(.hl-swatch), .hl-actions button { font: inherit; padding: 3px 10px; border: 1px solid var(--rule); border-radius: 4px; background: var(--bg); color: var(--fg); cursor: pointer; }
@media (forced-colors: active) { mark.hl { forced-color-adjust: none; background: Mark; color: MarkText; } }
.media-note img { display: block; max-width: 100%; height: auto; margin-bottom: 0.4em; }
@media (forced-colors: active) { .bar { border-bottom: 1px solid CanvasText; } }
`;
