#!/usr/bin/env bash
# Opens a workbook written by XLSXWriter in LibreOffice headless: converts every sheet to CSV
# and the workbook to PDF, then checks the values LibreOffice shows. Not part of `swift test`
# (LibreOffice's first start alone takes tens of seconds). Usage:
#   scripts/writer/check_libreoffice.sh [OUTDIR]
# Installs libreoffice-calc-nogui with apt-get when soffice is missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$(mktemp -d -t parkstat-lo-XXXXXX)}
mkdir -p "$out"
out=$(cd "$out" && pwd)

if ! command -v soffice >/dev/null; then
  echo "soffice 未安装，正在安装 libreoffice-calc-nogui…" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-calc-nogui >/dev/null
fi

sample="$out/sample.xlsx"
rm -f "$sample" "$out"/sample*.csv "$out/sample.pdf"
# The test writes SampleWorkbook (Tests/XLSXWriterTests/SampleWorkbook.swift) where we ask.
PARKSTAT_WRITER_SAMPLE="$sample" swift test --package-path "$root" --filter 'writesSampleForScripts' >"$out/swift-test.log" 2>&1 \
  || { cat "$out/swift-test.log" >&2; exit 1; }
test -s "$sample" || { echo "测试没有写出样例工作簿 $sample" >&2; exit 1; }

# A private profile: other users' running soffice instances must not capture the conversion.
profile="file://$out/lo-profile"
# CSV filter tokens: comma, double quote, UTF-8 (76), from row 1, …, last token -1 = every sheet
# into sample-<sheet>.csv (LibreOffice ≥ 7.2); the true before it saves cells as shown,
# so the number formats are checked too.
timeout 300 soffice -env:UserInstallation="$profile" --headless --convert-to \
  'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' --outdir "$out" "$sample" >"$out/soffice-csv.log" 2>&1
timeout 300 soffice -env:UserInstallation="$profile" --headless --convert-to pdf --outdir "$out" "$sample" >"$out/soffice-pdf.log" 2>&1

test -s "$out/sample.pdf" || { echo "LibreOffice 未能生成 PDF" >&2; cat "$out/soffice-pdf.log" >&2; exit 1; }
head -c 5 "$out/sample.pdf" | grep -q '%PDF' || { echo "PDF 文件头不对" >&2; exit 1; }
# 汇总 is set to A4 landscape (841.9 × 595.3 pt), fitted to one page wide.
grep -a -q '/MediaBox *\[ *0 0 841\.8[0-9]* 595\.3' "$out/sample.pdf" \
  || { echo "PDF 中没有 A4 横向页面（汇总 的打印设置未生效）" >&2; exit 1; }

python3 - "$out" <<'PY'
import csv, sys, pathlib
out = pathlib.Path(sys.argv[1])
def sheet(name):
    with open(out / f"sample-{name}.csv", encoding="utf-8", newline="") as f:
        return list(csv.reader(f))
failures = []
def check(what, got, want):
    if got != want:
        failures.append(f"{what}: got {got!r}, want {want!r}")
s = sheet("汇总")
check("A1", s[0][0], '园区企业月报 <2024年3月> & "汇总"')
check("header", s[1], ["企业名称", "营业收入（万元）", "增速", "月份", "是否规上", "合计"])
# Row 4 (i = 1): values as LibreOffice formats them; F is recalculated from B.
check("row 4", s[3], ["企业2 有限公司", "1,234.75", "1.0%", "2024-02", "FALSE", "2,469.50"])
check("row 3 bool", s[2][4], "TRUE")
check("rows", len(s), 22)
f = sheet("填报")
check("填报 D2", f[1][3], "12.50")
n = sheet("说明")
check("说明 A1", n[0][0], "  填报说明：\n1. 金额单位为万元\t\x01")
check("说明 A4", n[3][0], "_x0041_ 不是转义")
if failures:
    print("\n".join(failures)); sys.exit(1)
print("LibreOffice: ok (csv values checked, pdf written)")
PY
echo "输出在 $out"
