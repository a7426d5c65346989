#!/bin/sh
# Fuzzes the reader with libFuzzer and AddressSanitizer (leak checks included):
#   sh scripts/fuzz.sh [SECONDS]      (default 300 per corpus; `make fuzz`)
# Two corpora: whole packages (seeded from fixtures/ and ../shared/corpus/visible), and bare XML
# parts that the harness wraps into a stored package, so mutations reach the XML handlers.
# A crasher is written to fuzz/crashers/; copy it to fixtures/reader/hostile/ as a regression.
set -e
cd "$(dirname "$0")/.."
seconds=${1:-300}
swift build --product ReaderFuzz --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING \
  -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld
work=${FUZZ_WORK:-/tmp/parkstat-fuzz}
mkdir -p "$work/zip" "$work/xml" fuzz/crashers
find fixtures ../shared/corpus/visible -name '*.xlsx' 2>/dev/null | while read -r f; do
  cp "$f" "$work/zip/$(echo "$f" | tr '/' '_')"
done
for f in "$work"/zip/*.xlsx; do
  for part in xl/worksheets/sheet1.xml xl/sharedStrings.xml; do
    unzip -p "$f" "$part" > "$work/xml/$(basename "$f").$(basename "$part")" 2>/dev/null || true
  done
done
find "$work/xml" -size 0 -delete
touch "$work/started"
for corpus in zip xml; do
  echo "== $corpus corpus, $seconds s"
  # The whole libFuzzer log goes to $work/$corpus.log; the summary lines (libFuzzer separates
  # "#N" and "DONE"/"INITED" with a tab) are shown: executions, coverage (cov/ft), corpus size.
  .build-fuzz/debug/ReaderFuzz -dict=fuzz/ooxml.dict -max_total_time="$seconds" -rss_limit_mb=2048 \
    -timeout=10 -max_len=1000000 -print_final_stats=1 -artifact_prefix=fuzz/crashers/ "$work/$corpus" \
    > "$work/$corpus.log" 2>&1 || true
  grep -E "^#[0-9]+[[:space:]]+(INITED|DONE)|stat::number_of_executed_units|stat::peak_rss_mb|ERROR|SUMMARY" "$work/$corpus.log" || true
done
# A crash, leak, timeout or out-of-memory input found by this run fails the target.
found=$(find fuzz/crashers -type f -newer "$work/started")
if [ -n "$found" ]; then
  echo "fuzzing found failing inputs (make them fixtures under fixtures/reader/hostile/):"; echo "$found"; exit 1
fi
