#!/usr/bin/env bash
# Release build of the wasm package into pkg/: the default .wasm and the tools .wasm, each optimized with
# wasm-opt and given its glue, plus the thin JS entry points from js/ (Node, browsers, workerd, Edge).
set -euo pipefail
cd "$(dirname "$0")/.."

WASM=target/wasm32-unknown-unknown/release/qimen_payload.wasm
rm -rf pkg
mkdir -p pkg
tmp=$(mktemp -d)
# Two modules from one crate: the default one (every check, render, request and table), and the tools module,
# the same plus `schema`, `importDoc` and `apiTypes` (feature wasm-tools, src/wasm/tools.rs), which the entry
# points load on first use. Each is given wasm-bindgen's web glue and optimized with wasm-opt; the tools
# module's while cargo links the default one (each link is one core's work: LTO, one codegen unit).
# One glue serves both: the tools module's (its exports are the default module's and three more; both import
# the same functions under one module name, as --out-name makes it), wrapped as a factory
# (scripts/wrap-glue.mjs) for Node (ESM and CJS), browsers and workerd alike.
finish() {
  local name=$1
  wasm-bindgen --target web --out-dir "$tmp/$name" --out-name qimen_payload --no-typescript "$tmp/$name.wasm"
  # The npm package 'binaryen' (v132) gives a wasm-opt that works with this wasm-bindgen; Debian's v108 does not.
  node_modules/.bin/wasm-opt -Os --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$tmp/$name/qimen_payload_bg.wasm" -o "pkg/${name}_bg.wasm"
}
cargo build --quiet --release --lib --target wasm32-unknown-unknown --features wasm-tools
cp "$WASM" "$tmp/qimen_payload_tools.wasm"
finish qimen_payload_tools &
tools=$!
cargo build --quiet --release --lib --target wasm32-unknown-unknown
cp "$WASM" "$tmp/qimen_payload.wasm"
finish qimen_payload
wait "$tools" || { echo "build: the tools module failed" >&2; exit 1; }
node scripts/one-glue.mjs pkg/qimen_payload_bg.wasm pkg/qimen_payload_tools_bg.wasm
node scripts/wrap-glue.mjs "$tmp/qimen_payload_tools/qimen_payload.js" pkg
rm -rf "$tmp"
cp js/node.mjs js/node.cjs js/web.mjs js/workerd.mjs js/cli.mjs js/gateway.mjs js/gateway-ledger.mjs js/gateway-journal.mjs js/http.mjs js/top-errors.mjs js/router.mjs js/proxy.mjs pkg/
cp js/gateway.d.ts pkg/gateway.d.mts
cp js/proxy.d.ts pkg/proxy.d.mts
cp js/wasm.d.ts pkg/wasm.d.mts
# The Edge entry is the workerd entry with Next's `?module` wasm import.
sed "s#from './\(qimen_payload\(_tools\)\?_bg\.wasm\)';#from './\1?module';#" js/workerd.mjs > pkg/edge.mjs
for w in qimen_payload_bg qimen_payload_tools_bg; do
  grep -q "$w.wasm?module'" pkg/edge.mjs || { echo "build: pkg/edge.mjs lacks the ?module import of $w.wasm" >&2; exit 1; }
done
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
toolsgz=$(gzip -9 -c pkg/qimen_payload_tools_bg.wasm | wc -c)
echo "[build] pkg/qimen_payload_bg.wasm: $size bytes raw, $gz bytes gzipped; browser JS glue: $glue raw, $gluegz gzipped; the tools module (on first use): $toolsgz bytes gzipped"
