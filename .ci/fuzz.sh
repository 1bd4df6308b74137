#!/usr/bin/env bash
# Fuzzes the core (fuzz/fuzz_targets/summarize_keywords.rs) for a bounded time on the nightly
# toolchain, and fails on any crash, failed invariant, leak or timeout. FUZZ_SECONDS sets the
# time (default 60); see SECURITY.md for longer runs. Runs from the repository root.
set -euxo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

if ! rustup toolchain list | grep -q '^nightly'; then
    rustup toolchain install nightly --profile minimal
fi
if ! command -v cargo-fuzz > /dev/null; then
    cargo install --locked cargo-fuzz
fi

# The fuzz package's lock file is current: a clean clone that runs the fuzzer stays clean.
(cd fuzz && cargo metadata --locked --format-version 1 > /dev/null)

bash fuzz/seed.sh
# -timeout: an input that takes 10 s is a hang (superlinear time), and fails like a crash.
cargo +nightly fuzz run summarize_keywords -- \
    -max_total_time="${FUZZ_SECONDS:-60}" \
    -timeout=10 \
    -max_len=16384 \
    -dict=fuzz/summarize_keywords.dict \
    -print_final_stats=1
