#!/usr/bin/env bash
# Writes the seed corpus of summarize_keywords into fuzz/corpus/summarize_keywords (ignored by
# git): every text of fuzz/seeds/ (short original snippets) and line slices of
# tests/data/sample.txt (the project's one fixture, sliced here rather than copied), each
# behind several configuration headers (see the layout in fuzz_targets/summarize_keywords.rs).
# Runs from anywhere; safe to run again.
set -euo pipefail
cd "$(dirname "$0")"
out=corpus/summarize_keywords
mkdir -p "$out" slices
sample=../tests/data/sample.txt

# Line slices of the sample: the headline block, the first paragraph, a middle, the whole.
lines=$(wc -l < "$sample")
sed -n '1,3p' "$sample" > slices/sample-head.txt
sed -n '1,5p' "$sample" > slices/sample-lead.txt
sed -n "5,$((lines / 2))p" "$sample" > slices/sample-middle.txt
cp "$sample" slices/sample-all.txt
# The same article with CR LF line ends.
sed -n '1,7p' "$sample" | sed 's/$/\r/' > slices/sample-crlf.txt

# The 18-byte header: byte 0 picks the capacities, byte 1 the budget and switches, byte 2
# the postcard buffer, byte 3 the budget value, the rest the weights; 0 keeps a default.
zeros() { head -c "$1" /dev/zero; }
header() {
    case "$1" in
        default) zeros 18 ;;                             # Config::new(), <1024, 4096, 64, 64>
        tiny) printf '\x01'; zeros 17 ;;                 # <1, 1, 1, 1>
        small) printf '\x03'; zeros 17 ;;                # <8, 16, 3, 5>
        medium) printf '\x04\x02\x00\x30'; zeros 14 ;;   # <64, 256, 8, 16>, Budget::Words(47)
        ratio) printf '\x07\x17\x00\xd0'; zeros 14 ;;    # CLI sizes, Ratio, fill off, headline off
        small-buffer) printf '\x00\x00\x10'; zeros 15 ;; # a 16-byte postcard buffer
        edges) printf '\x00\x01\x00\xff'; head -c 14 /dev/zero | tr '\0' '\377' ;; # all at u16::MAX
        no-redundancy) printf '\x00\x01\x00\x09'; zeros 8; printf '\xfb'; zeros 5 ;; # redundancy 1000
    esac
}

for text in seeds/*.txt slices/*.txt; do
    name=$(basename "$text" .txt)
    for h in default tiny small medium ratio small-buffer edges no-redundancy; do
        { header "$h"; cat "$text"; } > "$out/seed-$name-$h"
    done
done
echo "seed.sh: $(ls "$out" | wc -l) inputs in fuzz/$out"
