#!/usr/bin/env python3
"""Checks the consolidated workbook written by Tests/ReportTests (SampleSummary) with openpyxl:
sheet names and order, titles merged across the table, frozen header rows, autofilter ranges,
number formats of money and percent cells, "—" for growth without a base, print setup and print
titles. Usage: check_outputs.py WORKBOOK.xlsx   (exit 0 and "ok" when everything matches)"""
import sys

import openpyxl

path = sys.argv[1]
wb = openpyxl.load_workbook(path)
failures = []


def check(what, got, want):
    if got != want:
        failures.append(f"{what}: got {got!r}, want {want!r}")


SHEETS = ["汇总", "分产业", "企业明细", "月度趋势", "党建", "校验问题", "催报名单", "更正记录"]
check("sheets", wb.sheetnames, SHEETS)

for ws in wb.worksheets:
    name = ws.title
    last = openpyxl.utils.get_column_letter(ws.max_column)
    check(f"{name} title", str(ws["A1"].value).startswith("巴中临港产业园经济运行月报（2024年7月）"), True)
    check(f"{name} title merged", f"A1:{last}1" in {str(r) for r in ws.merged_cells.ranges}, True)
    check(f"{name} freeze", ws.freeze_panes, "A4")
    check(f"{name} autofilter", ws.auto_filter.ref, f"A3:{last}{max(ws.max_row, 3)}")
    check(f"{name} paper", ws.page_setup.paperSize, 9)
    check(f"{name} orientation", ws.page_setup.orientation, "landscape")
    check(f"{name} fit width", (ws.sheet_properties.pageSetUpPr.fitToPage, ws.page_setup.fitToWidth,
                               ws.page_setup.fitToHeight), (True, 1, 0))
    check(f"{name} print titles", ws.print_title_rows, "$1:$3")
    for col in range(1, ws.max_column + 1):
        letter = openpyxl.utils.get_column_letter(col)
        width = ws.column_dimensions[letter].width
        if not width or width < 6:
            failures.append(f"{name} column {letter} width {width!r}")

ws = wb["汇总"]
check("汇总 A4", ws["A4"].value, "工业总产值")
check("汇总 D4 value", ws["D4"].value, 27346.2)
check("汇总 D4 format", ws["D4"].number_format, "#,##0.00")
check("汇总 F4 format", ws["F4"].number_format, "0.0%")
check("汇总 F4 is a fraction", 0 < ws["F4"].value < 1, True)
export = next(r for r in ws.iter_rows(min_row=4) if r[0].value == "出口交货值")
check("出口交货值 本月同比", export[4].value, "—")

ws = wb["企业明细"]
check("企业明细 B4", ws["B4"].value, "巴中华芯<精密>&电子有限公司")
check("企业明细 G4 format", ws["G4"].number_format, "#,##0.00")
check("企业明细 rows", ws.max_row, 3 + 13)

ws = wb["分产业"]
check("分产业 G4 format", ws["G4"].number_format, "0.0%")

ws = wb["催报名单"]
check("催报名单 C4", ws["C4"].value, "巴中芯联微电子有限公司")

ws = wb["校验问题"]
check("校验问题 B4", ws["B4"].value, "错误")

check("created", wb.properties.created.isoformat(), "2024-08-01T00:00:00")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("ok")
