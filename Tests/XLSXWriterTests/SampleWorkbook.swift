import SheetModel
import TestSupport
@testable import XLSXWriter

/// The workbook the round-trip tests and `scripts/writer/*` check: every feature the committee
/// workbook and the fill-in template use, with values the checkers know.
enum SampleWorkbook {
    static let created = CivilDateTime(year: 2024, month: 3, day: 1, hour: 8, minute: 30)

    static func make(at path: String, rows: Int = 20, level: Int = 6) throws {
        let book = WorkbookWriter(properties: .init(title: "园区月报", author: "统计办", created: created),
                                  compressionLevel: level)
        let header = book.addStyle(Style(font: .init(bold: true, size: 12), fill: .solid("FFDDEBF7"), border: .thin,
                                         alignment: .init(horizontal: .center, vertical: .center, wrap: true)))
        let money = book.addStyle(Style(numberFormat: "#,##0.00", border: .thin))
        let percent = book.addStyle(Style(numberFormat: "0.0%"))
        let month = book.addStyle(Style(numberFormat: "yyyy-mm"))
        let input = book.addStyle(Style(numberFormat: "#,##0.00", border: .thin, locked: false))

        let sheet = try book.addSheet("汇总")
        sheet.fitColumnWidths()
        sheet.setColumnWidth(0, 30)
        sheet.freeze(rows: 2, columns: 1)
        try sheet.merge(CellRange("A1:F1")!)
        try sheet.writeRow([.text("园区企业月报 <2024年3月> & \"汇总\"", style: header)], height: 24)
        try sheet.writeRow(["企业名称", "营业收入（万元）", "增速", "月份", "是否规上", "合计"].map { WriteCell.text($0, style: header) })
        for i in 0..<rows {
            let r = i + 3
            try sheet.writeRow([
                .text("企业\(i + 1) 有限公司"),
                .number(Double(i) * 1234.5 + 0.25, style: money),
                .number(Double(i) / 100, style: percent),
                .date(CivilDateTime(year: 2024, month: i % 12 + 1, day: 1), style: month),
                .bool(i % 2 == 0),
                .formula("B\(r)*2", cached: .number((Double(i) * 1234.5 + 0.25) * 2), style: money),
            ])
        }
        sheet.autoFilter(CellRange(first: CellRef(row: 1, column: 0), last: CellRef(row: UInt32(rows + 1), column: 5)))
        sheet.printSetup(PrintSetup(orientation: .landscape, fitToWidth: true, repeatRows: 0...1))
        try sheet.addComment("请核对本月数：\n与上月相差较大", at: CellRef("B3")!, author: "统计办")

        let form = try book.addSheet("填报")
        form.setColumns(0...3, width: 16)
        form.setColumns(1...3, style: input)
        try form.writeRow(["企业名称", "行业", "用工人数", "出口额（万元）"].map { WriteCell.text($0, style: header) })
        try form.writeRow([.text("示例企业"), .empty(style: input), .empty(style: input), .number(12.5, style: input)])
        let inputRows = CellRange("B2:B100")!
        try form.addValidation(.list(["制造业", "服务业", "建筑业"], range: inputRows,
                                     prompt: .init(title: "行业", "请从下拉列表中选择"),
                                     error: .init(title: "输入有误", "只能选择列表中的行业")))
        try form.addValidation(.whole(.between(0, 100_000), range: CellRange("C2:C100")!,
                                      prompt: .init(title: "用工人数", "填写整数，单位：人")))
        try form.addValidation(.decimal(.greaterThanOrEqual(0), range: CellRange("D2:D100")!,
                                        error: .init("出口额不能为负数")))
        form.protect(password: "park")
        // A note without an author, on a cell that has a style but no value.
        try form.addComment("Note <A&B>: 从下拉列表选择", at: CellRef("B2")!)

        let notes = try book.addSheet("说明")
        notes.setColumnWidth(0, 60)
        try notes.writeRow([.text("  填报说明：\n1. 金额单位为万元\t\u{1}")])
        try notes.writeRow([.text("_x0041_ 不是转义")], at: 3)
        try book.save(to: path)
    }
}
