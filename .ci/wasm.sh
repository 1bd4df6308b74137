#!/usr/bin/env bash
# The core as WebAssembly, issue 6: build the C-ABI module, shrink it with wasm-opt, check its
# size, and test the JavaScript wrapper in Node. Runs from the repository root.
set -euxo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

WASM_LIMIT=$((40 * 1024)) # bytes after wasm-opt -Oz

rustup target add wasm32-unknown-unknown
if ! command -v wasm-opt >/dev/null || ! command -v wasm-objdump >/dev/null; then
    apt-get update
    apt-get install -y --no-install-recommends binaryen wabt
fi
command -v node >/dev/null || { apt-get update && apt-get install -y --no-install-recommends nodejs; }

cd wasm
cargo fmt --check
cargo clippy --release --target wasm32-unknown-unknown -- -D warnings
cargo build --release --target wasm32-unknown-unknown
raw=target/wasm32-unknown-unknown/release/talkhis_wasm.wasm
# Debian's binaryen rejects rustc's output unless these features are on.
wasm-opt -Oz --enable-bulk-memory --enable-sign-ext "$raw" -o talkhis.wasm

# A panic path would show up as the import env.talkhis_panic_path_survived.
imports=$(wasm-objdump -x -j Import talkhis.wasm 2>&1 || true)
echo "$imports"
if grep -q talkhis_panic_path_survived <<<"$imports"; then
    echo "wasm: a panic path survived (see wasm/README.md)"
    exit 1
fi

size=$(stat -c %s talkhis.wasm)
gz=$(gzip -9c talkhis.wasm | wc -c)
set +x
echo "wasm: $(stat -c %s "$raw") B from rustc, $size B after wasm-opt -Oz, $gz B gzipped (limit $WASM_LIMIT)"
set -x
[ "$size" -le "$WASM_LIMIT" ]

node --test test/
