#!/usr/bin/env bash
# Every test, in every runner: native Rust, the wasm suite in Node and in headless Chromium, the npm package
# in Node (import and require), the tarball in a matrix of consumer projects (tests/consumers), and the admin
# console in Chromium. Run by `npm test` after setup and build.
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0; failed=0; failures=()
suite() {
  local name=$1; shift
  printf '\n==> %s\n' "$name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("$name"); fi
}

# A wasm-bindgen-test run that executed nothing still exits 0: require the runner to report tests passed.
wasm_suite() {
  local log; log=$(mktemp)
  if [ "$1" = chromium ]; then export WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver; else unset WASM_BINDGEN_USE_BROWSER; fi
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --target wasm32-unknown-unknown --test wasm 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local n; n=$(sed -n 's/^test result: ok\. \([0-9]*\) passed.*/\1/p' "$log" | tail -n1)
  rm -f "$log"
  unset WASM_BINDGEN_USE_BROWSER CHROMEDRIVER
  [ "$rc" -eq 0 ] && [ "${n:-0}" -gt 0 ] || { echo "wasm suite: exit $rc, ${n:-0} tests passed"; return 1; }
  echo "wasm suite ($1): $n tests executed"
}

suite "rustfmt: cargo fmt --check" cargo fmt --check
suite "clippy: native, wasm and the wasm tools module, warnings are errors" bash -c 'cargo clippy --quiet --all-targets -- -D warnings && cargo clippy --quiet --target wasm32-unknown-unknown --all-targets -- -D warnings && cargo clippy --quiet --target wasm32-unknown-unknown --all-targets --features wasm-tools -- -D warnings'
suite "native: cargo test" cargo test --quiet
suite "rustdoc: cargo doc without a warning" env RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet --features axum,typed
suite "native features: the axum extractor over real HTTP, the typed structs" bash -c 'cargo test --quiet --features axum,typed --test axum --test typed && cargo test --quiet --features axum,typed --doc && cargo clippy --quiet --features axum,typed --all-targets -- -D warnings'
# The proof that adding an API is one file: a made-up fifth table (src/rules/test_transfer.rs, `--cfg
# qimen_test_api`: a cfg, not a feature a user could enable) through the table self-tests, the properties,
# schema agreement, chunk, the generated types and the table format. Its own target directory keeps the main
# build's cache.
suite "native: a test-only fifth API through the generic suites" env RUSTFLAGS="--cfg qimen_test_api" CARGO_TARGET_DIR=target/test-api \
  cargo test --quiet --lib --test tables --test properties --test schema --test table_format
suite "wasm in Node: wasm-bindgen-test" wasm_suite node
suite "wasm in Chromium: wasm-bindgen-test" wasm_suite chromium
suite "npm package in Node: node --test" node --test tests/node/
suite "JS fuzz: every export, seeded, 20 s" node tests/fuzz/js-fuzz.mjs 20
suite "consumers: the npm pack tarball in bundlers and runtimes" node tests/consumers/run.mjs
suite "crate consumer: a fresh cargo project, ? into Box<dyn Error> and anyhow" bash tests/crate/run.sh
if [ -d tests/browser ]; then
  suite "admin console in Chromium" node --test tests/browser/
fi

echo
[ "$failed" -eq 0 ] || printf 'failed suite: %s\n' "${failures[@]}"
echo "suites: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
