#!/usr/bin/env bash
# The page in a real browser, issue 19: build the page (web/build.sh: the WASM module, the JS
# wrapper and the sample beside index.html) and the CLI, then run web/test/ with node --test:
# Debian's Chromium driven by playwright-core (never a downloaded browser) against
# python3 -m http.server on 127.0.0.1, compared with target/release/talkhis.
# Runs from the repository root; installs what it needs.
set -euxo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

need=()
command -v chromium >/dev/null || need+=(chromium)
# Without an Arabic font Chromium draws boxes (the screenshot test checks the font is there).
fc-list 2>/dev/null | grep -q "Noto Naskh Arabic" || need+=(fonts-noto-core)
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
command -v wasm-opt >/dev/null || need+=(binaryen)
if ((${#need[@]})); then
    apt-get update
    apt-get install -y --no-install-recommends "${need[@]}"
fi
rustup target add wasm32-unknown-unknown

cargo build --release -p talkhis-cli
bash web/build.sh
[ "$(stat -c %s web/talkhis.wasm)" -le $((40 * 1024)) ]

cd web/test
# playwright-core only: the package brings no browser and downloads none.
npm ci --no-audit --no-fund
TALKHIS_BIN="$PWD/../../target/release/talkhis" CHROMIUM=/usr/bin/chromium timeout 900 node --test
