// Highlights and notes in real headless Chromium (test build): the steps of suites/highlights.ts.
import { useChromium } from './helpers/use-chromium.js';
import { highlightTests } from './suites/highlights.js';

highlightTests(useChromium('chrome-test'));
