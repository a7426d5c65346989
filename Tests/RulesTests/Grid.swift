import SheetModel
@testable import Rules

/// Small in-memory sheets for tests: strings become text, numbers numbers, nil an empty cell.
enum Grid {
    static func sheet(_ name: String, _ rows: [[Any?]], merged: [String] = [], startRow: UInt32 = 0,
                      state: SheetState = .visible) -> SheetData {
        var out: [Row] = []
        for (i, cells) in rows.enumerated() {
            var row = Row(index: startRow + UInt32(i))
            for (c, v) in cells.enumerated() {
                let value: CellValue
                switch v {
                case nil: continue
                case let s as String: value = .text(s)
                case let d as Double: value = .number(d)
                case let n as Int: value = .number(Double(n))
                case let cv as CellValue: value = cv
                default: fatalError("unsupported \(String(describing: v))")
                }
                if !value.isEmpty { row.cells.append(Cell(column: UInt16(c), value: value)) }
            }
            if !row.cells.isEmpty { out.append(row) }
        }
        return SheetData(name: name, state: state, rows: out, merged: merged.compactMap { CellRange($0) })
    }

    static func book(_ sheets: SheetData..., system: DateSystem = .d1900) -> WorkbookData {
        WorkbookData(path: "test.xlsx", dateSystem: system, sheets: sheets)
    }

    static let schema = try! Schema.defaultSchema()

    static let a = "91511903PDY00001X4", b = "91511903PDY0000284", c = "91511903PDY000060F", d = "91511903PDY0001590"

    static let registry = Registry([
        .init(uscc: a, name: "巴中甲电子有限公司", aliases: ["甲电子"], status: "投产"),
        .init(uscc: b, name: "巴中乙食品有限公司", status: "投产"),
        .init(uscc: c, name: "巴中丙材料有限公司", status: "在建"),
        .init(uscc: d, name: "巴中丁医药有限公司", status: "投产"),
    ])

    static var header: [Any?] { ["序号", "统一社会信用代码", "企业名称", "工业总产值本月", "工业总产值本年累计",
                                 "工业销售产值本月", "工业销售产值本年累计", "营业收入本月", "营业收入本年累计",
                                 "实缴税金本月", "实缴税金本年累计", "从业人员期末人数", "党员人数"] }

    /// One clean wide row for enterprise `uscc`; override cells by column letter.
    static func row(_ n: Int, _ uscc: String, _ name: String, _ edits: [String: Any?] = [:]) -> [Any?] {
        var r: [Any?] = [n, uscc, name, 100.0, 700.0, 95.0, 660.0, 98.0, 680.0, 3.5, 24.5, 120, 8]
        for (col, v) in edits {
            let i = Int(CellRef(col + "1")!.column)
            while r.count <= i { r.append(nil) }
            r[i] = v
        }
        return r
    }

    /// A park-compiled wide sheet: title, period line, unit line, header at row 4, data from row 5.
    static func wide(_ rows: [[Any?]], unit: String = "单位：万元", period: String = "报告期：2024年7月") -> SheetData {
        sheet("月报", [["巴中临港产业园企业月度统计报表"], [period], [unit], header] + rows, merged: ["A1:M1"])
    }

    static func validate(_ sheets: SheetData..., period: String? = "2024-07", registry: Registry? = Grid.registry,
                         prior: (any PriorPeriodSource)? = nil, file: String = "test.xlsx",
                         system: DateSystem = .d1900) -> FileReport {
        Validator(schema: schema, registry: registry, prior: prior)
            .validate(workbook: WorkbookData(path: file, dateSystem: system, sheets: sheets), file: file, period: period)
    }
}

extension FileReport {
    func has(_ rule: String, _ cell: String? = nil, _ severity: Severity? = nil) -> Bool {
        findings.contains { f in
            f.rule == rule && (cell == nil || f.cell?.description == cell) && (severity == nil || f.severity == severity)
        }
    }
    var rules: [String] { findings.map { "\($0.rule)@\($0.cell?.description ?? "-")" } }
}
