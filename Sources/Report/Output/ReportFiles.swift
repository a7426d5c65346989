import Aggregate
import Foundation
import SheetModel

/// Everything the `run` command writes for one period: the workbook, one CSV per table and the
/// HTML report, each written atomically.
public enum ReportFiles {
    /// Returns the paths written: the workbook, the CSV files in sheet order, the HTML report.
    @discardableResult
    public static func write(summary: PeriodSummary, to directory: String) throws -> [String] {
        // The period becomes part of file names; anything but YYYY-MM could escape the directory.
        guard ReportPeriod(summary.period).isValid else {
            throw SheetError(.io, file: directory, message: "报告期「\(summary.period)」不是 YYYY-MM 格式，无法命名报表文件")
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw SheetError(.io, file: directory, message: "无法创建输出目录「\(directory)」",
                             underlying: String(describing: error))
        }
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        let tables = ReportTables.all(summary)
        var written: [String] = []

        let workbook = path(ConsolidatedWorkbook.fileName(period: summary.period))
        try ConsolidatedWorkbook.write(tables, summary: summary, to: workbook)
        written.append(workbook)

        for table in tables {
            let csv = path(CSVTable.fileName(table, period: summary.period))
            try OutputFile.write(Array(CSVTable.render(table).utf8), to: csv)
            written.append(csv)
        }

        let html = path(HTMLReport.fileName(period: summary.period))
        try HTMLReport.write(summary, to: html)
        written.append(html)
        return written
    }
}
