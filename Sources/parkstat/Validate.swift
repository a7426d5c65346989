import ArgumentParser
import Foundation
import Rules
import SheetModel
import Store

extension Parkstat {
    /// DOMAIN.md §8 `validate`: checks submissions and prints a report; files are only read.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "检查企业报送的月报工作簿，逐项指出问题所在的工作表和单元格。",
            discussion: "退出码：0 没有错误；1 有错误（报告照常输出）；2 无法运行（如企业名录无法读取）；64 参数错误。")

        @Argument(help: "待检查的工作簿或目录（目录会递归查找；月份目录如 2024-07/ 即为报告期）。")
        var paths: [String]
        @Option(help: "企业名录 企业名录.xlsx。") var registry: String?
        @Option(help: "报告期 YYYY-MM（文件所在的月份目录优先）。") var period: String?
        @Option(help: "数据库文件：用于与上月数据比对（累计衔接、单位疑误、人数突变）。") var db: String?
        @Option(help: "自定义口径文件（YAML，在默认口径上增改）。") var schema: String?
        @Option(help: "输出格式：text 或 json。") var format: ReportFormat = .text
        @OptionGroup var global: GlobalOptions

        enum ReportFormat: String, ExpressibleByArgument { case text, json }

        func validate() throws {
            guard !paths.isEmpty else { throw ValidationError("请指定要检查的工作簿或目录。") }
            if let period, Period(period) == nil {
                throw ValidationError("报告期“\(period)”格式不对，应为 YYYY-MM，如 2024-07。")
            }
        }

        func run() throws {
            _ = global.bootstrap()
            for p in paths where !FileManager.default.fileExists(atPath: p) {
                Console.error("parkstat: 找不到 \(p)")
                throw Exit.unreadable
            }
            // The validator gets the walked files, and the progress bar their count.
            let (schemaValue, registryValue, files, preread) = try StoreCLI.load(
                schema: schema, registry: registry, while: { Validator.expand(paths) }, first: { $0 })
            // Last-month rules read the store; validate itself never writes to it.
            var prior: PriorPeriodSource?
            if let db {
                guard FileManager.default.fileExists(atPath: db) else {
                    Console.error("parkstat: 找不到数据库 \(db)，请先运行 parkstat run 或 parkstat ingest。")
                    throw Exit.unreadable
                }
                do { prior = StorePriorPeriods(store: try Store(path: db)) } catch {
                    Console.error("parkstat: 无法打开数据库 \(db)：\(error)")
                    throw Exit.unreadable
                }
            }
            let validator = Validator(schema: schemaValue, registry: registryValue, prior: prior)
            let bar = global.progress(total: files.count)
            let report = validator.validate(paths: files, period: period, expanded: true, preread: preread,
                                            progress: bar.enabled ? bar.advance : nil)
            bar.finish()
            report.print(format)
            Console.summary(report.closingLine)
            // All is written (stdout and stderr unbuffered): the process ends here rather than
            // free the reports (every finding and accepted row of every file) one by one, which
            // took 10–30 ms on one core at 5 000 files, after the work was done.
            Self.exit(withError: report.exitCode != 0 ? Exit.issues : nil)
        }
    }
}

extension ValidationReport {
    /// The report on stdout: JSON for machines, the Chinese text report (coloured on a terminal) for people.
    func print(_ format: Parkstat.Validate.ReportFormat) {
        let out = OutputBuffer()
        switch format {
        case .json: out.write(json() + "\n")
        case .text: out.write(text(color: Console.stdoutIsTerminal))
        }
        out.flush()
    }

    /// The one-line tally printed last.
    var closingLine: String {
        "共 \(files.count) 个文件：通过 \(acceptedCount)，退回 \(rejectedCount)，跳过 \(skippedCount)；"
            + "错误 \(errorCount) 条，警告 \(warningCount) 条"
    }
}
