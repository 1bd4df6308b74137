#!/usr/bin/env bash
# Quality gate: both evaluations, and issue 18's defect counts, on the corpora in
# $TALKHIS_DATA (.ci/run sets it to ../shared/data), compared with docs/figures.json.
set -euxo pipefail
cd "$(dirname "$0")/.."
if [ -z "${TALKHIS_DATA:-}" ]; then
    echo "eval: skipped the quality gate (set TALKHIS_DATA to the corpora's folder)"
    exit 0
fi
data=$TALKHIS_DATA
cargo build --release -p talkhis-cli
out=$(mktemp -d)
target/release/talkhis eval summaries "$data/easc-dev" --json > "$out/summaries.json"
target/release/talkhis eval keywords "$data/akec-train" --json > "$out/keywords.json"
for corpus in ant-dev easc-dev; do
    target/release/talkhis eval defects "$data/$corpus" --json > "$out/defects-$corpus.json"
done
python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
want = json.load(open("docs/figures.json"))
s = json.load(open(f"{out}/summaries.json"))
k = json.load(open(f"{out}/keywords.json"))
got = {
    "summaries rouge1_f": (s["talkhis"]["rouge1"]["f"], want["summaries"]["rouge1_f"]),
    "summaries rouge2_f": (s["talkhis"]["rouge2"]["f"], want["summaries"]["rouge2_f"]),
    "summaries rouge_l_f": (s["talkhis"]["rouge_l"]["f"], want["summaries"]["rouge_l_f"]),
    "keywords exact_f1": (k["exact"]["f"], want["keywords"]["exact_f1"]),
    "keywords partial_f1": (k["partial"]["f"], want["keywords"]["partial_f1"]),
}
failed = []
for name, (value, recorded) in got.items():
    ok = value >= recorded - 0.5
    print(f"{name}: {value:.2f} (recorded {recorded:.2f}) {'ok' if ok else 'DROPPED'}")
    if not ok:
        failed.append(name)
for name in ("rouge1", "rouge2", "rouge_l"):
    value, recorded = s["lead"][name]["f"], want["summaries"]["lead"][f"{name}_f"]
    ok = abs(value - recorded) < 0.01
    print(f"lead {name}_f: {value:.2f} (recorded {recorded:.2f}) {'ok' if ok else 'METRIC CHANGED'}")
    if not ok:
        failed.append("lead " + name)
for corpus, kinds in want["defects"].items():
    counts = json.load(open(f"{out}/defects-{corpus}.json"))["counts"]
    for kind, recorded in kinds.items():
        ok = counts[kind] <= recorded
        print(f"defects {corpus} {kind}: {counts[kind]} (recorded {recorded}) {'ok' if ok else 'ROSE'}")
        if not ok:
            failed.append(f"defects {corpus} {kind}")
if failed:
    sys.exit("quality gate failed: " + ", ".join(failed))
PY
