// `npm test`: every check, in order, each reported; the last line is the total in the plain
// "N passed, N failed" form CI reads. Steps: build (with the test build), type check, unit tests
// (vitest, jsdom), the store packages (the browser suite installs them), browser tests (Chromium
// and Firefox, vitest.e2e.config.ts; each browser's count on its own line too), web-ext lint of
// the Firefox package.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, 'test-artifacts', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;
const lines = [];

function run(name, cmd, args, { report } = {}) {
  const started = Date.now();
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (report && existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests + (res.status !== 0 && r.numFailedTests === 0 ? 1 : 0);
    lines.push(`${name}: ${r.numPassedTests} passed, ${r.numFailedTests} failed (${seconds} s)`);
  } else if (res.status === 0) {
    passed += 1;
    lines.push(`${name}: ok (${seconds} s)`);
  } else {
    failed += 1;
    lines.push(`${name}: FAILED with exit ${res.status ?? res.signal} (${seconds} s)`);
  }
  return res.status === 0;
}

/**
 * The browser suite's counts split by browser, from its JSON report: *.firefox.e2e.ts runs in
 * Firefox and *.chromium.e2e.ts in Chromium; in the other files (manifests, packages) the test's
 * name says which browser, if any.
 */
function perBrowser(report) {
  if (!existsSync(report)) return [];
  const counts = new Map([['Chromium', [0, 0]], ['Firefox', [0, 0]], ['no browser', [0, 0]]]);
  for (const file of JSON.parse(readFileSync(report, 'utf8')).testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      const name = t.fullName ?? t.title ?? '';
      const browser = /\.firefox\.e2e\.ts$/.test(file.name) || (!/\.chromium\.e2e\.ts$/.test(file.name) && /\bFirefox\b/.test(name)) ? 'Firefox'
        : /\.chromium\.e2e\.ts$/.test(file.name) || /\bChrom(e|ium)\b/.test(name) ? 'Chromium' : 'no browser';
      const c = counts.get(browser);
      if (t.status === 'passed') c[0] += 1;
      else if (t.status === 'failed') c[1] += 1;
    }
  }
  return [...counts].filter(([, [p, f]]) => p + f > 0).map(([b, [p, f]]) => `  of which ${b}: ${p} passed, ${f} failed`);
}

const npx = (bin, ...args) => [join(root, 'node_modules', '.bin', bin), args];
const vitest = (name, config) => {
  const report = join(reports, `${name}.json`);
  const args = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  if (config) args.push('--config', config);
  return run(name, ...npx('vitest', ...args), { report });
};

if (run('build', 'node', ['scripts/build.mjs', '--test'])) {
  run('typecheck', ...npx('tsc', '--noEmit'));
  vitest('unit');
  run('package', 'node', ['scripts/package.mjs']);
  if (existsSync(join(root, 'vitest.e2e.config.ts'))) {
    vitest('browser', 'vitest.e2e.config.ts');
    lines.push(...perBrowser(join(reports, 'browser.json')));
  }
  run('firefox lint', 'node', ['scripts/lint-firefox.mjs']);
}

console.log('\n' + lines.join('\n'));
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
