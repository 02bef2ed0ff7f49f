// The offline reader's stylesheet and the mapping from reader settings to it. The same themes,
// fonts and measures as the overlay (same palette values), written for a whole page rather than
// a shadow root. The shared parts (palettes, article typography) live in shared/reader-theme.ts.
import { ARTICLE_CSS, FONT_STACKS, themeCss } from '../shared/reader-theme';
import { fontFaceCss } from '../shared/fonts';
import { highlightCss } from '../shared/highlight-style';

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
${highlightCss(FONT_STACKS.sans)}
.media-note img { display: block; max-width: 100%; height: auto; margin-bottom: 0.4em; }
@media (forced-colors: active) { .bar { border-bottom: 1px solid CanvasText; } }
`;
