#!/usr/bin/env bash
# Pipeline benchmark (issues 5 and 6): `inspect`, `validate` and `run` (fresh store) over the
# 5,000-submission inbox, alternated RUNS times so all three share the machine's load, then the
# medians, validate ÷ inspect (issue 5: ≤ 1.5) and run ÷ validate, then what storing and aggregating
# add to validate apart from writing the output files (issue 6: ≤ 30 %).
#
#   bash bench/pipeline_bench.sh [INBOX] [RUNS]      # default /tmp/parkstat-scaled, 9 runs
#
# The inbox is generated once (fixtures/gen/make_fixtures.py --scale 5000) when INBOX is missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
inbox=${1:-/tmp/parkstat-scaled}
runs=${2:-9}
bin="$root/.build/release/parkstat"
[ -x "$bin" ] || { echo "先运行 swift build -c release" >&2; exit 2; }
[ -d "$inbox/2024-07" ] || python3 "$root/fixtures/gen/make_fixtures.py" --scale 5000 --out "$inbox"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
times="$work/times"
measure() {  # label, command…: appends "label wall cpu" (cpu = user + sys); stderr kept in $work/log
    local label=$1; shift
    /usr/bin/time -f "$label %e %U %S" -a -o "$times" "$@" >/dev/null 2>"$work/log" || true
}
for _ in $(seq "$runs"); do
    measure inspect "$bin" inspect "$inbox/2024-07"
    measure validate "$bin" validate "$inbox/2024-07" --registry "$inbox/企业名录.xlsx"
    rm -rf "$work/out"
    measure run "$bin" run "$inbox" --out "$work/out" --verbose
    # run's own phase line: the seconds spent writing the workbook, CSV, HTML and JSON files.
    sed -n 's/.*写出报表 \([0-9.]*\) 秒.*/writing \1 0 0/p' "$work/log" >> "$times"
done

python3 - "$times" <<'PY'
import statistics as st, sys
rows = {}
for line in open(sys.argv[1]):
    p = line.split()
    if len(p) == 4 and p[0] in ("inspect", "validate", "run", "writing"):
        rows.setdefault(p[0], []).append((float(p[1]), float(p[2]) + float(p[3])))
wall = {k: st.median(w for w, _ in v) for k, v in rows.items()}
cpu = {k: st.median(c for _, c in v) for k, v in rows.items()}
for k in ("inspect", "validate", "run"):
    print(f"  {k:9s} wall {wall[k]:5.2f} s   cpu {cpu[k]:5.2f} core-s   (median of {len(rows[k])})")
r = wall["validate"] / wall["inspect"]
print(f"  validate / inspect = {r:.2f} wall, {cpu['validate'] / cpu['inspect']:.2f} cpu  (target ≤ 1.5)  {'ok' if r <= 1.5 else 'MISSED'}")
print(f"  run / validate = {wall['run'] / wall['validate']:.2f} wall, {cpu['run'] / cpu['validate']:.2f} cpu  (writing the output files included)")
# Issue 6's goal names storage and aggregation: run's extra time beyond validate, less the time run
# itself reports for writing its output files.
if "writing" in wall:
    adds = wall["run"] - wall["validate"] - wall["writing"]
    share = adds / wall["validate"]
    print(f"  run writes its output files in {wall['writing']:.2f} s; storage and aggregation add {adds:.2f} s = "
          f"{share:.0%} of validate  (goal ≤ 30%)  {'ok' if share <= 0.3 else 'MISSED'}")
PY
