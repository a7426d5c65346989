import Aggregate
import Dispatch
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
        let workbook = path(ConsolidatedWorkbook.fileName(period: summary.period))
        let csvs = tables.map { path(CSVTable.fileName($0, period: summary.period)) }
        let html = path(HTMLReport.fileName(period: summary.period))

        // The workbook takes as long as the rest together: it is written on a second core. On failure
        // the first error in the order of the returned paths is thrown.
        let errors = ErrorSlots()
        DispatchQueue.concurrentPerform(iterations: 2) { job in
            do {
                if job == 0 {
                    try ConsolidatedWorkbook.write(tables, summary: summary, to: workbook)
                } else {
                    for (table, csv) in zip(tables, csvs) { try OutputFile.write(CSVTable.bytes(table), to: csv) }
                    try HTMLReport.write(summary, to: html)
                }
            } catch {
                errors.set(job, error)
            }
        }
        if let error = errors.first { throw error }
        return [workbook] + csvs + [html]
    }
}

/// Errors of concurrentPerform jobs, by job.
private final class ErrorSlots: @unchecked Sendable {
    private var slots: [Int: any Error] = [:]
    private let lock = NSLock()
    func set(_ job: Int, _ error: any Error) { lock.lock(); slots[job] = error; lock.unlock() }
    var first: (any Error)? { lock.lock(); defer { lock.unlock() }; return slots.keys.min().flatMap { slots[$0] } }
}
