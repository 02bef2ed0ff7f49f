// The saved-articles library in Firefox ESR (test build), where it lives in IndexedDB in the
// extension's moz-extension:// origin: the steps of suites/library.ts, downloads saved by
// Firefox to a folder (helpers/firefox.ts).
import { useFirefox } from './helpers/use-firefox.js';
import { libraryTests } from './suites/library.js';

libraryTests(useFirefox('test'));
