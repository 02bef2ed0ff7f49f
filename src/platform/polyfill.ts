// The only import of the WebExtension polyfill, and the service worker's way to the extension
// APIs. Extension pages reach it through extension-page.ts; the content script never loads it
// (content-script.ts), and neither do the core, the shared logic or the tests.
import browser from 'webextension-polyfill';

export default browser;
export type { Runtime, Tabs } from 'webextension-polyfill';
