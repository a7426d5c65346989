import SheetModel
import Testing
@testable import Rules

/// The template as data, and its round trip: a filled template reads back through the validator
/// with no finding but value.required for the cells left empty.
struct TemplateLayoutTests {
    let july = Period("2024-07")!
    let enterprise = Grid.registry[Grid.a]!

    /// The workbook a filled template becomes: the layout's texts plus `values` in its input cells.
    func workbook(_ layout: TemplateLayout, _ values: [CellRef: CellValue]) -> WorkbookData {
        let sheets = layout.sheets.map { sheet -> SheetData in
            var cells: [CellRef: CellValue] = [:]
            for c in sheet.cells { if let t = c.text, !t.isEmpty { cells[c.ref] = .text(t) } }
            if sheet.name == TemplateLayout.dataSheetName { for (k, v) in values { cells[k] = v } }
            let rows = Dictionary(grouping: cells.keys, by: \.row).keys.sorted().map { r in
                Row(index: r, cells: cells.keys.filter { $0.row == r }.sorted().map { Cell(column: $0.column, value: cells[$0]!) })
            }
            return SheetData(name: sheet.name, rows: rows, merged: sheet.merges)
        }
        return WorkbookData(path: "t.xlsx", sheets: sheets)
    }

    /// Consistent values for every input: ytd ≥ cur, sales ≤ output, export ≤ sales, party ≤ staff.
    func consistent(_ input: TemplateLayout.Input) -> CellValue {
        let base: [String: Double] = ["gross_output": 100, "sales_output": 98, "export_value": 10, "revenue": 99,
                                      "total_profit": -3.5, "tax_paid": 3.5, "employees_end": 120, "party_members": 8,
                                      "electricity": 5.5, "fixed_invest": 0]
        switch input.fieldID {
        case "uscc": return .text(Grid.a)
        case "enterprise_name": return .text(enterprise.name)
        case "filler": return .text("赵某某")
        case "phone": return .text("0827-5551001")
        case "report_date": return .text("2024-08-05")
        default:
            let v = base[input.fieldID] ?? 1
            switch input.part {
            case .ytd?, .pyYtd?: return .number(v * 7 + 1)
            default: return .number(v)
            }
        }
    }

    func validate(_ layout: TemplateLayout, _ values: [CellRef: CellValue]) -> FileReport {
        Validator(schema: Grid.schema, registry: Grid.registry)
            .validate(workbook: workbook(layout, values), file: "t.xlsx", period: "2024-07")
    }

    @Test func wideHeaderUsesLabelsTheReaderKnows() {
        let t = TemplateLayout.build(schema: Grid.schema, kind: .wide, period: july)
        let data = t.sheets[0]
        #expect(t.sheets.map(\.name) == ["月报", "基本情况", "说明"])
        #expect(data.cell(CellRef("A1")!)?.text == "巴中临港产业园企业月度统计报表")
        #expect(data.cell(CellRef("A2")!)?.text == "报告期：2024年7月")
        #expect(data.cell(CellRef("A3")!)?.text == "单位：万元")
        let header = data.cells.filter { $0.ref.row == 3 }.compactMap(\.text)
        #expect(header.prefix(4) == ["统一社会信用代码", "企业名称", "工业总产值\n（本月）", "工业总产值\n（本年累计）"])
        #expect(header.contains("从业人员期末人数\n（人）"))
        #expect(header.contains("用电量\n（本月）\n（万千瓦时）"))
        #expect(header.suffix(2) == ["填表人", "联系电话"])
        #expect(data.merges.contains(CellRange("A1:\(CellRef.columnName(UInt16(header.count - 1)))1")!))
        // Header locked, inputs unlocked: every cell of row 5 is an input.
        #expect(data.cells.filter { $0.ref.row == 3 }.allSatisfy { $0.role == .header })
        #expect(data.cells.filter { $0.ref.row == 4 }.allSatisfy { $0.role == .input })
        #expect(data.inputs.count == header.count)
    }

    @Test func numericInputsCarryValidations() {
        let t = TemplateLayout.build(schema: Grid.schema, kind: .wide, period: july, rows: 30)
        let data = t.sheets[0]
        func rule(_ id: String, _ part: Part?) -> TemplateLayout.Validation? {
            let input = data.inputs.first { $0.fieldID == id && $0.part == part && $0.record == 29 }!
            return data.validations.first { v in v.ranges.contains { $0.first.column == input.ref.column && $0.last.row == input.ref.row } }
        }
        #expect(data.inputs.filter { $0.fieldID == "uscc" }.count == 30)
        #expect(rule("gross_output", .cur)?.rule == .decimal(min: 0, max: nil))
        #expect(rule("gross_output", .cur)?.prompt.hasPrefix("请填写本月工业总产值，单位：万元，保留两位小数") == true)
        #expect(rule("gross_output", .cur)?.alert == .stop)
        #expect(rule("total_profit", .ytd)?.rule == .decimal(min: nil, max: nil))
        #expect(rule("tax_paid", .cur)?.alert == .warning)
        #expect(rule("employees_end", .end)?.rule == .whole(min: 0, max: 99_999))
        #expect(rule("party_members", .end)?.rule == .whole(min: 0, max: 99_999))
        #expect(rule("uscc", nil)?.rule == .textLength(18))
        for input in data.inputs where Grid.schema.field(input.fieldID)?.kind.isNumeric == true {
            #expect(data.validations.contains { v in v.ranges.contains { r in
                r.first.column == input.ref.column && (r.first.row...r.last.row).contains(input.ref.row) } },
                    "no validation on \(input.ref)")
        }
        for v in data.validations {
            #expect(v.promptTitle.count <= 32 && v.prompt.count <= 255 && v.error.count <= 255)
        }
    }

    @Test func registryTemplateFillsAndLocksIdentity() {
        let t = TemplateLayout.build(schema: Grid.schema, kind: .wide, period: july, enterprise: enterprise, rows: 30)
        let data = t.sheets[0]
        #expect(data.cell(CellRef("A5")!).map { ($0.text, $0.role, $0.format) } ?? (nil, .body, .general) == (Grid.a, .fixed, .text))
        #expect(data.cell(CellRef("B5")!)?.text == "巴中甲电子有限公司")
        #expect(data.cell(CellRef("B5")!)?.role == .fixed)
        #expect(!data.inputs.contains { $0.fieldID == "uscc" || $0.fieldID == "enterprise_name" })
        #expect(data.cells.allSatisfy { $0.ref.row <= 4 || $0.role == .note })
        #expect(TemplateLayout.fileName(enterprise: enterprise.name, period: july) == "巴中甲电子有限公司-2024年7月.xlsx")
        #expect(TemplateLayout.fileName(enterprise: "甲/乙", period: july) == "甲_乙-2024年7月.xlsx")
    }

    @Test func infoSheetHasDropdownsForEnumerations() {
        let t = TemplateLayout.build(schema: Grid.schema, kind: .wide, period: july)
        let info = t.sheets[1]
        let lists = info.validations.compactMap { v -> [String]? in if case .list(let items) = v.rule { items } else { nil } }
        #expect(lists.contains(["电子信息", "食品饮料", "先进材料", "医药健康", "文旅康养", "商贸物流", "其他"]))
        #expect(lists.filter { $0 == ["是", "否"] }.count == 3)
        #expect(info.cell(CellRef("A3")!)?.formula == "IF('月报'!A5=\"\",\"\",'月报'!A5)")
    }

    @Test func notesSheetExplainsEveryField() {
        let t = TemplateLayout.build(schema: Grid.schema, kind: .long, period: july)
        let notes = t.sheets[2]
        let headerRow = notes.cells.first { $0.text == "字段" }!.ref.row
        #expect(notes.cells.filter { $0.ref.row == headerRow }.compactMap(\.text) == ["字段", "含义", "单位", "是否必填", "填写说明"])
        let rows = Dictionary(grouping: notes.cells.filter { $0.ref.row > headerRow }, by: \.ref.row)
        #expect(rows.count == Grid.schema.fields.count)
        let revenue = rows.values.first { $0.contains { $0.text == "营业收入（本月、本年累计）" } }!.sorted { $0.ref < $1.ref }
        #expect(revenue.map { $0.text ?? "" }[2...3] == ["万元", "必填（1月免报）"])
        #expect(rows.values.contains { $0.contains { $0.text?.contains("亏损填负数") == true } })
    }

    @Test(arguments: TemplateLayout.Kind.allCases)
    func filledTemplateValidatesClean(kind: TemplateLayout.Kind) {
        let t = TemplateLayout.build(schema: Grid.schema, kind: kind, period: july)
        var values: [CellRef: CellValue] = [:]
        for i in t.sheets[0].inputs { values[i.ref] = consistent(i) }
        let report = validate(t, values)
        #expect(report.findings.isEmpty, "\(report.rules)")
        #expect(report.submissions.count == 1)
        #expect(report.submissions.first?.facts["gross_output"]?["ytd"] == 701)
    }

    @Test(arguments: TemplateLayout.Kind.allCases)
    func emptyCellsGiveOnlyValueRequired(kind: TemplateLayout.Kind) {
        let t = TemplateLayout.build(schema: Grid.schema, kind: kind, period: july, enterprise: enterprise)
        let inputs = t.sheets[0].inputs
        let dropped: Set<String> = ["tax_paid", "employees_end", "export_value"]
        var values: [CellRef: CellValue] = [:]
        for i in inputs where !dropped.contains(i.fieldID) { values[i.ref] = consistent(i) }
        let report = validate(t, values)
        let expected = inputs.filter { ($0.fieldID == "tax_paid" && [.cur, .ytd].contains($0.part)) || ($0.fieldID == "employees_end" && $0.part == .end) }
        #expect(report.findings.allSatisfy { $0.rule == "value.required" }, "\(report.rules)")
        #expect(Set(report.findings.compactMap(\.cell)) == Set(expected.map(\.ref)))

        // Nothing filled at all: still only value.required (the identity is the park's).
        let blank = validate(t, [:])
        #expect(!blank.findings.isEmpty)
        #expect(blank.findings.allSatisfy { $0.rule == "value.required" }, "\(blank.rules)")
    }

    @Test(arguments: TemplateLayout.Kind.allCases)
    func blankTemplateWithoutIdentityGivesOnlyValueRequired(kind: TemplateLayout.Kind) {
        let t = TemplateLayout.build(schema: Grid.schema, kind: kind, period: july, enterprise: nil)
        let report = validate(t, [:])
        #expect(report.findings.allSatisfy { $0.rule == "value.required" }, "\(report.rules)")
        // The long layout labels its identity cells, so the blank ones are named; a wide sheet with no
        // filled row simply has no row to check.
        if kind == .long {
            let usccInput = t.sheets[0].inputs.first { $0.fieldID == "uscc" }
            #expect(report.findings.contains { $0.field == "uscc" && $0.cell == usccInput?.ref }, "\(report.rules)")
        }
    }

    @Test func longLayoutShape() {
        let t = TemplateLayout.build(schema: Grid.schema, kind: .long, period: july, enterprise: enterprise)
        let data = t.sheets[0]
        #expect(data.cell(CellRef("A2")!)?.text == "统一社会信用代码")
        #expect(data.cell(CellRef("B2")!).map { ($0.text, $0.role) } ?? (nil, .body) == (Grid.a, .fixed))
        #expect(data.cell(CellRef("A3")!)?.text == "企业名称：")
        #expect(data.cell(CellRef("B4")!)?.text == "2024-07")
        #expect(data.cells.filter { $0.ref.row == 4 }.compactMap(\.text)
                == ["指标名称", "计量单位", "代码", "本月", "1—本月", "上年同期本月", "上年同期累计"])
        let staff = data.cells.first { $0.text == "从业人员期末人数" }!.ref.row
        #expect(data.cell(CellRef(row: staff, column: 1))?.text == "人")
        #expect(data.cell(CellRef(row: staff, column: 3))?.role == .input)
        #expect(data.cell(CellRef(row: staff, column: 4))?.role == .unused)
        #expect(data.inputs.filter { $0.fieldID == "gross_output" }.map(\.part) == [.cur, .ytd, .pyCur, .pyYtd])
    }
}
