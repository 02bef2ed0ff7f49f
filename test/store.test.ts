// The store listing material (store/) says what the code does; these checks keep it so when the
// code changes: the summary fits both stores, every permission the manifest asks for (and no
// other) is justified, the privacy statement names the storage the code really uses, and the
// screenshots are the size the Chrome Web Store asks for.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DB_NAME } from '../src/platform/article-store';
import { SETTINGS_KEY } from '../src/platform/settings-store';
import { POSITIONS_KEY } from '../src/platform/position-store';
import { MAX_POSITIONS } from '../src/shared/reading-position';

const root = join(__dirname, '..');
const store = (f: string) => readFileSync(join(root, 'store', f), 'utf8');
const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));

describe('store listing material', () => {
  it('has a summary short enough for both stores (Chrome 132 characters, AMO 250)', () => {
    const summary = store('short-description.txt').trim();
    expect(summary.length).toBeGreaterThan(40);
    expect([...summary].length).toBeLessThanOrEqual(132);
    expect(summary).not.toMatch(/\n/);
  });

  it("names the manifest's default shortcut in the description", () => {
    expect(store('description.txt')).toContain(manifest.commands['toggle-reader'].suggested_key.default);
  });

  it('justifies exactly the permissions the manifest asks for, and claims no host permissions', () => {
    const rows = [...store('permissions.md').matchAll(/^\| `([a-zA-Z]+)` \|/gm)].map((m) => m[1]);
    expect(rows.sort()).toEqual([...manifest.permissions].sort());
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toBeUndefined();
  });

  it('says in the privacy statement where settings and articles really are', () => {
    const privacy = store('privacy.md');
    // Settings: platform/services.ts binds the settings store to storage.sync.
    expect(readFileSync(join(root, 'src/platform/services.ts'), 'utf8')).toContain('createSettingsStore(api.storage.sync');
    expect(privacy).toContain('`storage.sync`');
    // SECURITY.md once said nothing is synced: it must name the synced area too.
    expect(readFileSync(join(root, 'SECURITY.md'), 'utf8')).toMatch(/settings[^.]*live in `storage\.sync`, which the browser's own\s+sync copies/);
    expect(privacy).toContain(`\`${SETTINGS_KEY}\``);
    // Reading positions: the position store on storage.local, bounded, keyed by hashes.
    expect(readFileSync(join(root, 'src/platform/services.ts'), 'utf8')).toContain('createPositionStore(api.storage.local');
    expect(privacy).toContain('`storage.local`');
    expect(privacy).toContain(`\`${POSITIONS_KEY}\``);
    expect(privacy).toContain(`the ${MAX_POSITIONS} articles read most recently`);
    expect(privacy).toContain(`IndexedDB database named \`${DB_NAME}\``);
    // The manifest declares the same to Firefox: no data collected.
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions.required).toEqual(['none']);
  });

  it('has one to five screenshots, each 1280x800', () => {
    const dir = join(root, 'store', 'screenshots');
    const pngs = readdirSync(dir).filter((f) => f.endsWith('.png'));
    expect(pngs.length).toBeGreaterThanOrEqual(1);
    expect(pngs.length).toBeLessThanOrEqual(5);
    for (const f of pngs) {
      const png = readFileSync(join(dir, f));
      expect(png.subarray(1, 4).toString('latin1'), f).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], f).toEqual([1280, 800]);
    }
  });
});
