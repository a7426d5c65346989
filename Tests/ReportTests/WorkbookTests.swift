import Aggregate
import Foundation
import SheetModel
import Testing
import TestSupport
import XLSXReader
@testable import Report

/// The consolidated workbook read back with our reader, and its XML for what the reader skips.
@Suite struct WorkbookTests {
    let summary = SampleSummary.make()

    @Test func roundTripsThroughOurReader() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("园区经济运行月报-2024-07.xlsx").path
        try ConsolidatedWorkbook.write(summary, to: path)

        let book = try Workbook.load(path: path)
        #expect(book.sheets.map(\.name) == ["汇总", "分产业", "企业明细", "月度趋势", "党建", "校验问题", "催报名单", "更正记录"])
        let sum = book.sheets[0]
        #expect(sum[CellRef("A1")!] == .text("巴中临港产业园经济运行月报（2024年7月）汇总"))
        #expect(sum.merged.contains(CellRange("A1:I1")!))
        #expect(sum[CellRef("A3")!] == .text("指标"))
        #expect(sum[CellRef("A4")!] == .text("工业总产值"))
        #expect(sum[CellRef("D4")!] == .number(27346.2))
        // Percentages are stored as fractions under a 0.0% format.
        let yoy = try #require(sum[CellRef("F4")!].number)
        #expect(abs(yoy - summary.flows["gross_output"]!.yoyYtd! / 100) < 1e-12)
        let exportRow = try #require(sum.rows.first { $0[0] == .text("出口交货值") })
        #expect(exportRow[4] == .text("—"))

        let firms = book.sheets[2]
        #expect(firms[CellRef("B4")!] == .text("巴中华芯<精密>&电子有限公司"))
        #expect(firms.rows.count == 3 + 13)
        let missing = book.sheets[6]
        #expect(missing[CellRef("C4")!] == .text("巴中芯联微电子有限公司"))
    }

    @Test func frozenHeaderAutofilterAndPrintSetupInTheXML() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("book.xlsx").path
        try ConsolidatedWorkbook.write(summary, to: path)
        let sheet = try runCommand(["unzip", "-p", path, "xl/worksheets/sheet1.xml"]).output
        #expect(sheet.contains(#"ySplit="3""#) && sheet.contains(#"state="frozen""#))
        #expect(sheet.contains(#"<autoFilter ref="A3:I20"/>"#))
        #expect(sheet.contains(#"orientation="landscape""#) && sheet.contains(#"fitToWidth="1""#))
        #expect(sheet.contains(#"paperSize="9""#))
        let workbook = try runCommand(["unzip", "-p", path, "xl/workbook.xml"]).output
        #expect(workbook.contains("_xlnm.Print_Titles"))
        let styles = try runCommand(["unzip", "-p", path, "xl/styles.xml"]).output
        // #,##0.00 is Excel's built-in format 4; 0.0% is custom.
        #expect(styles.contains(#"numFmtId="4""#) && styles.contains(#"formatCode="0.0%""#))
    }

    @Test func sameSummaryGivesTheSameBytes() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.xlsx").path, b = dir.appendingPathComponent("b.xlsx").path
        try ConsolidatedWorkbook.write(summary, to: a)
        try ConsolidatedWorkbook.write(summary, to: b)
        #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)))
        let core = try runCommand(["unzip", "-p", a, "docProps/core.xml"]).output
        #expect(core.contains("2024-08-01T00:00:00Z"))
    }

    @Test func emptySummaryStillWritesAWorkbook() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("empty.xlsx").path
        try ConsolidatedWorkbook.write(PeriodSummary(period: "2024-01", parkName: "巴中临港产业园"), to: path)
        #expect(try Workbook.load(path: path).sheets.count == 8)
    }

    @Test func unwritablePathIsAnIOErrorNamingTheFile() throws {
        let path = "/nonexistent-dir/园区经济运行月报-2024-07.xlsx"
        let error = try #require(throws: SheetError.self) { try ConsolidatedWorkbook.write(summary, to: path) }
        #expect(error.code == .io)
        #expect(error.file == path)
        #expect(error.description.contains("园区经济运行月报-2024-07.xlsx"))
    }
}
