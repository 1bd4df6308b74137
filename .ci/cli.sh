#!/usr/bin/env bash
# The command line end to end, in a release build: the binary on the sample article, and, when
# TALKHIS_DATA names the corpora (.ci/run sets it), a batch and both evaluations (the figures
# are printed for the log; the tests of `cargo test -p talkhis-cli`, run by .ci/run, check the
# Lead figures and every exit code).
set -euxo pipefail
cd "$(dirname "$0")/.."

cargo build --release -p talkhis-cli
talkhis=target/release/talkhis

# What `cargo install` puts on a user's path stays small (symbols live in the `profiling`
# profile; a release build with debug info was 20 MB).
size=$(stat -c %s "$talkhis")
echo "cli: release binary $size B"
[ "$size" -le $((6 * 1024 * 1024)) ]

"$talkhis" tests/data/sample.txt
"$talkhis" keywords tests/data/sample.txt
"$talkhis" --format json tests/data/sample.txt > /dev/null
"$talkhis" completions bash | bash -n
"$talkhis" man > /dev/null
if [ -z "${TALKHIS_DATA:-}" ]; then
    echo "cli: skipped the batch and evaluations on the corpora (set TALKHIS_DATA)"
    exit 0
fi
"$talkhis" "$TALKHIS_DATA/easc-dev" "$TALKHIS_DATA/akec-train" > /dev/null
"$talkhis" eval summaries "$TALKHIS_DATA/easc-dev"
"$talkhis" eval summaries "$TALKHIS_DATA/easc-raw-sample"
"$talkhis" eval keywords "$TALKHIS_DATA/akec-train"
# Inputs chosen by glob and by list (tests/ check each in depth).
"$talkhis" keywords --glob article.txt "$TALKHIS_DATA/ant-dev" > /dev/null
find "$TALKHIS_DATA/easc-dev" -name '*.txt' -print0 | "$talkhis" -q keywords --files-from - -0 > /dev/null
# What trips a reader on real articles (docs/TUNING.md keeps the figures).
"$talkhis" eval defects "$TALKHIS_DATA/ant-dev"
"$talkhis" eval defects "$TALKHIS_DATA/easc-dev"
