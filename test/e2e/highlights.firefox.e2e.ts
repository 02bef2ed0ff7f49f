// Highlights and notes in Firefox ESR (test build): the steps of suites/highlights.ts.
import { useFirefox } from './helpers/use-firefox.js';
import { highlightTests } from './suites/highlights.js';

highlightTests(useFirefox('test'));
