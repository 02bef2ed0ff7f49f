// The saved-articles library in real headless Chromium (test build): the steps of
// suites/library.ts (save, search and a typo's marked snippet, offline reader, delete and undo,
// EPUB and JSON exports as real downloads, wipe, import).
import { useChromium } from './helpers/use-chromium.js';
import { libraryTests } from './suites/library.js';

libraryTests(useChromium('chrome-test'));
