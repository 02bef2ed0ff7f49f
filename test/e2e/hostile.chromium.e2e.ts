// The hostile corpus (test/fixtures/hostile, issue 5) through the built extension in real headless
// Chromium: the checks of suites/hostile-corpus.ts (every script-execution and metadata page
// through the overlay, a save, the offline reader and a copy-paste of the HTML, with nothing
// running and nothing navigating; the hidden text only a browser can see) and
// suites/hostile-limits.ts (huge and deep pages, messages from the page). UI redress is in
// hostile-redress.chromium.e2e.ts, lifecycle in hostile-lifecycle.chromium.e2e.ts.
import { useChromium } from './helpers/use-chromium.js';
import { hostileCorpusTests, useHostileTabs } from './suites/hostile-corpus.js';
import { hostileLimitsTests } from './suites/hostile-limits.js';

const chromium = useChromium('chrome-test', { clipboard: true });
const tabs = useHostileTabs(chromium);
hostileCorpusTests(chromium, tabs);
hostileLimitsTests(chromium, tabs);
