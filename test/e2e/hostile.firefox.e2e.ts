// The hostile corpus (test/fixtures/hostile, issue 5) in Firefox ESR, where it differs from
// Chromium exactly where the promises live: when handlers on an inert copy fire, how its parser
// nests SVG and MathML, focus and autofocus, and what extension pages allow. The checks of
// suites/hostile-corpus.ts and suites/hostile-limits.ts, as in hostile.chromium.e2e.ts, but for
// the two pages whose defence is engine-independent string work (`embed-lookalike`,
// `metadata-jsonld`): the flag watch is a BiDi preload script, CSP reports come from Firefox's
// console service (helpers/firefox-chrome.ts).
import { useFirefox } from './helpers/use-firefox.js';
import { hostileCorpusTests, useHostileTabs } from './suites/hostile-corpus.js';
import { hostileLimitsTests } from './suites/hostile-limits.js';

const firefox = useFirefox('test');
const tabs = useHostileTabs(firefox);
hostileCorpusTests(firefox, tabs, { skipEngineIndependent: true });
hostileLimitsTests(firefox, tabs);
