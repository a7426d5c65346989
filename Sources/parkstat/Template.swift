import ArgumentParser
import Foundation
import Rules
import SheetModel
import XLSXWriter

extension Parkstat {
    /// `template`: the blank fill-in workbook of the schema, or one pre-filled copy per 投产 enterprise.
    struct Template: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "生成企业填报用的空白月报模板（含下拉选项、数值校验、锁定表头和“说明”工作表）。",
            discussion: """
            不指定 --registry 时，-o 为模板文件路径；指定 --registry 时，-o 为文件夹，
            为企业名录中每家“投产”企业各生成一份已填好名称和信用代码的模板：企业名称-YYYY年M月.xlsx。
            退出码：0 正常；2 名录无法读取或文件无法写入；64 参数错误。
            """)

        @Option(help: "版式：wide（一企一行）或 long（一企一表，B204-1 式）。") var layout: TemplateLayout.Kind = .wide
        @Option(help: "报告期 YYYY-MM（默认为上个月）。") var period: String?
        @Option(help: "企业名录 企业名录.xlsx：为每家投产企业生成一份模板。") var registry: String?
        @Option(help: "自定义口径文件（YAML，在默认口径上增改）。") var schema: String?
        @Option(help: "空白模板的填报行数（仅 wide 版式、未指定 --registry 时；园区汇总用）。") var rows: Int = 1
        @Option(name: [.customShort("o"), .customLong("output")], help: "输出文件（或指定 --registry 时的输出文件夹）。")
        var output: String

        func validate() throws {
            if let period, Period(period) == nil {
                throw ValidationError("报告期“\(period)”格式不对，应为 YYYY-MM，如 2024-07。")
            }
            guard !output.isEmpty else { throw ValidationError("请用 -o 指定输出路径。") }
            guard (1...1000).contains(rows) else { throw ValidationError("--rows 应在 1 到 1000 之间。") }
            if registry == nil, !output.lowercased().hasSuffix(".xlsx") {
                throw ValidationError("输出文件“\(output)”应以 .xlsx 结尾。")
            }
        }

        func run() throws {
            let p = period.flatMap(Period.init) ?? Template.lastMonth()
            let (schemaValue, registryValue) = try StoreCLI.load(schema: schema, registry: registry)
            let out = OutputBuffer()
            do {
                guard let registryValue else {
                    let t = TemplateLayout.build(schema: schemaValue, kind: layout, period: p, rows: rows)
                    try TemplateRenderer.write(t, to: output)
                    out.write("已生成 \(p.chinese) 月报模板：\(output)\n")
                    return
                }
                let producing = registryValue.enterprises.filter(\.isProducing)
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
                for e in producing {
                    let t = TemplateLayout.build(schema: schemaValue, kind: layout, period: p, enterprise: e)
                    let path = (output as NSString).appendingPathComponent(TemplateLayout.fileName(enterprise: e.name, period: p))
                    try TemplateRenderer.write(t, to: path)
                    out.write("\(path)\n")
                }
                out.write("已为 \(producing.count) 家投产企业生成 \(p.chinese) 月报模板，保存在 \(output)\n")
            } catch {
                out.flush()
                Console.error("parkstat: 模板无法写入：\(error)")
                throw Exit.unreadable
            }
        }

        /// The month before today's, local time: templates go out at the start of a month for the last one.
        static func lastMonth(now: Date = Date()) -> Period {
            let c = Calendar(identifier: .gregorian).dateComponents([.year, .month], from: now)
            return Period(year: c.year!, month: c.month!)!.previous
        }
    }
}

extension TemplateLayout.Kind: ExpressibleByArgument {}

/// Renders a `TemplateLayout` with the XLSX writer: styles from cell roles, validations, protection.
enum TemplateRenderer {
    static func write(_ layout: TemplateLayout, to path: String) throws {
        let book = WorkbookWriter(properties: .init(title: "\(TemplateLayout.title)（\(layout.period.chinese)）", author: "巴中临港产业园统计办"))
        var styles: [String: StyleID] = [:]
        func style(_ role: TemplateLayout.Role, _ format: TemplateLayout.Format) -> StyleID {
            let key = role.rawValue + "/" + format.rawValue
            if let s = styles[key] { return s }
            let s = book.addStyle(makeStyle(role, format))
            styles[key] = s
            return s
        }
        for sheet in layout.sheets {
            let w = try book.addSheet(sheet.name)
            var widths: [UInt16: Int] = [:]
            for c in sheet.cells where c.role == .header || c.role == .label {
                let longest = (c.text ?? "").split(separator: "\n").map { ColumnWidth.displayWidth(String($0)) }.max() ?? 0
                widths[c.ref.column] = max(widths[c.ref.column] ?? 0, longest)
            }
            for (col, dw) in widths where sheet.widths[col] == nil {
                w.setColumnWidth(col, ColumnWidth.fitted(displayWidth: dw, minimum: 10, maximum: 30))
            }
            for (col, width) in sheet.widths { w.setColumnWidth(col, width) }
            for m in sheet.merges { try w.merge(m) }
            if sheet.freeze.rows > 0 || sheet.freeze.columns > 0 { w.freeze(rows: sheet.freeze.rows, columns: sheet.freeze.columns) }
            for v in sheet.validations { try w.addValidation(validation(v)) }
            w.protect(SheetProtection(allowFormatColumns: true))
            w.printSetup(PrintSetup(paper: .a4, orientation: sheet.landscape ? .landscape : .portrait, fitToWidth: true,
                                    repeatRows: sheet.printTitleRows, centerHorizontally: true))
            // Merged areas get the style of their first cell on every cell, so borders show throughout.
            var cells: [CellRef: TemplateLayout.Cell] = [:]
            for c in sheet.cells { cells[c.ref] = c }
            for m in sheet.merges {
                guard let origin = cells[m.first] else { continue }
                for r in m.first.row...m.last.row {
                    for col in m.first.column...m.last.column where cells[CellRef(row: r, column: col)] == nil {
                        cells[CellRef(row: r, column: col)] = TemplateLayout.Cell(CellRef(row: r, column: col), nil,
                                                                                    role: origin.role, format: origin.format)
                    }
                }
            }
            let byRow = Dictionary(grouping: cells.values, by: \.ref.row)
            for r in byRow.keys.sorted() {
                let row = byRow[r]!.sorted { $0.ref.column < $1.ref.column }
                let start = row[0].ref.column
                var out = [WriteCell](repeating: .empty, count: Int(row.last!.ref.column - start) + 1)
                for c in row {
                    let s = style(c.role, c.format)
                    let i = Int(c.ref.column - start)
                    if let f = c.formula {
                        out[i] = .formula(f, cached: c.text.map(CellValue.text) ?? .text(""), style: s)
                    } else if let t = c.text {
                        out[i] = .text(t, style: s)
                    } else {
                        out[i] = .empty(style: s)
                    }
                }
                try w.writeRow(out, at: r, startColumn: start, height: sheet.rowHeights[r])
            }
        }
        try book.save(to: path)
    }

    static func makeStyle(_ role: TemplateLayout.Role, _ format: TemplateLayout.Format) -> Style {
        let numberFormat: String? = switch format {
        case .general: nil
        case .text: "@"
        case .decimal2: "0.00"
        case .integer: "0"
        }
        let thin = Style.Border.thin
        switch role {
        case .title:
            return Style(font: .init(bold: true, size: 16), alignment: .init(horizontal: .center, vertical: .center))
        case .note:
            return Style(numberFormat: numberFormat, alignment: .init(vertical: .center))
        case .header:
            return Style(font: .init(bold: true), fill: .solid("FFDDEBF7"), border: thin,
                         alignment: .init(horizontal: .center, vertical: .center, wrap: true))
        case .label:
            return Style(numberFormat: numberFormat, border: thin, alignment: .init(vertical: .center))
        case .input:
            return Style(numberFormat: numberFormat, fill: .solid("FFFFF2CC"), border: thin, locked: false)
        case .fixed:
            return Style(numberFormat: numberFormat, fill: .solid("FFF2F2F2"), border: thin)
        case .unused:
            return Style(fill: .solid("FFD9D9D9"), border: thin)
        case .body:
            return Style(numberFormat: numberFormat, border: thin, alignment: .init(vertical: .top, wrap: true))
        }
    }

    static func validation(_ v: TemplateLayout.Validation) -> DataValidation {
        let rule: DataValidation.Rule = switch v.rule {
        case .list(let items): .list(items)
        case .decimal(let lo?, let hi?): .decimal(.between(lo, hi))
        case .decimal(let lo?, nil): .decimal(.greaterThanOrEqual(lo))
        case .decimal(nil, let hi?): .decimal(.lessThanOrEqual(hi))
        case .decimal(nil, nil): .decimal(.between(-1e15, 1e15))
        case .whole(let lo, let hi): .whole(.between(lo, hi))
        case .textLength(let n): .textLength(.equal(Double(n)))
        }
        return DataValidation(rule, ranges: v.ranges, allowBlank: true,
                              prompt: .init(title: v.promptTitle, v.prompt),
                              error: .init(title: v.errorTitle, v.error),
                              alertStyle: v.alert == .stop ? .stop : .warning)
    }
}
