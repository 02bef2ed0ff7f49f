// Runs before anything else in content.js (index.ts imports it first). The content script's
// world shares the page's DOM, and Chrome installs the extension APIs on whatever `chrome` names
// there: a page with `<form id="chrome"><input name="runtime">` makes `chrome.runtime` its own
// <input>, and the polyfill then refuses to load, so reader view could not open. Chrome also
// gives this world a separate `browser` namespace; when `chrome` is clobbered and `browser` is
// whole, an own `chrome` property pointing at it shadows the page's element (named access only
// answers where no own property exists).
const scope = globalThis as unknown as { chrome?: { runtime?: { id?: unknown } }; browser?: { runtime?: { id?: unknown } } };
const idOf = (ns: { runtime?: { id?: unknown } } | undefined) => {
  try {
    return typeof ns?.runtime?.id === 'string' && ns.runtime.id !== '' ? ns.runtime.id : null;
  } catch {
    return null;
  }
};
if (!idOf(scope.chrome) && idOf(scope.browser)) {
  Object.defineProperty(globalThis, 'chrome', { value: scope.browser, configurable: true, writable: true });
}
export {};
