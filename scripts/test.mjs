// `npm test`: every check, in order, each reported; the last line is the total in the plain
// "N passed, N failed" form CI reads. Steps: build (with the test build), type check, unit tests
// (vitest, jsdom), browser tests (Chromium and Firefox, vitest.e2e.config.ts), web-ext lint.
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
  if (existsSync(join(root, 'vitest.e2e.config.ts'))) vitest('browser', 'vitest.e2e.config.ts');
  run('firefox lint', 'node', ['scripts/lint-firefox.mjs']);
}

console.log('\n' + lines.join('\n'));
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
