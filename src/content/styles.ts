// The overlay's stylesheet. It lives in a closed shadow root and is adopted as a constructed
// CSSStyleSheet, which a page's CSP (style-src) cannot block the way it can block a <style>
// element or inline styles. `:host { all: initial }` plus !important on the host's box keeps page
// CSS from leaking in or hiding the overlay (inner !important beats outer !important).
import type { ReaderSettings } from '../shared/settings';

export const FONT_STACKS: Record<ReaderSettings['font'], string> = {
  serif: "Charter, 'Iowan Old Style', Georgia, Cambria, 'Times New Roman', serif",
  sans: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  mono: "ui-monospace, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace",
  legible: "'Atkinson Hyperlegible', Verdana, 'Trebuchet MS', 'DejaVu Sans', sans-serif",
};

export const CSS = `
:host { all: initial !important; position: fixed !important; inset: 0 !important; z-index: 2147483647 !important;
  display: block !important; width: 100vw !important; height: 100vh !important; margin: 0 !important;
  transform: none !important; opacity: 1 !important; visibility: visible !important; pointer-events: auto !important; }
* { box-sizing: border-box; }
.dialog { --bg: #fdfdfb; --fg: #1d1d1f; --muted: #5f5f66; --link: #0b57d0; --rule: #d9d9de; --panel: #f1f1ef;
  position: absolute; inset: 0; display: flex; flex-direction: column; background: var(--bg); color: var(--fg);
  font-family: ${FONT_STACKS.sans}; font-size: 16px; line-height: 1.4; color-scheme: light; }
.dialog[data-theme=sepia] { --bg: #f4ecd8; --fg: #3b2f21; --muted: #6b5a45; --link: #8a4b08; --rule: #d8c8a8; --panel: #ebe0c6; }
.dialog[data-theme=dark] { --bg: #17181a; --fg: #e6e6e3; --muted: #a3a3a8; --link: #8ab4f8; --rule: #3a3b3f; --panel: #232427; color-scheme: dark; }
.dialog[data-theme=contrast] { --bg: #000; --fg: #fff; --muted: #fff; --link: #ffea00; --rule: #fff; --panel: #000; color-scheme: dark; }
@media (prefers-color-scheme: dark) {
  .dialog[data-theme=system] { --bg: #17181a; --fg: #e6e6e3; --muted: #a3a3a8; --link: #8ab4f8; --rule: #3a3b3f; --panel: #232427; color-scheme: dark; }
}
.toolbar { display: flex; flex-wrap: wrap; gap: 6px 8px; align-items: center; padding: 6px 12px;
  background: var(--panel); border-bottom: 1px solid var(--rule); direction: ltr; }
.toolbar label { display: inline-flex; gap: 6px; align-items: center; font-size: 13px; color: var(--muted); }
.toolbar .group { display: inline-flex; gap: 4px; align-items: center; }
.toolbar .spacer { flex: 1; }
button, select, input { font: inherit; font-size: 13px; color: var(--fg); }
button, select { background: var(--bg); border: 1px solid var(--rule); border-radius: 6px; padding: 4px 8px; cursor: pointer; }
button:hover { border-color: var(--muted); }
input[type=range] { width: 64px; accent-color: var(--link); }
:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
.scroller { flex: 1; overflow: auto; overscroll-behavior: contain; scroll-behavior: smooth; }
.page { margin: 0 auto; padding: 32px 20px 96px; max-width: calc(var(--width) * 1ch + 40px);
  font-family: var(--font); font-size: var(--size); line-height: var(--lh); letter-spacing: var(--ls); }
.page h1.title { font-size: 1.8em; line-height: 1.2; margin: 0 0 0.4em; letter-spacing: normal; }
.byline, .meta { color: var(--muted); font-size: 0.8em; margin: 0.2em 0; }
.content { text-align: var(--align); hyphens: auto; overflow-wrap: break-word; margin-top: 1.5em; }
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
.toast { position: absolute; bottom: 24px; left: 50%; transform: translateX(-50%); max-width: 90%;
  background: var(--fg); color: var(--bg); padding: 10px 16px; border-radius: 8px; font-size: 14px;
  box-shadow: 0 4px 16px rgba(0,0,0,.25); animation: rise 160ms ease-out; }
.toast[hidden] { display: none; }
@keyframes rise { from { opacity: 0; transform: translate(-50%, 8px); } }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (prefers-reduced-motion: reduce) { .scroller { scroll-behavior: auto; } .toast { animation: none; } }
@media (forced-colors: active) {
  .dialog { --bg: Canvas; --fg: CanvasText; --muted: CanvasText; --link: LinkText; --rule: CanvasText; --panel: Canvas; }
  button, select { border: 1px solid ButtonText; background: ButtonFace; color: ButtonText; forced-color-adjust: auto; }
  .toast { border: 2px solid CanvasText; background: Canvas; color: CanvasText; }
}
`;

/** Adopts the sheet; a <style> inside the shadow root only where constructable sheets are missing. */
export function adoptStyles(root: ShadowRoot, css: string = CSS): void {
  const view = root.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  if (view && 'adoptedStyleSheets' in root && typeof view.CSSStyleSheet === 'function') {
    try {
      const sheet = new view.CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
      return;
    } catch {
      // Older engines throw on the constructor: fall through to <style>.
    }
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = css;
  root.appendChild(style);
}

/** Settings become custom properties on the dialog, so a change restyles without a rebuild. */
export function applySettings(dialog: HTMLElement, s: ReaderSettings): void {
  dialog.dataset.theme = s.theme;
  const st = dialog.style;
  st.setProperty('--font', FONT_STACKS[s.font]);
  st.setProperty('--size', `${s.fontSize}px`);
  st.setProperty('--lh', String(s.lineHeight));
  st.setProperty('--width', String(s.width));
  st.setProperty('--ls', `${s.letterSpacing}em`);
  st.setProperty('--align', s.align === 'justify' ? 'justify' : 'start');
}
