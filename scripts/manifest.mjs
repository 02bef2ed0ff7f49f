// Derives each browser's manifest from the one top-level manifest.json, so there is exactly one
// place to change a permission. Chrome wants background.service_worker; Firefox (MV3, 128+) wants
// background.scripts and its gecko settings. A test build may add loopback host permissions so
// end-to-end tests can inject without a user gesture; shipped builds never have them.

/** @param {any} base @param {'chrome'|'firefox'} browser @param {{testHosts?: boolean}} [opts] */
export function deriveManifest(base, browser, opts = {}) {
  const m = structuredClone(base);
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
