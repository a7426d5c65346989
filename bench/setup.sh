#!/bin/sh
# Copies the shared peer scripts into bench/peers/ (git-ignored), installs the peers, builds the C
# floor and generates the workbooks. Run once; `python3 bench/read_bench.py` then measures.
set -e
here=$(cd "$(dirname "$0")" && pwd)
shared="$here/../../shared/bench"
[ -d "$shared" ] || { echo "找不到 ../shared/bench" >&2; exit 2; }
mkdir -p "$here/peers"
cp "$shared"/*.py "$shared"/*.sh "$shared"/*.c "$here/peers/"
chmod +x "$here/peers/"*.sh
if ! pkg-config --exists libzip libxml-2.0 || ! command -v unzip >/dev/null || ! command -v hyperfine >/dev/null \
   || [ ! -x /usr/bin/time ]; then
  apt-get update -qq && apt-get install -y -qq libzip-dev libxml2-dev pkg-config unzip time hyperfine >/dev/null
fi
pip install -q python-calamine fastexcel pyarrow openpyxl xlsxwriter numpy 2>/dev/null || true
cd "$here/peers"
mkdir -p build
gcc -O2 -Wall -o build/limit_reader limit_reader.c $(pkg-config --cflags --libs libzip libxml-2.0)
python3 gen_workbooks.py ${1:-big small}
