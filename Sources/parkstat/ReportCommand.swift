import Aggregate
import ArgumentParser
import Foundation
import Report
import Rules
import Store

extension Parkstat {
    /// Writes a period's outputs from the store alone (no file is read again).
    struct ReportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "根据数据库中已入库的数据，输出某一报告期的汇总（summary-YYYY-MM.json 等）。",
            discussion: "退出码：0 正常；1 该期没有任何通过的数据（照常输出）；2 数据库无法打开或输出失败；64 参数错误。")

        @Option(help: "报告期 YYYY-MM。") var period: String
        @Option(help: "数据库文件（默认 输出目录/parkstat.sqlite）。") var db: String?
        @Option(help: "输出目录（默认 out）。") var out: String = "out"

        func validate() throws {
            guard let p = Period(period), p.description == period else {
                throw ValidationError("报告期“\(period)”格式不对，应为 YYYY-MM，如 2024-07。")
            }
        }

        func run() throws {
            let dbPath = db ?? (out as NSString).appendingPathComponent("parkstat.sqlite")
            guard FileManager.default.fileExists(atPath: dbPath) else {
                Console.error("parkstat: 找不到数据库 \(dbPath)，请先运行 parkstat run 或 parkstat ingest。")
                throw Exit.unreadable
            }
            let (store, lock) = try StoreCLI.openStore(dbPath, directory: out)
            let summary: PeriodSummary
            do { summary = try Aggregator(store: store).summary(period: period) } catch {
                Console.error("parkstat: \(period) 汇总失败：\(error)")
                throw Exit.unreadable
            }
            withExtendedLifetime(lock) {}
            try StoreCLI.writePeriodOutputs(summary, to: out)
            let text = OutputBuffer()
            text.write(TextSummary.lines(summary).joined(separator: "\n") + "\n")
            text.flush()
            Console.error("输出在 \(out)")
            if summary.reporting == 0 {
                Console.error("parkstat: 数据库中没有 \(period) 的已通过数据。")
                throw Exit.issues
            }
        }
    }
}
