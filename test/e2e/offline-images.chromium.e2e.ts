// Saved pictures offline in real headless Chromium (test build): the steps of suites/offline-images.ts.
import { useChromium } from './helpers/use-chromium.js';
import { offlineImageTests } from './suites/offline-images.js';

offlineImageTests(useChromium('chrome-test'));
