#!/usr/bin/env python3
"""Checks a workbook written by tests/XLSXWriterTests/SampleWorkbook.swift with openpyxl:
values, types, merged ranges, number formats, validations, comments, protection, print setup.
Usage: check_openpyxl.py SAMPLE.xlsx [ROWS]   (exit 0 and "ok" when everything matches)"""
import datetime
import sys

import openpyxl

path = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 20
wb = openpyxl.load_workbook(path)
failures = []


def check(what, got, want):
    if got != want:
        failures.append(f"{what}: got {got!r}, want {want!r}")


check("sheets", wb.sheetnames, ["汇总", "填报", "说明"])
check("title", wb.properties.title, "园区月报")
check("creator", wb.properties.creator, "统计办")
check("created", wb.properties.created, datetime.datetime(2024, 3, 1, 8, 30))

ws = wb["汇总"]
check("A1", ws["A1"].value, '园区企业月报 <2024年3月> & "汇总"')
check("A1 bold", ws["A1"].font.b, True)
check("A1 fill", ws["A1"].fill.fgColor.rgb, "FFDDEBF7")
check("A1 wrap", ws["A1"].alignment.wrap_text, True)
check("row 1 height", ws.row_dimensions[1].height, 24)
check("merged", [str(r) for r in ws.merged_cells.ranges], ["A1:F1"])
check("freeze", ws.freeze_panes, "B3")
check("autofilter", ws.auto_filter.ref, f"A2:F{rows + 2}")
check("print titles", ws.print_title_rows, "$1:$2")
check("orientation", ws.page_setup.orientation, "landscape")
check("paper", ws.page_setup.paperSize, 9)
check("fit to width", (ws.sheet_properties.pageSetUpPr.fitToPage, ws.page_setup.fitToWidth, ws.page_setup.fitToHeight), (True, 1, 0))
check("width A", ws.column_dimensions["A"].width, 30)
check("width B (fitted CJK header)", ws.column_dimensions["B"].width, 18)
check("header", [c.value for c in ws[2]], ["企业名称", "营业收入（万元）", "增速", "月份", "是否规上", "合计"])
for i in range(rows):
    r = i + 3
    row = ws[r]
    check(f"A{r}", row[0].value, f"企业{i + 1} 有限公司")
    check(f"B{r}", row[1].value, i * 1234.5 + 0.25)
    check(f"B{r} format", row[1].number_format, "#,##0.00")
    check(f"C{r}", row[2].value, i / 100)
    check(f"C{r} format", row[2].number_format, "0.0%")
    check(f"D{r}", row[3].value, datetime.datetime(2024, i % 12 + 1, 1))
    check(f"D{r} format", row[3].number_format, "yyyy-mm")
    check(f"E{r}", row[4].value, i % 2 == 0)
    check(f"F{r}", row[5].value, f"=B{r}*2")
check("last row", ws.max_row, rows + 2)
check("B3 comment", (ws["B3"].comment.text, ws["B3"].comment.author), ("请核对本月数：\n与上月相差较大", "统计办"))
check("comments", [c.coordinate for row in ws.iter_rows() for c in row if c.comment], ["B3"])

# Cached formula values, as a reader without a calculation engine sees them.
cached = openpyxl.load_workbook(path, data_only=True)["汇总"]
check("F4 cached", cached["F4"].value, (1234.5 + 0.25) * 2)

form = wb["填报"]
check("protected", form.protection.sheet, True)
check("password hash", form.protection.password, "CA0B")
check("B2 unlocked", form["B2"].protection.locked, False)
check("A2 locked", form["A2"].protection.locked, True)
check("D2", form["D2"].value, 12.5)
check("B2 comment", (form["B2"].comment.text, form["B2"].value), ("Note <A&B>: 从下拉列表选择", None))
# An empty <author/> is valid; openpyxl 3.1 reads its missing text as str(None).
check("B2 comment author", form["B2"].comment.author in ("", "None"), True)
dv = {str(v.sqref): v for v in form.data_validations.dataValidation}
check("validation ranges", sorted(dv), ["B2:B100", "C2:C100", "D2:D100"])
lst = dv["B2:B100"]
check("list", (lst.type, lst.formula1, lst.prompt, lst.promptTitle, lst.error, lst.showInputMessage),
      ("list", '"制造业,服务业,建筑业"', "请从下拉列表中选择", "行业", "只能选择列表中的行业", True))
check("whole", (dv["C2:C100"].type, dv["C2:C100"].formula1, dv["C2:C100"].formula2), ("whole", "0", "100000"))
check("decimal", (dv["D2:D100"].type, dv["D2:D100"].operator, dv["D2:D100"].formula1, dv["D2:D100"].error),
      ("decimal", "greaterThanOrEqual", "0", "出口额不能为负数"))

notes = wb["说明"]
# openpyxl keeps Excel's _xHHHH_ escapes as text; our reader decodes them.
check("notes A1", notes["A1"].value, "  填报说明：\n1. 金额单位为万元\t_x0001_")
check("notes A4", notes["A4"].value, "_x0041_ 不是转义")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("ok")
