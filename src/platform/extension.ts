// The extension-bound services for extension pages (popup, library, offline reader), over the
// polyfill. The content script builds the same services over the native API instead
// (native-browser.ts), to keep the polyfill out of its bundle.
import browser from './browser';
import { extensionServices, type ServicesApi } from './services';

export const { runtimeAlive, sendToBackground, settingsStore } = extensionServices(browser as unknown as ServicesApi);
