import SheetModel

extension TemplateLayout {
    /// The header row of the wide layout (zero-based); inputs start on the next row.
    public static let wideHeaderRow = 3

    /// 一企一行: title, 报告期, 单位 lines, one header row the reader matches, then input rows.
    static func wideSheet(schema: Schema, period: Period, enterprise: Registry.Enterprise?, rows: Int) -> Sheet {
        var sheet = Sheet(name: dataSheetName)
        let h = wideHeaderRow
        var col = 0
        var columns: [(field: FieldSpec, part: Part?, column: Int)] = []
        for f in schema.fields {
            switch f.kind {
            case .period, .date: continue       // the period is the title line; dates are the footer's business
            case .flow: for p in [Part.cur, .ytd] { columns.append((f, p, col)); col += 1 }
            case .stock: columns.append((f, .end, col)); col += 1
            case .uscc, .text: columns.append((f, nil, col)); col += 1
            }
        }
        let last = max(col - 1, 0)
        sheet.add(CellRef(0, 0), title, .title)
        sheet.merges.append(CellRange(first: CellRef(0, 0), last: CellRef(0, last)))
        sheet.add(CellRef(1, 0), "报告期：\(period.chinese)", .note)
        if schema.fields.contains(where: { $0.unit == .wanYuan }) { sheet.add(CellRef(2, 0), "单位：万元", .note) }
        for c in columns { sheet.add(CellRef(h, c.column), TemplateText.wideHeader(c.field, c.part), .header) }

        let first = h + 1, lastRow = h + rows
        for r in first...lastRow {
            for c in columns {
                let ref = CellRef(r, c.column)
                let format = format(of: c.field)
                if let e = enterprise, c.field.kind == .uscc || c.field.id == "enterprise_name" {
                    sheet.add(ref, c.field.kind == .uscc ? e.uscc : e.name, .fixed, format)
                    continue
                }
                sheet.add(ref, nil, .input, format)
                sheet.inputs.append(Input(ref: ref, fieldID: c.field.id, part: c.part, record: r - first))
            }
        }
        for c in columns {
            let range = CellRange(first: CellRef(first, c.column), last: CellRef(lastRow, c.column))
            if c.field.kind.isNumeric {
                sheet.validations.append(TemplateText.validation(c.field, c.part, ranges: [range]))
            } else if c.field.kind == .uscc, enterprise == nil {
                sheet.validations.append(TemplateText.usccValidation(ranges: [range]))
            }
            if c.field.kind.isNumeric { sheet.widths[UInt16(c.column)] = 12 }
            if c.field.kind == .uscc { sheet.widths[UInt16(c.column)] = 22 }
            if c.field.id == "enterprise_name" { sheet.widths[UInt16(c.column)] = 32 }
        }
        // A footer after an empty row: the reader stops at the empty row, and at "注" in any case.
        sheet.add(CellRef(lastRow + 2, 0),
                  "注：黄色单元格为填报区，其余单元格已锁定；各项指标的含义和填写要求见“说明”工作表。", .note)
        sheet.rowHeights[UInt32(h)] = 48
        sheet.freeze = (UInt32(first), 2)
        sheet.printTitleRows = 0...UInt32(h)
        sheet.sortCells()
        return sheet
    }

    /// 一企一表 (B204-1): 单位名称 / 统一社会信用代码 / 报告期 lines, then 指标名称 | 计量单位 | 代码 |
    /// 本月 | 1—本月 | 上年同期本月 | 上年同期累计. Stocks fill 本月 and 上年同期本月; their 累计 cells are locked.
    static func longSheet(schema: Schema, period: Period, enterprise: Registry.Enterprise?) -> Sheet {
        var sheet = Sheet(name: dataSheetName)
        sheet.add(CellRef(0, 0), title, .title)
        sheet.merges.append(CellRange(first: CellRef(0, 0), last: CellRef(0, 6)))
        var row = 1
        for f in schema.fields where f.kind == .uscc || f.id == "enterprise_name" {
            let value = CellRef(row, 1)
            sheet.add(CellRef(row, 0), f.kind == .uscc ? f.label : f.label + "：", .label)
            if let e = enterprise {
                sheet.add(value, f.kind == .uscc ? e.uscc : e.name, .fixed, .text)
            } else {
                sheet.add(value, nil, .input, .text)
                sheet.inputs.append(Input(ref: value, fieldID: f.id, part: nil, record: 0))
                if f.kind == .uscc { sheet.validations.append(TemplateText.usccValidation(ranges: [CellRange(first: value, last: value)])) }
            }
            sheet.merges.append(CellRange(first: value, last: CellRef(row, 3)))
            row += 1
        }
        if let f = schema.fields.first(where: { $0.kind == .period }) {
            sheet.add(CellRef(row, 0), f.label, .label)
            sheet.add(CellRef(row, 1), period.description, .fixed, .text)
            row += 1
        }
        let header = row
        let heads = ["指标名称", "计量单位", "代码", "本月", "1—本月", "上年同期本月", "上年同期累计"]
        for (c, t) in heads.enumerated() { sheet.add(CellRef(header, c), t, .header) }
        row += 1
        var code = 1
        for f in schema.fields where f.kind.isNumeric {
            sheet.add(CellRef(row, 0), f.label, .label)
            sheet.add(CellRef(row, 1), TemplateText.unitName(f), .label)
            sheet.add(CellRef(row, 2), (code < 10 ? "0" : "") + String(code), .label, .text)
            let parts: [Part?] = f.kind == .flow ? [.cur, .ytd, .pyCur, .pyYtd] : [.end, nil, .pyEnd, nil]
            for (k, part) in parts.enumerated() {
                let ref = CellRef(row, 3 + k)
                guard let part else { sheet.add(ref, nil, .unused); continue }
                sheet.add(ref, nil, .input, format(of: f))
                sheet.inputs.append(Input(ref: ref, fieldID: f.id, part: part, record: 0))
                sheet.validations.append(TemplateText.validation(f, part, ranges: [CellRange(first: ref, last: ref)]))
            }
            row += 1
            code += 1
        }
        // Footer: the reader stops at 填表人 (a footer label), so these are not indicators.
        row += 1
        var col = 0
        for f in schema.fields where f.kind == .date || (f.kind == .text && f.id != "enterprise_name") {
            guard col + 1 <= 6 else { break }
            sheet.add(CellRef(row, col), f.label + "：", .label)
            sheet.add(CellRef(row, col + 1), nil, .input, .text)
            sheet.inputs.append(Input(ref: CellRef(row, col + 1), fieldID: f.id, part: nil, record: 0))
            col += 2
        }
        sheet.add(CellRef(row + 2, 0),
                  "注：黄色单元格为填报区，其余单元格已锁定；各项指标的含义和填写要求见“说明”工作表。", .note)
        sheet.widths = [0: 24, 1: 12, 2: 8, 3: 14, 4: 14, 5: 14, 6: 14]
        sheet.rowHeights[UInt32(header)] = 24
        sheet.freeze = (UInt32(header + 1), 0)
        sheet.printTitleRows = 0...UInt32(header)
        sheet.landscape = true
        sheet.sortCells()
        return sheet
    }

    static func format(of f: FieldSpec) -> Format {
        switch f.kind {
        case .flow, .stock: f.integer ? .integer : .decimal2
        case .uscc, .text, .date: .text
        case .period: .text
        }
    }
}
