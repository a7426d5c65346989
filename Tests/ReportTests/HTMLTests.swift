import Aggregate
import Foundation
import Testing
import TestSupport
@testable import Report

/// The HTML report: every section, self-contained, escaped.
@Suite struct HTMLTests {
    let html = HTMLReport.render(SampleSummary.make())

    @Test func hasEverySection() {
        for id in ["kpi", "summary", "trend", "top", "structure", "party", "missing", "findings", "revisions"] {
            #expect(html.contains("<section id=\"\(id)\">"), "\(id)")
        }
        #expect(html.contains("<title>巴中临港产业园经济运行月报（2024年7月）</title>"))
        #expect(html.contains("27,346.20"))
        #expect(html.contains("巴中芯联微电子有限公司"))
        #expect(html.contains("B204-1!C6"))
    }

    @Test func oneSVGPerChartEachWithPaths() {
        let svgs = html.components(separatedBy: "<svg").dropFirst()
        #expect(svgs.count == 3)
        for svg in svgs {
            let body = svg.components(separatedBy: "</svg>")[0]
            #expect(body.contains("<path d=\"M"))
            #expect(!body.contains("d=\"\""))
        }
    }

    @Test func selfContainedAndScriptFree() {
        // The only URL allowed is the SVG namespace, which browsers never fetch.
        let withoutNamespace = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        #expect(!withoutNamespace.contains("http://") && !withoutNamespace.contains("https://"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<link") && !html.contains("<img") && !html.contains("url("))
        #expect(html.contains("\"Noto Sans CJK SC\", \"Microsoft YaHei\", \"PingFang SC\", sans-serif"))
        #expect(html.contains("@media print") && html.contains("size: A4"))
    }

    @Test func escapesEnterpriseText() {
        #expect(html.contains("巴中华芯&lt;精密&gt;&amp;电子有限公司"))
        #expect(!html.contains("华芯<精密>"))
        #expect(Node.el("td", ["title": "a\"b'c"], .text("<x>&")).render() == "<td title=\"a&quot;b&#39;c\">&lt;x&gt;&amp;</td>")
    }

    @Test func findingsErrorsFirst() throws {
        let table = try #require(html.components(separatedBy: "<section id=\"findings\">").last)
        let firstWarning = try #require(table.range(of: "<tr class=\"warning\">"))
        let lastError = try #require(table.range(of: "<tr class=\"error\">", options: .backwards))
        #expect(lastError.lowerBound < firstWarning.lowerBound)
    }

    @Test func findingsDifferingOnlyInTheirCellShareARow() throws {
        var s = SampleSummary.make()
        func converted(_ file: String, _ cell: String?, _ message: String = "数据以“千元”填报，已换算为“万元”。") -> FindingRow {
            FindingRow(file: file, sheet: "主要指标", cell: cell, rule: "unit.converted", severity: "info", field: nil, value: "千元",
                       message: message)
        }
        s.findings = [converted("a.xlsx", "C6"), converted("a.xlsx", "C7"), converted("a.xlsx", "C8"), converted("b.xlsx", "C9"),
                      converted("b.xlsx", "C10", "另一说明"), converted("b.xlsx", nil), converted("b.xlsx", nil)]
        let table = try #require(HTMLReport.render(s).components(separatedBy: "<section id=\"findings\">").last)
        #expect(table.components(separatedBy: "<tr class=\"info\">").count - 1 == 5)
        #expect(table.contains("<td>主要指标!C6、C7、C8</td>"))
        #expect(table.contains("<td>主要指标!C9</td>") && table.contains("<td>主要指标!C10</td>"))
        #expect(table.contains("共 7 条，其中错误 0 条；错误在前；同一文件中只有单元格不同的合为一行。"))
        // The workbook's and CSV's table keeps a row per finding.
        #expect(ReportTables.findings(s).rows.count == 7)
    }

    @Test func emptySummaryRendersPlaceholders() {
        let empty = HTMLReport.render(PeriodSummary(period: "2024-01", parkName: "巴中临港产业园"))
        #expect(empty.components(separatedBy: "暂无数据").count - 1 == 3)
        #expect(empty.contains("本月应报企业均已报送"))
    }

    @Test func writeIsAtomicAndReportFilesIncludesIt() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let paths = try ReportFiles.write(summary: SampleSummary.make(), to: dir.path)
        #expect(paths.last.map { ($0 as NSString).lastPathComponent } == "园区经济运行月报-2024-07.html")
        #expect(try String(contentsOfFile: paths.last!, encoding: .utf8) == html)
        #expect(paths.count == 1 + 8 + 1)
    }
}
