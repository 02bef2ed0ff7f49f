// The only import of the WebExtension polyfill. Everything else reaches extension APIs through
// this module (and mostly through messages.ts and storage.ts), so the core, the shared logic and
// the tests never load it.
import browser from 'webextension-polyfill';

export default browser;
export type { Runtime, Tabs } from 'webextension-polyfill';
