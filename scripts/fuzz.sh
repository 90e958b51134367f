#!/usr/bin/env bash
# `npm run fuzz [seconds per target]`: runs every cargo-fuzz target for a bounded time (default 180 s each),
# seeded from the case corpus. Not part of `npm test`. Needs the nightly toolchain (on this kind of machine)
# and cargo-fuzz (installed here if missing). A crash leaves its input in fuzz/artifacts/<target>/: turn it
# into a case in tests/cases/ once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-180}
# First our JS harness over the built package (every export, object and text paths), with a random seed.
node tests/fuzz/js-fuzz.mjs "$SECONDS_PER_TARGET" "${QIMEN_FUZZ_SEED:-$RANDOM$RANDOM}"
# The single pass against the tree engine over ~1,000,000 generated and mutated payloads (43,500 per API).
QIMEN_SINGLE_PASS_N=${QIMEN_SINGLE_PASS_N:-43500} QIMEN_SINGLE_PASS_SEED=${QIMEN_FUZZ_SEED:-$RANDOM$RANDOM} \
  cargo test --release --test single_pass -- generated_payloads_and_their_mutations
# The table reader against the serde derive it replaced, over ~500,000 mutated tables.
QIMEN_TABLE_READER_N=${QIMEN_TABLE_READER_N:-20000} cargo test --release --lib -- rules::table::read::tests
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal

# Seeds: every corpus payload, prefixed with a byte that selects its method (and varies the options). The
# byte indexes the registry (fuzz_targets/common.rs), so the method list comes from it, in its order.
QIMEN_METHODS=$(node --input-type=module -e "import * as q from './pkg/node.mjs'; console.log(JSON.stringify(q.methods().map((m) => m.method)))") \
python3 - <<'PY'
import json, os, glob, hashlib
methods = json.loads(os.environ["QIMEN_METHODS"])
for target in ["check", "render", "build_request", "parse_response"]:
    os.makedirs(f"fuzz/corpus/{target}", exist_ok=True)
for path in glob.glob("tests/cases/*/*.json") + glob.glob("tests/responses/*/*.json"):
    method = path.split("/")[2]
    case = json.load(open(path, encoding="utf-8"))
    if "text" in case:
        text, targets = case["text"], ["parse_response"]
    else:
        text, targets = case.get("inputText") or json.dumps(case["input"], ensure_ascii=False), ["check", "render", "build_request"]
    for prefix in (methods.index(method), methods.index(method) + 0x84):
        data = bytes([prefix]) + text.encode("utf-8")
        for t in targets:
            open(f"fuzz/corpus/{t}/{hashlib.sha1(data).hexdigest()}", "wb").write(data)
PY

for target in check render parse_response build_request; do
  echo "==> fuzz $target for ${SECONDS_PER_TARGET}s"
  cargo +nightly fuzz run --sanitizer none "$target" -- -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -print_final_stats=1 2>&1 \
    | grep -E "^(Done|stat::number_of_executed_units|==|.*panicked|SUMMARY|artifact_prefix|Test unit written)" || true
  [ -z "$(ls -A "fuzz/artifacts/$target" 2>/dev/null)" ] || { echo "fuzz $target: crash artifacts in fuzz/artifacts/$target"; exit 1; }
done
