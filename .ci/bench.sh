#!/usr/bin/env bash
# Benchmarks: check that the generated inputs match their generator, then run every criterion
# benchmark once as a test so none of them rots. Timing is never asserted.
set -euxo pipefail
cd "$(dirname "$0")/.."
if command -v python3 >/dev/null; then
    python3 benches/data/make.py
    git diff --exit-code -- benches/data/
fi
cargo test -p talkhis-benches --benches
