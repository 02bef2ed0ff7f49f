// The shipped builds ask for no host permissions and inject nothing by default; only the test
// build (dist/chrome-test) may reach 127.0.0.1, and only that.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, type Launched } from './helpers/chromium.js';
import { repoRoot } from './helpers/server.js';

const manifest = (build: string) => JSON.parse(readFileSync(join(repoRoot, 'dist', build, 'manifest.json'), 'utf8'));

describe('built manifests', () => {
  test.each(['chrome', 'firefox'])('dist/%s has no host permissions and no always-on content script', (build) => {
    const m = manifest(build);
    expect(m.host_permissions).toBeUndefined();
    expect(m.optional_host_permissions ?? []).toEqual([]);
    expect(m.content_scripts).toBeUndefined();
    expect(m.permissions).toContain('activeTab');
    for (const p of m.permissions as string[]) expect(p).not.toMatch(/[:/*]|^<all_urls>$|^tabs$/);
  });

  test('dist/chrome-test adds only http://127.0.0.1/*', () => {
    const shipped = manifest('chrome');
    const testBuild = manifest('chrome-test');
    expect(testBuild.host_permissions).toEqual(['http://127.0.0.1/*']);
    expect(testBuild.permissions).toEqual(shipped.permissions);
  });
});

describe('dist/chrome loaded in Chromium', () => {
  let l: Launched;
  beforeAll(async () => {
    l = await launchChromium('chrome');
  });
  afterAll(async () => {
    await l?.close();
  });

  test('holds no host permissions once installed', async () => {
    const perms = await l.sw.evaluate(() => (globalThis as unknown as { chrome: { permissions: { getAll(): Promise<{ origins?: string[]; permissions?: string[] }> } } }).chrome.permissions.getAll());
    expect(perms.origins ?? []).toEqual([]);
    expect(perms.permissions).toContain('activeTab');
  });
});
