#!/usr/bin/env bash
# Release build of the wasm package into pkg/: a Node build (CommonJS, usable synchronously) and a web build
# (ES module, needs `await init()`), each optimized with wasm-opt, plus the thin JS entry points from js/.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM=target/wasm32-unknown-unknown/release/qimen_payload.wasm
cargo build --quiet --release --lib --target wasm32-unknown-unknown

rm -rf pkg
mkdir -p pkg
# One .wasm for every build: wasm-bindgen's web glue, wrapped as a factory (scripts/wrap-glue.mjs), serves Node
# (ESM and CJS), browsers and workerd alike.
tmp=$(mktemp -d)
wasm-bindgen --target web --out-dir "$tmp" --no-typescript "$WASM"
# The npm package 'binaryen' (v132) gives a wasm-opt that works with this wasm-bindgen; Debian's v108 does not.
node_modules/.bin/wasm-opt -Os --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$tmp/qimen_payload_bg.wasm" -o pkg/qimen_payload_bg.wasm
node scripts/wrap-glue.mjs "$tmp/qimen_payload.js" pkg
rm -rf "$tmp"
cp js/node.mjs js/node.cjs js/web.mjs js/workerd.mjs js/cli.mjs js/gateway.mjs js/gateway-ledger.mjs js/gateway-journal.mjs js/http.mjs js/top-errors.mjs js/router.mjs js/proxy.mjs pkg/
cp js/gateway.d.ts pkg/gateway.d.mts
cp js/proxy.d.ts pkg/proxy.d.mts
cp js/wasm.d.ts pkg/wasm.d.mts
# The Edge entry is the workerd entry with Next's `?module` wasm import.
sed "s#from './qimen_payload_bg.wasm';#from './qimen_payload_bg.wasm?module';#" js/workerd.mjs > pkg/edge.mjs
grep -q "qimen_payload_bg.wasm?module'" pkg/edge.mjs || { echo "build: pkg/edge.mjs lacks the ?module import" >&2; exit 1; }
# Shared sources without imports, emitted in both module formats.
for f in api server forms; do
  fn=$(case $f in api) echo makeApi ;; server) echo makeServer ;; forms) echo makeForms ;; esac)
  { echo "'use strict';"; cat js/$f.js; echo "module.exports = $fn;"; } > pkg/$f.cjs
  { cat js/$f.js; echo "export default $fn;"; } > pkg/$f.mjs
done
# Named per-API exports (Standard Schema objects), generated from the rule tables onto every entry point.
named_esm=$(cargo run --quiet --example gen_types -- --js-esm)
for f in node.mjs web.mjs workerd.mjs edge.mjs; do printf '%s\n' "$named_esm" >> pkg/$f; done
cargo run --quiet --example gen_types -- --js-cjs >> pkg/node.cjs
# Types: one generated text, as ES module types (.d.mts, with the default export init) and CommonJS types (.d.cts).
cargo run --quiet --example gen_types -- js/types.d.ts > pkg/index.d.mts
grep -v '^export default init;$' pkg/index.d.mts > pkg/index.d.cts
# The table format's JSON Schema, derived from its serde types (qimen-payload/table.schema.json).
cargo run --quiet --example gen_table_schema --features table-schema > pkg/table.schema.json

size=$(stat -c %s pkg/qimen_payload_bg.wasm)
gz=$(gzip -9 -c pkg/qimen_payload_bg.wasm | wc -c)
glue=$(cat pkg/glue.mjs pkg/web.mjs pkg/api.mjs | wc -c)
gluegz=$(cat pkg/glue.mjs pkg/web.mjs pkg/api.mjs | gzip -9 | wc -c)
echo "[build] pkg/qimen_payload_bg.wasm: $size bytes raw, $gz bytes gzipped; browser JS glue: $glue raw, $gluegz gzipped"
