#!/usr/bin/env bash
# Instructions per input byte of each stage, counted by callgrind: stable on a busy machine,
# unlike wall time. Usage (from the repository root):
#   benches/instructions.sh [STAGE...]   (default: every stage; inputs from $INPUTS)
# Prints "stage input bytes instructions instructions/byte". Each count is the difference
# between RUNS runs and 0 runs, so start-up costs cancel out.
set -euo pipefail
RUNS=${RUNS:-3}
INPUTS=${INPUTS:-"sample medium large diacritized mixed"}
STAGES=${*:-"split_whitespace chars fold words sentences stem stopwords analyze scores summarize keywords both both_with"}
cargo build -q --profile bench -p talkhis-benches --example profile
bin=${CARGO_TARGET_DIR:-target}/release/examples/profile
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 \
        | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
declare -A bytes=([sample]=tests/data/sample.txt [medium]=benches/data/medium.txt
    [large]=benches/data/large.txt [diacritized]=benches/data/diacritized.txt
    [mixed]=benches/data/mixed.txt)
for stage in $STAGES; do
    for input in $INPUTS; do
        n=$(stat -c %s "${bytes[$input]}")
        base=$(count "$bin" "$stage" "$input" 0)
        full=$(count "$bin" "$stage" "$input" "$RUNS")
        ir=$(( (full - base) / RUNS ))
        printf '%-16s %-12s %8d %12d %8.2f\n' "$stage" "$input" "$n" "$ir" \
            "$(echo "$ir / $n" | bc -l)"
    done
done
