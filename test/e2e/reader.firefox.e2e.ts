// Reader view in Firefox ESR (test build: the popup opened as a tab reaches 127.0.0.1), on the seed
// reconstruction and a few other pages: the checks Chromium runs too, written once in
// suites/reader-overlay.ts (what the reader shows, how it closes and gives the page back, what a
// page cannot do, its toolbar), suites/reader-keys.ts (its keys and keyboard scrolling, the key
// list), suites/outline.ts (`o` and the outline) and suites/reader-popup.ts (the popup's toggle,
// settings, copy and messages), the overlay read the Firefox way (helpers/firefox-overlay.ts). The
// shipped build, the toolbar button and the shortcut are in shipped.firefox.e2e.ts and
// packages.e2e.ts.
import { describe } from 'vitest';
import { useFirefox } from './helpers/use-firefox.js';
import { outlineTests } from './suites/outline.js';
import { readerKeysTests } from './suites/reader-keys.js';
import { readerOverlayTests } from './suites/reader-overlay.js';
import { readerPopupTests } from './suites/reader-popup.js';

// The reader resumes where an article was left (per address): each test opens it from the top.
const firefox = useFirefox('test', { forget: { local: ['positions'] } });

readerOverlayTests(firefox);
readerKeysTests(firefox);
describe('the outline', () => outlineTests(firefox));
readerPopupTests(firefox);
