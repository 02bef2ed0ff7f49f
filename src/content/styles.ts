// The overlay's stylesheet. It lives in a closed shadow root and is adopted as a constructed
// CSSStyleSheet, which a page's CSP (style-src) cannot block the way it can block a <style>
// element or inline styles. `:host { all: initial }` plus !important on the host's box keeps page
// CSS from leaking in or hiding the overlay (inner !important beats outer !important).
import { ARTICLE_CSS, FONT_STACKS, themeCss } from '../shared/reader-theme';
import { highlightCss } from '../shared/highlight-style';

export { applySettings } from '../shared/reader-theme';

export const CSS = `
:host { all: initial !important; position: fixed !important; inset: 0 !important; z-index: 2147483647 !important;
  display: block !important; width: 100vw !important; height: 100vh !important; margin: 0 !important;
  transform: none !important; opacity: 1 !important; visibility: visible !important; pointer-events: auto !important; }
* { box-sizing: border-box; }
${themeCss('.dialog')}
.dialog { position: fixed; inset: 0; width: 100%; height: 100%; max-width: none; max-height: none; margin: 0; padding: 0;
  border: 0; overflow: hidden; flex-direction: column; background: var(--bg); color: var(--fg);
  font-family: ${FONT_STACKS.sans}; font-size: 16px; line-height: 1.4; }
.dialog[open] { display: flex; }
/* The dialog covers the viewport in the top layer; its backdrop would only flash. */
.dialog::backdrop { background: transparent; }
.toolbar { display: flex; flex-wrap: wrap; gap: 6px 5px; align-items: center; padding: 6px 10px;
  background: var(--panel); border-bottom: 1px solid var(--rule); direction: ltr; }
.toolbar label { display: inline-flex; gap: 3px; align-items: center; font-size: 13px; color: var(--muted); }
.toolbar .group { display: inline-flex; gap: 4px; align-items: center; }
.toolbar .spacer { flex: 1; }
.speech { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; padding: 6px 10px;
  background: var(--panel); border-bottom: 1px solid var(--rule); direction: ltr; }
.speech[hidden] { display: none; }
.speech label { display: inline-flex; gap: 4px; align-items: center; font-size: 13px; color: var(--muted); }
.speech select { max-width: 16rem; }
.speech input[type=range] { width: 80px; }
.speech .value { min-width: 2.6em; font-variant-numeric: tabular-nums; }
.speech-status { font-size: 13px; color: var(--muted); }
.zap-bar { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; padding: 6px 10px; font-size: 13px;
  background: var(--panel); border-bottom: 1px solid var(--rule); }
.zap-bar[hidden] { display: none; }
.zap-hint { flex: 1 1 24rem; }
.zap-status { flex: 1 1 12rem; color: var(--muted); overflow-wrap: anywhere; }
.content.zapping { cursor: crosshair; }
.content.zapping .rw-zap-target { outline: 2px dashed var(--link); outline-offset: 3px; border-radius: 2px;
  background: color-mix(in srgb, var(--link) 8%, transparent); }
@media (forced-colors: active) { .content.zapping .rw-zap-target { outline-color: Highlight; } }
/* The block and the sentence being read aloud: a rule beside the paragraph, a tint under the sentence. */
.content .rw-speaking { box-shadow: -10px 0 0 -6px var(--link); }
.content .rw-spoken { background: color-mix(in srgb, var(--link) 22%, transparent); border-radius: 2px; }
@media (forced-colors: active) { .content .rw-spoken { background: Highlight; color: HighlightText; } }
button, select, input { font: inherit; font-size: 13px; color: var(--fg); }
button, select { background: var(--bg); border: 1px solid var(--rule); border-radius: 6px; padding: 4px 5px; cursor: pointer; }
button:hover { border-color: var(--muted); }
button:disabled, select:disabled, input:disabled { opacity: .45; cursor: default; }
button:disabled:hover { border-color: var(--rule); }
input[type=range] { width: 34px; accent-color: var(--link); }
/* The value beside each slider, small so the toolbar stays one row at 1280 px. */
.range-value { font-size: 12px; font-variant-numeric: tabular-nums; color: var(--fg); }
.icon-button { display: inline-flex; align-items: center; justify-content: center; padding: 4px 6px; }
.icon { display: block; width: 16px; height: 16px; }
.main { flex: 1; min-height: 0; display: flex; position: relative; }
.scroller { flex: 1; overflow: auto; overscroll-behavior: contain; scroll-behavior: smooth; }
/* Headings and notes the outline or a #link moved focus to: a place to read on from, not a control. */
.content [tabindex="-1"]:focus { outline: none; }
.status { flex: none; display: flex; align-items: center; gap: 12px; padding: 4px 14px; background: var(--bg);
  border-top: 1px solid var(--rule); color: var(--muted); font-size: 12px; direction: ltr; }
.removed-toggle { flex: none; font-size: 12px; padding: 1px 8px; color: var(--muted); }
.removed { position: relative; flex: none; width: 24rem; overflow: auto; overscroll-behavior: contain;
  padding: 12px 14px 24px; background: var(--panel); border-left: 1px solid var(--rule); }
@media (max-width: 63.99em) { .removed { position: absolute; inset: 0 0 0 auto; z-index: 2; width: min(24rem, 92%); box-shadow: -4px 0 24px rgba(0,0,0,.18); } }
.content .rw-restored { animation: rw-restored 2.4s ease-out; border-radius: 3px; }
@keyframes rw-restored { from, 40% { background: color-mix(in srgb, var(--link) 18%, transparent); box-shadow: 0 0 0 6px color-mix(in srgb, var(--link) 18%, transparent); } }
.removed[hidden] { display: none; }
.removed-head { display: flex; align-items: center; justify-content: space-between; gap: 8px; margin-bottom: 6px; }
.removed-head h2 { margin: 0; font-size: 13px; font-weight: 600; letter-spacing: .06em; text-transform: uppercase; color: var(--muted); }
.removed-group { border-top: 1px solid var(--rule); padding: 6px 0; }
.removed-group summary { display: flex; justify-content: space-between; gap: 8px; cursor: pointer; padding: 4px 2px; font-size: 14px; }
.removed-count { color: var(--muted); font-variant-numeric: tabular-nums; }
.removed-group ul { list-style: none; margin: 4px 0 8px; padding: 0; }
.removed-group li { display: flex; align-items: baseline; justify-content: space-between; gap: 8px; padding: 3px 0; font-size: 13px; }
.removed-text { overflow-wrap: anywhere; }
.removed-note { color: var(--muted); }
.removed-show { flex: none; font-size: 12px; padding: 1px 8px; }
.progress { flex: 1; height: 4px; border-radius: 2px; background: var(--rule); overflow: hidden; }
.progress-fill { height: 100%; background: var(--link); transform-origin: 0 0; transform: scaleX(var(--progress, 0)); }
.place { min-width: 7.5em; text-align: right; white-space: nowrap; }
.outline { position: relative; flex: none; width: 17rem; overflow: auto; overscroll-behavior: contain; padding: 18px 10px 24px 12px;
  background: var(--panel); border-right: 1px solid var(--rule); }
.outline[hidden] { display: none; }
.outline-title { margin: 0 0 8px 11px; font-size: 12px; font-weight: 600; letter-spacing: .06em; text-transform: uppercase; color: var(--muted); }
.outline ol { list-style: none; margin: 0; padding: 0; }
.outline-item { display: block; width: 100%; margin: 1px 0; padding: 5px 8px; border: 0; border-left: 3px solid transparent; border-radius: 0 5px 5px 0;
  background: none; color: var(--muted); font-size: 14px; line-height: 1.35; text-align: start; }
.outline-item:hover { color: var(--fg); }
.outline-item[data-depth="0"] { color: var(--fg); font-weight: 600; }
.outline-item[data-depth="2"] { padding-left: 22px; }
.outline-item[data-depth="3"] { padding-left: 36px; font-size: 13px; }
.outline-item[aria-current] { color: var(--fg); background: var(--bg); border-left-color: var(--link); font-weight: 600; }
@media (max-width: 47.99em) { .outline { position: absolute; inset: 0 auto 0 0; z-index: 1; width: min(20rem, 85%); box-shadow: 4px 0 24px rgba(0,0,0,.25); } }
${ARTICLE_CSS}
${highlightCss(FONT_STACKS.sans)}
.scroller { position: relative; }
.toast { position: absolute; bottom: 24px; left: 50%; transform: translateX(-50%); max-width: 90%;
  background: var(--fg); color: var(--bg); padding: 10px 16px; border-radius: 8px; font-size: 14px;
  box-shadow: 0 4px 16px rgba(0,0,0,.25); animation: rise 160ms ease-out; }
.toast[hidden] { display: none; }
@keyframes rise { from { opacity: 0; transform: translate(-50%, 8px); } }
.help { position: absolute; inset: 0; display: grid; place-items: center; padding: 16px; background: rgba(0,0,0,.35); }
.help[hidden] { display: none; }
.help-box { position: relative; width: min(30em, 100%); max-height: 100%; overflow: auto; padding: 20px 24px;
  background: var(--bg); color: var(--fg); border: 1px solid var(--rule); border-radius: 10px; box-shadow: 0 8px 32px rgba(0,0,0,.3); }
.help-box:focus { outline: none; }
.help h2 { margin: 0 0 14px; font-size: 18px; }
.help-close { position: absolute; top: 14px; right: 16px; }
.help dl { display: grid; grid-template-columns: max-content 1fr; gap: 8px 18px; margin: 0; font-size: 14px; align-items: baseline; }
.help dd { margin: 0; }
kbd { display: inline-block; min-width: 1.6em; padding: 1px 6px; text-align: center; font: 500 12px/1.5 ${FONT_STACKS.sans};
  background: var(--panel); border: 1px solid var(--rule); border-bottom-width: 2px; border-radius: 4px; }
.help-note { margin: 16px 0 0; color: var(--muted); font-size: 13px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (prefers-reduced-motion: reduce) { .scroller { scroll-behavior: auto; } .toast { animation: none; } }
@media (forced-colors: active) {
  button, select { border: 1px solid ButtonText; background: ButtonFace; color: ButtonText; forced-color-adjust: auto; }
  .toast { border: 2px solid CanvasText; background: Canvas; color: CanvasText; }
  .progress-fill { background: Highlight; forced-color-adjust: none; }
  .outline-item[aria-current] { border-left-color: Highlight; }
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
