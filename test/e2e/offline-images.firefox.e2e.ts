// Saved pictures offline in Firefox ESR (test build), in the extension's moz-extension:// origin:
// the steps of suites/offline-images.ts.
import { useFirefox } from './helpers/use-firefox.js';
import { offlineImageTests } from './suites/offline-images.js';

offlineImageTests(useFirefox('test'));
