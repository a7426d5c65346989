#!/bin/sh
# Installs what building and testing need when it is missing: libzip, libxml2 and SQLite
# headers with pkg-config (Debian packages), and the Python packages the test helpers use.
set -e
missing=""
pkg-config --version >/dev/null 2>&1 || missing="$missing pkg-config"
command -v unzip >/dev/null 2>&1 || missing="$missing unzip"
pkg-config --exists libzip 2>/dev/null || missing="$missing libzip-dev"
pkg-config --exists libxml-2.0 2>/dev/null || missing="$missing libxml2-dev"
pkg-config --exists sqlite3 2>/dev/null || missing="$missing libsqlite3-dev"
command -v sqlite3 >/dev/null 2>&1 || missing="$missing sqlite3"
# GNU time: the hostile-workbook tests measure peak memory with /usr/bin/time -f %M.
[ -x /usr/bin/time ] || missing="$missing time"
if [ -n "$missing" ]; then
  echo "安装缺少的系统依赖：$missing"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi
if [ "${1:-}" = "--python" ]; then
  # The test helpers: an independent openpyxl reader, and the fixture generator's own check.
  python3 -c "import openpyxl, xlsxwriter, msoffcrypto, pytest" 2>/dev/null \
    || python3 -m pip install -q -r "$(dirname "$0")/../fixtures/gen/requirements.txt"
fi
