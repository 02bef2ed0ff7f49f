// The library page's stylesheet. Light and dark follow the system; the reader page has its own.
export const LIBRARY_CSS = `
:root { color-scheme: light dark; --bg: #fdfdfb; --fg: #1d1d1f; --muted: #5f5f66; --link: #0b57d0; --rule: #d9d9de; --panel: #f1f1ef; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #17181a; --fg: #e6e6e3; --muted: #a3a3a8; --link: #8ab4f8; --rule: #3a3b3f; --panel: #232427; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
header { position: sticky; top: 0; z-index: 1; background: var(--panel); border-bottom: 1px solid var(--rule); padding: 12px 24px; }
header h1 { font-size: 20px; margin: 0 0 8px; }
.controls { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
input, select, button, .button { font: inherit; font-size: 14px; color: var(--fg); }
input[type=search] { flex: 1 1 280px; padding: 6px 10px; border: 1px solid var(--rule); border-radius: 6px; background: var(--bg); }
button, select, .button { background: var(--bg); border: 1px solid var(--rule); border-radius: 6px; padding: 5px 10px; cursor: pointer; }
button:hover, .button:hover { border-color: var(--muted); }
button:disabled, button:disabled:hover { opacity: 0.55; cursor: default; border-color: var(--rule); }
:focus-visible, .button:focus-within { outline: 3px solid var(--link); outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
main { max-width: 60rem; margin: 0 auto; padding: 8px 24px 96px; }
.status { color: var(--muted); font-size: 13px; }
.report { background: var(--panel); border: 1px solid var(--rule); border-radius: 6px; padding: 8px 12px; font-size: 14px; }
.report ul { margin: 6px 0 0; padding-inline-start: 20px; }
.list { list-style: none; margin: 0; padding: 0; }
.item { border-bottom: 1px solid var(--rule); padding: 14px 0; }
.item h2 { font-size: 18px; margin: 0; }
.item h2 a { color: var(--fg); text-decoration: none; }
.item h2 a:hover { color: var(--link); text-decoration: underline; }
.meta { color: var(--muted); font-size: 13px; margin: 2px 0; }
.excerpt { margin: 4px 0 8px; display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
.snippet { margin: 4px 0 8px; }
.highlights { margin: 4px 0 8px; font-size: 14px; }
.highlights summary { cursor: pointer; color: var(--muted); }
.highlights ul { list-style: none; margin: 6px 0 0; padding: 0; }
.highlights li { border-inline-start: 4px solid rgb(255, 204, 0); padding: 2px 0 2px 10px; margin: 6px 0; }
.highlights li[data-color=green] { border-color: rgb(52, 199, 89); }
.highlights li[data-color=blue] { border-color: rgb(64, 156, 255); }
.highlights li[data-color=pink] { border-color: rgb(255, 95, 170); }
.highlights blockquote { margin: 0; }
.highlights .note { margin: 2px 0 0; color: var(--muted); white-space: pre-wrap; }
.snippet mark { background: #ffe58a; color: #1d1d1f; border-radius: 2px; padding: 0 1px; }
.row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; font-size: 13px; }
.row button, .row a.source { font-size: 13px; padding: 2px 8px; }
.row a.source { color: var(--link); }
.select { display: inline-flex; gap: 4px; align-items: center; }
.spacer { flex: 1; }
.tags { display: contents; list-style: none; }
.tag { display: inline-flex; align-items: center; gap: 2px; background: var(--panel); border: 1px solid var(--rule); border-radius: 999px; padding: 0 2px 0 8px; }
.tag button { border: 0; background: none; padding: 0 6px; }
.tag-input { width: 8em; padding: 2px 6px; border: 1px dashed var(--rule); border-radius: 999px; background: var(--bg); }
.empty { color: var(--muted); text-align: center; margin: 15vh 0; font-size: 17px; }
.more { display: block; margin: 16px auto; }
.toast { position: fixed; bottom: 24px; left: 50%; transform: translateX(-50%); max-width: 90%; background: var(--fg); color: var(--bg);
  padding: 10px 16px; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.25); }
.toast button { margin-inline-start: 8px; background: var(--bg); color: var(--fg); }
[hidden] { display: none !important; }
@media (forced-colors: active) { .toast { border: 2px solid CanvasText; } }
`;
