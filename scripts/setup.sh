#!/usr/bin/env bash
# Idempotent setup for a fresh machine of this kind: everything the build and the tests need.
# Fast when all is there already. Never downloads a prebuilt binary (none can be fetched here).
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[setup] %s\n' "$*"; }

# The exact wasm-bindgen crate version, read from Cargo.toml so it is written in one place only.
WB_VERSION=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p; s/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml | head -n1)
[ -n "$WB_VERSION" ] || { echo "setup: cannot read the pinned wasm-bindgen version from Cargo.toml" >&2; exit 1; }

# 1. Rust target for WebAssembly.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen-cli at exactly the crate's version (also provides wasm-bindgen-test-runner).
#    No --locked: its lock file pins a crate version the registry here does not serve.
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  log "installing wasm-bindgen-cli $WB_VERSION (compiles from source, about 4 minutes)"
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

# 3. Debian's Chromium and ChromeDriver for the browser tests (no browser download), and a CJK font so the
#    console's screenshots show Chinese instead of empty boxes.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 || ! dpkg -s fonts-wqy-microhei >/dev/null 2>&1; then
  log "installing chromium, chromium-driver and fonts-wqy-microhei from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >/dev/null
fi

# 4. npm dependencies (wasm-opt comes from the npm package 'binaryen': Debian's v108 breaks the module).
if [ -f package-lock.json ]; then
  stamp=node_modules/.setup-stamp
  if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
    log "npm ci"
    npm ci --no-audit --no-fund
    touch "$stamp"
  fi
fi
log "ready (wasm-bindgen $WB_VERSION, $(chromium --version 2>/dev/null | head -n1))"
