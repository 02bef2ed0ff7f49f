// How highlights, their bar and their editor look, in the offline reader and in the overlay alike
// (both use the reader's palette variables). Translucent colours, so the words read the same in
// every theme; in forced colours, the system's own highlight colours.

/** `sans`: the interface font stack of the page the bar and editor are in. */
export function highlightCss(sans: string): string {
  return `
mark.hl { color: inherit; border-radius: 2px; cursor: pointer; background: rgba(255, 204, 0, 0.45); }
mark.hl[data-color=green] { background: rgba(52, 199, 89, 0.35); }
mark.hl[data-color=blue] { background: rgba(64, 156, 255, 0.35); }
mark.hl[data-color=pink] { background: rgba(255, 95, 170, 0.35); }
mark.hl[data-note] { text-decoration: underline dotted; text-underline-offset: 3px; }
mark.hl:focus-visible { outline: 2px solid var(--link); outline-offset: 1px; }
.hl-bar, .hl-editor { position: absolute; z-index: 10; display: flex; gap: 6px; align-items: center; padding: 6px 8px; background: var(--panel);
  color: var(--fg); border: 1px solid var(--rule); border-radius: 8px; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.18); font: 14px/1.3 ${sans}; }
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
`;
}
