#!/usr/bin/env bash
# Release build of the wasm package into pkg/: a Node build (CommonJS, usable synchronously) and a web build
# (ES module, needs `await init()`), each optimized with wasm-opt, plus the thin JS entry points from js/.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM=target/wasm32-unknown-unknown/release/qimen_payload.wasm
cargo build --quiet --release --lib --target wasm32-unknown-unknown

rm -rf pkg
mkdir -p pkg
for target in nodejs web; do
  out=pkg/$([ "$target" = nodejs ] && echo node || echo web)
  wasm-bindgen --target "$target" --out-dir "$out" --no-typescript "$WASM"
  # The npm package 'binaryen' (v132) gives a wasm-opt that works with this wasm-bindgen; Debian's v108 does not.
  node_modules/.bin/wasm-opt -Os --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$out/qimen_payload_bg.wasm" -o "$out/qimen_payload_bg.wasm"
done
cp js/node/* pkg/node/
cp js/web/* pkg/web/
# One source for the JS API, emitted in both module formats.
{ cat js/api.js; echo 'module.exports = makeApi;'; } > pkg/node/api.cjs
{ cat js/api.js; echo 'export default makeApi;'; } > pkg/web/api.mjs
cargo run --quiet --example gen_types -- js/types.d.ts > pkg/index.d.ts

size=$(stat -c %s pkg/web/qimen_payload_bg.wasm)
gz=$(gzip -9 -c pkg/web/qimen_payload_bg.wasm | wc -c)
glue=$(cat pkg/web/qimen_payload.js pkg/web/index.mjs pkg/web/api.mjs | wc -c)
gluegz=$(cat pkg/web/qimen_payload.js pkg/web/index.mjs pkg/web/api.mjs | gzip -9 | wc -c)
echo "[build] pkg/web/qimen_payload_bg.wasm: $size bytes raw, $gz bytes gzipped; JS glue: $glue raw, $gluegz gzipped"
