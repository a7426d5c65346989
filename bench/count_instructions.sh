#!/bin/sh
# Instructions executed by `parkstat inspect` over a 100,000-row workbook shaped like big.xlsx:
# steadier than wall time when other work shares the machine. valgrind runs only on a stripped copy.
#   sh bench/count_instructions.sh [PARKSTAT_BINARY]     (default: .build/release/parkstat)
set -e
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../.build/release/parkstat}
data="$here/peers/data/rows100k.xlsx"
[ -d "$here/peers" ] || { echo "先运行 sh bench/setup.sh" >&2; exit 2; }
[ -f "$data" ] || (cd "$here/peers" && python3 -c \
  'import gen_workbooks as g; g.write_big("data/rows100k.xlsx", constant_memory=True, n_rows=100_000)')
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$bin" "$tmp/parkstat" && strip --strip-debug "$tmp/parkstat"
valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$tmp/parkstat" inspect "$data" >/dev/null 2>"$tmp/log"
grep -o 'refs:.*' "$tmp/log"
