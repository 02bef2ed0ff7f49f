// README.md promises keys; these checks keep the promise true: the toggle's default shortcut is
// the manifest's, and the reader's key list names every key the reader's "?" list names.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEY_LIST } from '../src/content/keys';

const root = join(__dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));

describe('README keys', () => {
  it("names the manifest's default toggle shortcut", () => {
    const suggested: string = manifest.commands['toggle-reader'].suggested_key.default;
    expect(readme).toContain(`shortcut (${suggested} by default)`);
  });

  it('lists every reader key the "?" list shows', () => {
    const section = readme.slice(readme.indexOf('**Keys in the reader**'), readme.indexOf('- **The shortcut**'));
    expect(section.length).toBeGreaterThan(0);
    const named = [...section.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    expect(new Set(named)).toEqual(new Set(KEY_LIST.flatMap(([labels]) => labels)));
  });
});
