#!/usr/bin/env bash
# The command line end to end, in a release build: the binary on the sample article, a batch,
# and both evaluations on ../shared/data (the figures are printed for the log; the tests of
# `cargo test -p talkhis-cli`, run by .ci/run, check the Lead figures and every exit code).
set -euxo pipefail
cd "$(dirname "$0")/.."

cargo build --release -p talkhis-cli
talkhis=target/release/talkhis

"$talkhis" tests/data/sample.txt
"$talkhis" keywords tests/data/sample.txt
"$talkhis" --format json tests/data/sample.txt > /dev/null
"$talkhis" ../shared/data/easc-dev ../shared/data/akec-train > /dev/null
"$talkhis" eval summaries ../shared/data/easc-dev
"$talkhis" eval keywords ../shared/data/akec-train
# Inputs chosen by glob and by list, completions and the man page (tests/ check each in depth).
"$talkhis" keywords --glob article.txt ../shared/data/ant-dev > /dev/null
find ../shared/data/easc-dev -name '*.txt' -print0 | "$talkhis" -q keywords --files-from - -0 > /dev/null
"$talkhis" completions bash | bash -n
"$talkhis" man > /dev/null
