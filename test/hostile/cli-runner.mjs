// Runs the built `readwell` CLI bundle many times in one Node process, so a hundred runs do not
// each pay for starting Node and loading jsdom. Every run imports the bundle afresh (a new module
// instance), with its own process.argv, captured stdout/stderr and exit code: the same code path
// as `readwell extract …`, minus the process boundary (cli.test.ts spawns real processes too).
//   node cli-runner.mjs CLI_BUNDLE JOBS.json RESULTS.json
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [cli, jobsFile, outFile] = process.argv.slice(2);
const jobs = JSON.parse(readFileSync(jobsFile, 'utf8'));
const results = [];
const realOut = process.stdout.write;
const realErr = process.stderr.write;
for (const [i, job] of jobs.entries()) {
  let stdout = '';
  let stderr = '';
  process.stdout.write = (chunk) => ((stdout += chunk), true);
  process.stderr.write = (chunk) => ((stderr += chunk), true);
  process.argv = [process.argv[0], cli, ...job.args];
  process.exitCode = undefined;
  const started = performance.now();
  try {
    await import(`${pathToFileURL(cli).href}?run=${i}`);
    while (process.exitCode === undefined) await new Promise((r) => setImmediate(r));
  } catch (err) {
    stderr += `runner: ${err}`;
    process.exitCode = 99;
  }
  process.stdout.write = realOut;
  process.stderr.write = realErr;
  results.push({ ...job, code: process.exitCode, stdout, stderr, ms: Math.round(performance.now() - started) });
}
process.exitCode = 0;
writeFileSync(outFile, JSON.stringify(results));
