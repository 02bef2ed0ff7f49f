#!/usr/bin/env bash
# Everything a fresh Debian machine needs for the demo and the full test suite: Debian's Chromium
# and Firefox ESR (the browser tests drive them; nothing downloads a browser of its own), epubcheck
# (the unit tests validate an exported EPUB with it; it brings Java), then the npm packages from
# the lock file. Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || need+=(firefox-esr)
[ -f /usr/share/java/epubcheck.jar ] || need+=(epubcheck)
if ((${#need[@]})); then
  echo "setup: installing ${need[*]} from Debian's packages" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
