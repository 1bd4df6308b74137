#!/usr/bin/env python3
"""Turns criterion's saved estimates into the Markdown table of PERFORMANCE.md.

Usage (from the repository root, after `cargo bench -p talkhis-benches`):
    python3 benches/report.py [CRITERION_DIR] > table.md

For every group and input: each function's throughput in MB/s (10^6 bytes per second, from
criterion's median time per iteration) and its ratio to `split_whitespace` on the same text
in the same group, the figure that holds across machines.
"""

import json
import sys
from pathlib import Path

INPUTS = ["sample", "medium", "large", "diacritized", "mixed"]
GROUPS = ["fold", "words", "sentences", "stem", "stopwords", "scoring", "summarize", "keywords",
          "both"]


def load(root):
    runs = {}
    for bench in root.glob("*/*/*/new/benchmark.json"):
        meta = json.loads(bench.read_text())
        est = json.loads((bench.parent / "estimates.json").read_text())
        seconds = est["median"]["point_estimate"] / 1e9
        nbytes = meta["throughput"]["Bytes"]
        runs[(meta["group_id"], meta["function_id"], meta["value_str"])] = (nbytes, seconds)
    return runs


def main():
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")
    runs = load(root)
    print("| group | function | input | bytes | time | MB/s | × split_whitespace |")
    print("|---|---|---|---:|---:|---:|---:|")
    for group in GROUPS:
        functions = sorted({f for (g, f, _) in runs if g == group and f not in ("split_whitespace", "chars")})
        for function in functions + ["split_whitespace", "chars"]:
            for name in INPUTS:
                if (group, function, name) not in runs:
                    continue
                nbytes, seconds = runs[(group, function, name)]
                base = runs.get((group, "split_whitespace", name))
                ratio = base[1] / seconds if base else float("nan")
                time = "%.3f ms" % (seconds * 1e3) if seconds >= 1e-3 else "%.1f µs" % (seconds * 1e6)
                print("| %s | %s | %s | %d | %s | %.1f | %.3f |" % (
                    group, function, name, nbytes, time, nbytes / seconds / 1e6, ratio))


if __name__ == "__main__":
    main()
