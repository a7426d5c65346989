#!/usr/bin/env bash
# Crash test for `parkstat run` (issue 6): kill -9 at random moments over a generated inbox, then
# check that the store is sound (PRAGMA integrity_check) and that a rerun gives exactly the outputs
# and row counts of an uninterrupted run, and that no output file is ever half-written. Not part of `swift test`: it needs a release build and
# the fixture generator (python3, openpyxl, xlsxwriter).
#
#   scripts/run/kill_test.sh            # 20 trials over a 300-submission inbox
#   TRIALS=20 SCALE=500 scripts/run/kill_test.sh
#
# The last line is "N passed, M failed"; the exit status is 0 only when nothing failed.
set -u
cd "$(dirname "$0")/../.." || exit 2
ROOT=$PWD
TRIALS=${TRIALS:-20}
SCALE=${SCALE:-300}
WORK=${WORK:-$(mktemp -d /tmp/parkstat-kill.XXXXXX)}
BIN=$ROOT/.build/release/parkstat

if [ ! -x "$BIN" ] || [ -n "$(find Sources Package.swift -newer "$BIN" -print -quit)" ]; then
    echo "building release…"
    swift build -c release --product parkstat >/dev/null || { echo "0 passed, 1 failed"; exit 2; }
fi
command -v sqlite3 >/dev/null || { echo "sqlite3 not found"; echo "0 passed, 1 failed"; exit 2; }

GEN=$WORK/gen
if [ ! -f "$GEN/企业名录.xlsx" ] && [ ! -f "$GEN/inbox/企业名录.xlsx" ]; then
    echo "generating a $SCALE-submission inbox in $GEN…"
    python3 fixtures/gen/make_fixtures.py --scale "$SCALE" --out "$GEN" >/dev/null || { echo "0 passed, 1 failed"; exit 2; }
fi
INBOX=$GEN
[ -f "$GEN/inbox/企业名录.xlsx" ] && INBOX=$GEN/inbox
counts() {
    sqlite3 "$1" "SELECT (SELECT COUNT(*) FROM file), (SELECT COUNT(*) FROM submission), (SELECT COUNT(*) FROM fact),
                         (SELECT COUNT(*) FROM finding), (SELECT COUNT(*) FROM registry_entry),
                         (SELECT COUNT(*) FROM submission WHERE superseded_by IS NULL)"
}

# Outputs are complete or absent: every JSON parses, every workbook opens with `parkstat dump`,
# every HTML page is whole. Right after a kill, a NAME.tmp-PID temporary may remain (the next run
# removes it); after a finished run none may, and nothing else unexpected may be in the folder.
check_outputs() {  # DIR PHASE(killed|finished); prints the first problem
    local f name
    for f in "$1"/*; do
        [ -e "$f" ] || continue
        name=$(basename "$f")
        case "$name" in
            parkstat.sqlite|parkstat.sqlite-wal|parkstat.sqlite-shm|parkstat.sqlite-journal|parkstat.sqlite.lock) ;;
            *.tmp-*) [ "$2" = killed ] || { echo "temporary $name left"; return; } ;;
            *.json) python3 -m json.tool "$f" >/dev/null 2>&1 || { echo "half-written $name"; return; } ;;
            *.xlsx) "$BIN" dump "$f" >/dev/null 2>&1 || { echo "half-written $name"; return; } ;;
            *.html) tail -c 64 "$f" | grep -q '</html>' || { echo "half-written $name"; return; } ;;
            *.csv) [ -s "$f" ] || { echo "empty $name"; return; } ;;
            *) echo "unexpected file $name"; return ;;
        esac
    done
}

REF=$WORK/reference
rm -rf "$REF"
start=$(date +%s%N)
"$BIN" run "$INBOX" --out "$REF" >/dev/null 2>&1
rc=$?
ref_ms=$(( ($(date +%s%N) - start) / 1000000 ))
if [ $rc -gt 1 ]; then echo "reference run failed (exit $rc)"; echo "0 passed, 1 failed"; exit 2; fi
ref_counts=$(counts "$REF/parkstat.sqlite")
ref_size=$(stat -c %s "$REF/parkstat.sqlite")
echo "reference: ${ref_ms} ms, rows file/submission/fact/finding/registry/current = ${ref_counts//|//}"

passed=0; failed=0
for i in $(seq 1 "$TRIALS"); do
    out=$WORK/trial-$i
    rm -rf "$out"
    # Odd trials at a random moment of the run. Even ones while files are being stored: once the WAL
    # has grown to a random 2–95 % of the finished database's size (the WAL holds every page stored
    # until the store is closed), which a moment chosen in time hit only now and then.
    "$BIN" run "$INBOX" --out "$out" >/dev/null 2>&1 &
    pid=$!
    t0=$(date +%s%N)
    if [ $((i % 2)) -eq 1 ]; then
        delay_ms=$(( RANDOM % (ref_ms + 50) ))
        sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    else
        target=$(( ref_size * (2 + RANDOM % 94) / 100 ))
        while kill -0 "$pid" 2>/dev/null; do
            [ "$(stat -c %s "$out/parkstat.sqlite-wal" 2>/dev/null || echo 0)" -ge "$target" ] && break
        done
        delay_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    fi
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    problem=""
    if [ -f "$out/parkstat.sqlite" ]; then
        integrity=$(sqlite3 "$out/parkstat.sqlite" 'PRAGMA integrity_check' 2>&1)
        [ "$integrity" = "ok" ] || problem="integrity_check: $integrity"
    fi
    [ -n "$problem" ] || problem=$(check_outputs "$out" killed)
    killed_counts=$([ -f "$out/parkstat.sqlite" ] && counts "$out/parkstat.sqlite" 2>/dev/null | tr '|' '/')
    if [ -z "$problem" ]; then
        "$BIN" run "$INBOX" --out "$out" >/dev/null 2>&1
        rc=$?
        [ $rc -le 1 ] || problem="rerun exit $rc"
    fi
    if [ -z "$problem" ]; then
        # Every output (JSON, workbooks, CSV, HTML) byte for byte; the store is compared by counts.
        for f in "$REF"/*; do
            case "$(basename "$f")" in parkstat.sqlite*) continue ;; esac
            cmp -s "$f" "$out/$(basename "$f")" || { problem="$(basename "$f") differs"; break; }
        done
    fi
    if [ -z "$problem" ]; then
        [ "$(counts "$out/parkstat.sqlite")" = "$ref_counts" ] || problem="row counts $(counts "$out/parkstat.sqlite") ≠ $ref_counts"
        ls "$out" | grep -q '\.tmp-' && problem="temporary files left"
        [ -n "$problem" ] || problem=$(check_outputs "$out" finished)
    fi
    if [ -z "$problem" ]; then
        passed=$((passed + 1))
        echo "trial $i: killed after ${delay_ms} ms (store then: ${killed_counts:-none}) — ok"
    else
        failed=$((failed + 1))
        echo "trial $i: killed after ${delay_ms} ms — FAILED: $problem"
    fi
done
[ -n "${KEEP:-}" ] || rm -rf "$WORK"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
