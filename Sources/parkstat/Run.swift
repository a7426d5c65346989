import Aggregate
import ArgumentParser
import Foundation
import Logging
import Report
import Rules
import Store

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Parkstat {
    /// DOMAIN.md §8 `run`: validate and store every month folder in order, then write each period's files.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "处理整个收件箱：按月份顺序校验并入库，汇总各期指标，输出 summary-YYYY-MM.json 和 validation.json。",
            discussion: "重复运行不会重复计入。退出码：0 正常；1 有校验错误（输出照常写出）；2 输入无法读取、输出失败或数据库被占用；64 参数错误。")

        @Argument(help: "收件箱目录：含月份目录（如 2024-07/）和企业名录 企业名录.xlsx。") var inbox: String
        @Option(help: "输出目录（默认 out）。") var out: String = "out"
        @Option(help: "企业名录（默认 收件箱/企业名录.xlsx）。") var registry: String?
        @Option(help: "数据库文件（默认 输出目录/parkstat.sqlite）。") var db: String?
        @Option(help: "自定义口径文件（YAML）。") var schema: String?
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let log = global.bootstrap()
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: inbox, isDirectory: &isDir), isDir.boolValue else {
                Console.error("parkstat: 找不到收件箱目录 \(inbox)")
                throw Exit.unreadable
            }
            let registryPath = registry ?? (inbox as NSString).appendingPathComponent("企业名录.xlsx")
            let (schemaValue, registryValue, months, preread) = try StoreCLI.load(
                schema: schema, registry: registryPath, while: { Ingestor.monthFolders(inbox: inbox) },
                first: { $0.first?.files ?? [] })
            guard !months.isEmpty else {
                Console.error("parkstat: 收件箱 \(inbox) 中没有月份目录（如 2024-07/）。")
                throw Exit.unreadable
            }
            let dbPath = db ?? (out as NSString).appendingPathComponent("parkstat.sqlite")
            let (store, lock) = try StoreCLI.openStore(dbPath, directory: out)
            StoreCLI.removeStaleTemporaries(in: out)
            let started = monotonicSeconds()
            var files: [FileReport] = []
            var clock: PhaseClock?
            do {
                let ingestor = try Ingestor(store: store, schema: schemaValue, registry: registryValue, registryPath: registryPath)
                clock = ingestor.clock
                let bar = global.progress(total: months.reduce(0) { $0 + $1.files.count })
                defer { bar.finish() }
                for (n, m) in months.enumerated() {
                    let t = monotonicSeconds()
                    files += try ingestor.ingest(files: m.files, period: m.period, preread: n == 0 ? preread : Preread(),
                                                 progress: bar.enabled ? bar.advance : nil)
                    log.info("\(m.period)：\(m.files.count) 个文件，\(formatSeconds(monotonicSeconds() - t)) 秒")
                }
            } catch {
                // SQLite reports a full disk or a read-only mount as a bare I/O error; say which.
                let why = DiskProblem.describe(file: dbPath).map { "（\($0)）" } ?? ""
                Console.error("parkstat: 入库失败，已入库的文件不受影响，重新运行即可继续：\(error)\(why)")
                throw Exit.unreadable
            }
            let report = ValidationReport(files: files)
            let stored = monotonicSeconds()
            // validation.json (megabytes at 5 000 files) is written beside the first period's output
            // files, whose jobs leave a core idle part of the time. Started any sooner, it took that
            // core from aggregating, which runs side by side too, and from the checkpoint below.
            var validationJSON: Background<Void>?
            defer { validationJSON?.wait() }
            func writeValidationJSON() {
                guard validationJSON == nil else { return }
                validationJSON = Background { try StoreCLI.writeFile(report.json() + "\n", to: (out as NSString).appendingPathComponent("validation.json")) }
            }
            // The WAL (every stored file's pages) is copied into the database while the periods are
            // aggregated and reported, not when the store is closed: about 50 ms of copying and
            // syncing that left both cores idle at the end.
            let checkpoint = Background { store.checkpointAside() }
            defer { checkpoint.wait() }
            let aggregator = Aggregator(store: store)
            var latest: PeriodSummary?
            var aggregating = 0.0
            for m in months {
                let summary: PeriodSummary
                let t = monotonicSeconds()
                do { summary = try aggregator.summary(period: m.period) } catch {
                    Console.error("parkstat: \(m.period) 汇总失败：\(error)")
                    writeValidationJSON()
                    throw Exit.unreadable
                }
                aggregating += monotonicSeconds() - t
                writeValidationJSON()
                try StoreCLI.writePeriodOutputs(summary, to: out)
                latest = summary    // the text summary below is the last month's: not aggregated twice
            }
            try validationJSON?.result()
            withExtendedLifetime(lock) {}
            let done = monotonicSeconds()
            if let clock {
                // The benchmark (bench/pipeline_bench.sh) reads this line: what run adds to validate
                // beyond writing the output files is storing and aggregating.
                let other = stored - started - clock.validateSeconds - clock.storeSeconds
                let phases = "读取与校验 \(formatSeconds(clock.validateSeconds)) 秒，识别与入库 \(formatSeconds(clock.storeSeconds)) 秒，"
                    + "企业名录与其他 \(formatSeconds(other)) 秒，汇总 \(formatSeconds(aggregating)) 秒，写出报表 \(formatSeconds(done - stored - aggregating)) 秒"
                log.info("\(phases)")
            }
            if let latest {
                let out = OutputBuffer()
                out.write(TextSummary.lines(latest).joined(separator: "\n") + "\n")
                out.flush()
            }
            Console.summary("共 \(months.count) 个月份、\(report.files.count) 个文件：通过 \(report.acceptedCount)，退回 \(report.rejectedCount)，跳过 \(report.skippedCount)；"
                + "错误 \(report.errorCount) 条，警告 \(report.warningCount) 条；输出在 \(out)（用时 \(formatSeconds(done - started)) 秒）")
            // Everything is written. The store is closed here (the WAL is already copied and emptied:
            // `checkpointAside`), then the process ends rather than free every file's report and
            // the period's tables one by one: 10–20 ms on one core at 5 000 files, after the work.
            checkpoint.wait()
            do { try store.close() } catch {
                Console.error("parkstat: 关闭数据库时出错（数据已全部写入）：\(error)")
            }
            Self.exit(withError: report.exitCode != 0 ? Exit.issues : nil)
        }
    }
}
