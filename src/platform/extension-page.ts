// Extension pages' way to the extension APIs (popup, library, offline reader): the polyfill, and
// the services built over it. The content script builds the same services over the native API
// instead (content-script.ts), to keep the polyfill out of its bundle.
import browser from './polyfill';
import { extensionServices, type ServicesApi } from './services';

export { browser };
export const { runtimeAlive, sendToBackground, settingsStore, zapStore } = extensionServices(browser as unknown as ServicesApi);
