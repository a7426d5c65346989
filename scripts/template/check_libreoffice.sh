#!/usr/bin/env bash
# Opens `parkstat template` outputs in LibreOffice headless and checks what it sees:
#   - converts the blank wide and long templates and a filled per-enterprise copy to csv and pdf;
#   - checks the title, period line and header labels in the csv, and the filled values;
#   - renders page 1 of the wide template's pdf to docs/template-page.png (--png).
# Installs libreoffice-calc-nogui / poppler-utils / fonts-noto-cjk with apt-get when missing.
#
#   scripts/template/check_libreoffice.sh [--png]     (run from anywhere; builds parkstat if needed)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
want_png=0
[[ "${1:-}" == "--png" ]] && want_png=1

need() {   # need COMMAND APT-PACKAGE
  command -v "$1" >/dev/null 2>&1 && return
  echo "安装 $2 …" >&2
  apt-get install -y "$2" >/dev/null || { apt-get update >/dev/null && apt-get install -y "$2" >/dev/null; }
}
need soffice libreoffice-calc-nogui
need pdftotext poppler-utils
if ! fc-list :lang=zh | grep -q .; then need fc-list fontconfig; apt-get install -y fonts-noto-cjk >/dev/null; fi

bin=.build/debug/parkstat
[[ -x $bin ]] || swift build --product parkstat >/dev/null
work="$(mktemp -d /tmp/parkstat-lo-XXXXXX)"
profile="/tmp/lo-profile-$$"
trap 'rm -rf "$work" "$profile"' EXIT

soffice_convert() {   # soffice_convert FORMAT FILE OUTDIR
  soffice -env:UserInstallation=file://"$profile" --headless --norestore \
    --convert-to "$1" --outdir "$3" "$2" >/dev/null 2>&1
}

fail=0
check() {   # check DESCRIPTION FILE PATTERN
  if grep -qF -- "$3" "$2"; then echo "ok    $1"; else echo "FAIL  $1: “$3” not in $2"; fail=1; fi
}

"$bin" template --period 2024-07 -o "$work/wide.xlsx" >/dev/null
"$bin" template --period 2024-07 --layout long -o "$work/long.xlsx" >/dev/null
"$bin" template --period 2024-07 --registry fixtures/inbox/企业名录.xlsx -o "$work/sent" >/dev/null
sent="$work/sent/巴中芯泓电子科技有限公司-2024年7月.xlsx"
python3 scripts/template/fill_template.py "$sent" "$work/filled.xlsx"

for f in wide long filled; do
  # csv: the first sheet, UTF-8 (filter options: separator 44, quote 34, charset 76 = UTF-8).
  soffice_convert 'csv:Text - txt - csv (StarCalc):44,34,76' "$work/$f.xlsx" "$work"
  soffice_convert pdf "$work/$f.xlsx" "$work"
  [[ -s "$work/$f.pdf" ]] && echo "ok    $f.pdf written" || { echo "FAIL  $f.pdf missing"; fail=1; }
done

# Header cells wrap lines; compare with line breaks removed.
for f in wide long filled; do tr -d '\r\n' < "$work/$f.csv" > "$work/$f.flat"; done
check "wide title"           "$work/wide.flat" "巴中临港产业园企业月度统计报表"
check "wide period line"     "$work/wide.flat" "报告期：2024年7月"
check "wide unit line"       "$work/wide.flat" "单位：万元"
for h in 统一社会信用代码 企业名称 工业总产值（本月） 工业总产值（本年累计） 工业销售产值（本月） 出口交货值（本月） \
         营业收入（本年累计） 利润总额（本月） 实缴税金（本年累计） 从业人员期末人数（人） 党员人数（人） \
         用电量（本月）（万千瓦时） 固定资产投资（本年累计） 填表人 联系电话; do
  check "wide header $h" "$work/wide.flat" "$h"
done
for h in 指标名称 计量单位 代码 本月 1—本月 上年同期本月 上年同期累计 工业总产值 从业人员期末人数 2024-07; do
  check "long cell $h" "$work/long.csv" "$h"
done
check "filled identity"      "$work/filled.csv" "91511903PDY00001X4,巴中芯泓电子科技有限公司"
check "filled figures"       "$work/filled.csv" "100.00,701.00,98.00,687.00"
check "filled staff"         "$work/filled.csv" ",120,8,"
pdftotext -layout "$work/wide.pdf" "$work/wide.txt"
check "pdf text title"       "$work/wide.txt" "巴中临港产业园企业月度统计报表"

if (( want_png )); then
  need pdftoppm poppler-utils
  mkdir -p docs
  # The long (B204-1) copy filled in: seven columns stay legible at 80 dpi.
  python3 scripts/template/fill_template.py "$work/long.xlsx" "$work/long-filled.xlsx"
  soffice_convert pdf "$work/long-filled.xlsx" "$work"
  pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$work/long-filled.pdf" docs/template-page
  echo "ok    docs/template-page.png"
fi
exit $fail
