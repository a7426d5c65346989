import Aggregate
import Foundation
import SheetModel
import Testing
import TestSupport
@testable import Report

/// CSV tables: BOM, CRLF, quoting, and the same cells as the workbook.
@Suite struct CSVTests {
    let summary = SampleSummary.make()

    @Test func startsWithBOMAndEndsLinesWithCRLF() {
        let csv = CSVTable.render(ReportTables.summary(summary))
        #expect(Array(csv.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(csv.hasSuffix("\r\n"))
        #expect(!csv.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func parsesBackWithQuoting() {
        let table = ReportTables.findings(summary)
        let rows = parseCSV(String(CSVTable.render(table).dropFirst()))
        #expect(rows.count == 1 + table.rows.count)
        #expect(rows[0] == table.columns.map(\.header))
        #expect(rows.allSatisfy { $0.count == table.columns.count })
        let quoted = rows.first { $0[2].contains("华芯") }!
        #expect(quoted[7] == "华芯精密电子, \"简称\"")
    }

    @Test func numbersAsTheWorkbookShowsThem() {
        let rows = parseCSV(String(CSVTable.render(ReportTables.summary(summary)).dropFirst()))
        #expect(rows[1][0] == "工业总产值")
        #expect(rows[1][3] == "27346.20")
        #expect(rows[1][5] == Formatting.percent(summary.flows["gross_output"]!.yoyYtd))
        let export = rows.first { $0[0] == "出口交货值" }!
        #expect(export[4] == "—")
        let staff = rows.first { $0[0] == "从业人员期末人数" }!
        #expect(staff[2] == "868")
    }

    @Test func formulaLikeTextIsNeutralised() {
        #expect(CSVTable.neutralised("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")")
        #expect(CSVTable.neutralised("巴中") == "巴中")
        #expect(CSVTable.field("a,b") == "\"a,b\"")
        #expect(CSVTable.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVTable.field("line\r\nbreak") == "\"line\r\nbreak\"")
    }

    @Test func reportFilesWritesEveryOutput() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("reports/2024-07").path
        let paths = try ReportFiles.write(summary: summary, to: out)
        let names = paths.map { ($0 as NSString).lastPathComponent }
        #expect(names.first == "园区经济运行月报-2024-07.xlsx")
        for stem in ["汇总", "分产业", "企业明细", "月度趋势", "党建", "校验问题", "催报名单"] {
            #expect(names.contains("\(stem)-2024-07.csv"))
        }
        for p in paths { #expect(FileManager.default.fileExists(atPath: p)) }
        // Nothing but the outputs: no temporary files left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == names.sorted())
    }

    @Test func badPeriodIsRejectedBeforeNamingFiles() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = PeriodSummary(period: "../2024-07", parkName: "巴中临港产业园")
        let error = try #require(throws: SheetError.self) { try ReportFiles.write(summary: bad, to: dir.path) }
        #expect(error.code == .io)
    }
}

extension CSVTests {
    /// Numbers are written straight into the CSV buffer; each kind keeps its decimals and sign rules.
    @Test func numbersOfEveryKindAsFormatted() {
        let values: [Double] = [0, -0.001, 1234567.891, -1000.5, 0.125, 3e17, .nan]
        let kinds: [ValueKind] = [.money, .decimal, .integer, .percent, .text]
        let table = Table(name: "t", title: "t", columns: kinds.map { TableColumn("c", $0) },
                          rows: values.map { v in kinds.map { _ in TableCell.number(v) } })
        let rows = parseCSV(String(CSVTable.render(table).dropFirst()))
        for (r, v) in values.enumerated() {
            #expect(rows[r + 1] == [Formatting.ungrouped(v, decimals: 2), Formatting.ungrouped(v, decimals: 2),
                                    Formatting.ungrouped(v, decimals: 0), Formatting.ungrouped(v, decimals: 1) + "%",
                                    Formatting.plain(v)], "\(v)")
        }
        #expect(rows[2][0] == "0.00" && rows[3][2] == "1234568" && rows[4][3] == "-1000.5%")
    }
}
