#!/usr/bin/env bash
# Builds the page: the WebAssembly module (shrunk by wasm-opt when it is installed), the
# JavaScript wrapper and the sample article, copied beside index.html. Then serve the folder:
#   python3 -m http.server --bind 127.0.0.1 8000 --directory web
# (the copies are not committed: web/.gitignore).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
web="$root/web"

if command -v rustup >/dev/null; then
    rustup target add wasm32-unknown-unknown >/dev/null
fi
(cd "$root/wasm" && cargo build --release --target wasm32-unknown-unknown)
raw="$root/wasm/target/wasm32-unknown-unknown/release/talkhis_wasm.wasm"
if command -v wasm-opt >/dev/null; then
    # Debian's binaryen rejects rustc's output unless these features are on.
    wasm-opt -Oz --enable-bulk-memory --enable-sign-ext "$raw" -o "$web/talkhis.wasm"
else
    echo "web/build.sh: no wasm-opt (binaryen): the module is rustc's, a few KB larger" >&2
    cp "$raw" "$web/talkhis.wasm"
fi
cp "$root/wasm/talkhis.mjs" "$web/talkhis.mjs"
cp "$root/tests/data/sample.txt" "$web/sample.txt"
echo "web/build.sh: web/talkhis.wasm $(stat -c %s "$web/talkhis.wasm") B, web/talkhis.mjs, web/sample.txt"
