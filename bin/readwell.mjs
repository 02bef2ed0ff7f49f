#!/usr/bin/env node
// The `readwell` command. The CLI is TypeScript bundled by `npm run build` into dist/cli.
import { existsSync } from 'node:fs';
const entry = new URL('../dist/cli/readwell.mjs', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('readwell: not built yet. Run `npm run build` in the Readwell folder first.\n');
  process.exit(2);
}
await import(entry.href);
