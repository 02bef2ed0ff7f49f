// Derives each browser's manifest from the one top-level manifest.json, so there is exactly one
// place to change a permission. Chrome wants background.service_worker; Firefox (MV3, 128+) wants
// background.scripts and its gecko settings. The version is package.json's, the one place a
// release number lives (the store packages carry it in their names too). A test build may add
// loopback host permissions so end-to-end tests can inject without a user gesture; shipped
// builds never have them.

/** @param {any} base @param {'chrome'|'firefox'} browser @param {{version: string, testHosts?: boolean}} opts */
export function deriveManifest(base, browser, opts) {
  if (!/^\d+(\.\d+){0,3}$/.test(opts.version ?? '')) throw new Error(`manifest: "${opts.version}" is not a version both stores accept (1 to 4 dot-separated numbers)`);
  const m = { manifest_version: base.manifest_version, name: base.name, short_name: base.short_name, version: opts.version, ...structuredClone(base) };
  m.version = opts.version;
  const { service_worker: worker, scripts, type } = m.background;
  if (browser === 'chrome') {
    m.background = { service_worker: worker, type };
    delete m.browser_specific_settings;
  } else {
    m.background = { scripts, type };
  }
  if (opts.testHosts) {
    m.host_permissions = ['http://127.0.0.1/*'];
    m.name = `${m.name} (test build)`;
  }
  return m;
}
