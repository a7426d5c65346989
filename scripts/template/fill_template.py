#!/usr/bin/env python3
"""Fills the unlocked input cells of a `parkstat template` workbook with consistent figures
(ytd ≥ cur, sales ≤ output, export ≤ sales, party ≤ staff), as an enterprise would.

    fill_template.py SRC.xlsx DST.xlsx [--skip 实缴税金,从业人员期末人数]

Works for both layouts: the wide header row (the row holding 统一社会信用代码) or the long
table (指标名称 | … | 本月 | 1—本月 | 上年同期本月 | 上年同期累计). Only the first input row of a
wide template is filled. Used by Tests/CLITests/TemplateCommandTests.swift.
"""
import re
import sys

import openpyxl

CUR = {"工业总产值": 100, "工业销售产值": 98, "出口交货值": 10, "营业收入": 99, "利润总额": -3.5,
       "实缴税金": 3.5, "从业人员期末人数": 120, "党员人数": 8, "用电量": 5.5, "固定资产投资": 0}
TEXT = {"统一社会信用代码": "91511903PDY00001X4", "企业名称": "巴中芯泓电子科技有限公司",
        "填表人": "赵某某", "联系电话": "0827-5551001", "报出日期": "2024-08-05"}


def label(s):
    return re.sub(r"\s|：|:", "", str(s or ""))


def value(name, part):
    for k, v in TEXT.items():
        if name.startswith(k):
            return v
    for k, v in CUR.items():
        if name.startswith(k):
            return v * 7 + 1 if part in ("ytd", "py_ytd") else v
    return None


def part_of(head):
    if "上年同期累计" in head:
        return "py_ytd"
    if "累计" in head or head.startswith("1-") or head.startswith("1—"):
        return "ytd"
    return "cur"


def main():
    src, dst = sys.argv[1], sys.argv[2]
    skip = set(sys.argv[4].split(",")) if len(sys.argv) > 4 and sys.argv[3] == "--skip" else set()
    wb = openpyxl.load_workbook(src)
    ws = wb["月报"]
    table = next((c for row in ws.iter_rows() for c in row if label(c.value) == "指标名称"), None)
    targets = []  # (cell, name, part)
    if table is None:  # wide: header row holds 统一社会信用代码; fill the row under it
        head = next(c.row for row in ws.iter_rows() for c in row if label(c.value) == "统一社会信用代码")
        for c in ws[head + 1]:
            h = label(ws.cell(head, c.column).value)
            if h:
                targets.append((c, h, part_of(h)))
    else:
        heads = {c.column: label(c.value) for c in ws[table.row]}
        for row in ws.iter_rows(min_row=1):
            name = label(row[0].value)
            if row[0].row > table.row and name.startswith("填表人"):   # footer: label, value, label, value…
                for i in range(0, len(row) - 1, 2):
                    targets.append((row[i + 1], label(row[i].value), "cur"))
                continue
            for c in row[1:]:
                if row[0].row < table.row:
                    targets.append((c, name, "cur"))
                    break
                if row[0].row > table.row and c.column in heads and heads[c.column] not in ("计量单位", "代码"):
                    targets.append((c, name, part_of(heads[c.column])))
    for cell, name, part in targets:
        if cell.protection.locked or cell.value not in (None, ""):
            continue
        if any(name.startswith(s) for s in skip):
            continue
        v = value(name, part)
        if v is not None:
            cell.value = v
    wb.save(dst)


if __name__ == "__main__":
    main()
