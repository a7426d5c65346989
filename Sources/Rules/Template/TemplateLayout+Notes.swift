import SheetModel

extension TemplateLayout {
    /// 基本情况: the registry columns an enterprise can confirm (主导产业, 规上, 高新, 党组织…) with
    /// dropdowns. Identity comes from the data sheet by formula. The reader never takes this sheet
    /// for data: it has no numeric field.
    static func infoSheet(schema: Schema, data: Sheet, identity: [Input], fixed: [Cell],
                          enterprise: Registry.Enterprise?, rows: Int) -> Sheet {
        var sheet = Sheet(name: infoSheetName)
        let fields = TemplateText.infoFields.compactMap { id in schema.registryFields.first { $0.id == id } }
        let usccLabel = schema.field("uscc")?.label ?? "统一社会信用代码"
        let nameLabel = schema.field("enterprise_name")?.label ?? "企业名称"
        let heads = [usccLabel, nameLabel] + fields.map(\.label)
        sheet.add(CellRef(0, 0), "企业基本情况（如有变化请在黄色单元格中更正，供园区更新企业名录）", .title)
        sheet.merges.append(CellRange(first: CellRef(0, 0), last: CellRef(0, heads.count - 1)))
        for (c, t) in heads.enumerated() { sheet.add(CellRef(1, c), t, .header) }
        // Where the data sheet holds each record's USCC and name.
        func source(_ id: String, _ record: Int) -> CellRef? {
            if let i = identity.first(where: { $0.fieldID == id && $0.record == record }) { return i.ref }
            let value = id == "uscc" ? enterprise?.uscc : enterprise?.name
            return record == 0 ? fixed.first(where: { $0.text == value })?.ref : nil
        }
        for r in 0..<rows {
            let row = 2 + r
            for (k, id) in ["uscc", "enterprise_name"].enumerated() {
                guard let src = source(id, r) else { sheet.add(CellRef(row, k), nil, .fixed, .text); continue }
                let ref = "'\(dataSheetName)'!" + src.description
                let cached = id == "uscc" ? enterprise?.uscc : enterprise?.name
                sheet.add(CellRef(row, k), cached, .fixed, .text, formula: "IF(\(ref)=\"\",\"\",\(ref))")
            }
            for (k, f) in fields.enumerated() {
                sheet.add(CellRef(row, 2 + k), enterprise?.value(f.id).flatMap { $0.isEmpty ? nil : $0 }, .input, .text)
            }
        }
        for (k, f) in fields.enumerated() {
            let range = CellRange(first: CellRef(2, 2 + k), last: CellRef(1 + rows, 2 + k))
            if let items = TemplateText.choices[f.id] {
                sheet.validations.append(TemplateText.listValidation(f.label, items, ranges: [range]))
            }
        }
        sheet.widths = [0: 22, 1: 32]
        for (k, f) in fields.enumerated() where f.id == "party_branch" { sheet.widths[UInt16(2 + k)] = 36 }
        sheet.rowHeights[1] = 24
        sheet.freeze = (2, 2)
        sheet.printTitleRows = 0...1
        sheet.sortCells()
        return sheet
    }

    /// 说明: general notes, then one row per field: 字段 | 含义 | 单位 | 是否必填 | 填写说明.
    static func notesSheet(schema: Schema, kind: Kind, period: Period? = nil) -> Sheet {
        var sheet = Sheet(name: notesSheetName)
        sheet.add(CellRef(0, 0), "填表说明", .title)
        sheet.merges.append(CellRange(first: CellRef(0, 0), last: CellRef(0, 4)))
        let general = [
            "1. 本表由企业统计人员填写，每月5日前报送园区统计办；数据须经单位负责人审核。",
            "2. 黄色单元格为填报区，其余单元格已锁定；请勿增删行列、修改表头或工作表名称。",
            "3. 金额单位为万元，保留两位小数；人数填整数。没有发生的指标填 0；不掌握的留空，不要填“—”“无”等字样。",
            "4. 请保存为 .xlsx 格式报送，不要另存为 .xls、.et 或 PDF。",
        ]
        var row = 1
        for line in general {
            sheet.add(CellRef(row, 0), line, .body)
            sheet.merges.append(CellRange(first: CellRef(row, 0), last: CellRef(row, 4)))
            row += 1
        }
        row += 1
        for (c, t) in ["字段", "含义", "单位", "是否必填", "填写说明"].enumerated() { sheet.add(CellRef(row, c), t, .header) }
        row += 1
        for f in schema.fields {
            let name = f.kind == .flow ? f.label + "（本月、本年累计）" : f.label
            sheet.add(CellRef(row, 0), name, .body)
            sheet.add(CellRef(row, 1), TemplateText.meanings[f.id] ?? f.label, .body)
            sheet.add(CellRef(row, 2), TemplateText.unitName(f), .body)
            sheet.add(CellRef(row, 3), TemplateText.requirement(f), .body)
            sheet.add(CellRef(row, 4), TemplateText.instructions(f, period: period), .body)
            row += 1
        }
        sheet.widths = [0: 22, 1: 44, 2: 10, 3: 16, 4: 56]
        sheet.landscape = true
        sheet.sortCells()
        return sheet
    }
}
