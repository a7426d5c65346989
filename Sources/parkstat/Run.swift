import Aggregate
import ArgumentParser
import Foundation
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
        @Flag(help: "逐月显示进度。") var verbose = false

        func run() throws {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: inbox, isDirectory: &isDir), isDir.boolValue else {
                Console.error("parkstat: 找不到收件箱目录 \(inbox)")
                throw Exit.unreadable
            }
            let registryPath = registry ?? (inbox as NSString).appendingPathComponent("企业名录.xlsx")
            let (schemaValue, registryValue) = try StoreCLI.load(schema: schema, registry: registryPath, required: true)
            let months = Ingestor.monthFolders(inbox: inbox)
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
                for m in months {
                    let t = monotonicSeconds()
                    files += try ingestor.ingest(files: m.files, period: m.period)
                    if verbose { Console.error("\(m.period)：\(m.files.count) 个文件，\(formatSeconds(monotonicSeconds() - t)) 秒") }
                }
            } catch {
                Console.error("parkstat: \(error)")
                throw Exit.unreadable
            }
            let report = ValidationReport(files: files)
            let stored = monotonicSeconds()
            let aggregator = Aggregator(store: store)
            for m in months {
                let summary: PeriodSummary
                do { summary = try aggregator.summary(period: m.period) } catch {
                    Console.error("parkstat: \(m.period) 汇总失败：\(error)")
                    throw Exit.unreadable
                }
                try StoreCLI.writeFile(summary.summaryJSON(), to: (out as NSString).appendingPathComponent("summary-\(m.period).json"))
                // Report files: the lead wires ReportFiles.write(summary:to:) here
                // (园区经济运行月报-YYYY-MM.xlsx, CSV tables, HTML), with `summary` and `out`.
            }
            try StoreCLI.writeFile(report.json() + "\n", to: (out as NSString).appendingPathComponent("validation.json"))
            withExtendedLifetime(lock) {}
            let done = monotonicSeconds()
            if verbose, let clock {
                let other = stored - started - clock.validateSeconds - clock.storeSeconds
                Console.error("读取与校验 \(formatSeconds(clock.validateSeconds)) 秒，识别与入库 \(formatSeconds(clock.storeSeconds)) 秒，"
                    + "企业名录与其他 \(formatSeconds(other)) 秒，汇总与输出 \(formatSeconds(done - stored)) 秒")
            }
            Console.error("共 \(months.count) 个月份、\(report.files.count) 个文件：通过 \(report.acceptedCount)，退回 \(report.rejectedCount)，跳过 \(report.skippedCount)；"
                + "错误 \(report.errorCount) 条，警告 \(report.warningCount) 条；输出在 \(out)（用时 \(formatSeconds(done - started)) 秒）")
            if report.exitCode != 0 { throw Exit.issues }
        }
    }
}

/// What `run`, `ingest` and `report` share: loading the schema and registry, opening the store
/// under its lock, and writing output files atomically.
enum StoreCLI {
    static func load(schema: String?, registry: String?, required: Bool) throws -> (Schema, Registry?) {
        do {
            let s = try schema.map(Schema.load(path:)) ?? Schema.defaultSchema()
            guard let registry else { return (s, nil) }
            guard FileManager.default.fileExists(atPath: registry) else {
                Console.error("parkstat: 找不到企业名录 \(registry)（可用 --registry 指定）。")
                throw Exit.unreadable
            }
            return (s, try Registry.read(Validator.readWorkbook(registry), schema: s))
        } catch let e as ExitCode {
            throw e
        } catch {
            Console.error("parkstat: \(error)")
            throw Exit.unreadable
        }
    }

    /// The lock is taken before the database is opened: a second process waits a few seconds,
    /// then stops with a clear message instead of importing alongside the first.
    static func openStore(_ dbPath: String, directory: String? = nil) throws -> (Store, FileLock) {
        let dir = directory ?? (dbPath as NSString).deletingLastPathComponent
        if !dir.isEmpty {
            do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
                Console.error("parkstat: 无法创建输出目录 \(dir)：\(error.localizedDescription)")
                throw Exit.unreadable
            }
        }
        let dbDir = (dbPath as NSString).deletingLastPathComponent
        if !dbDir.isEmpty { try? FileManager.default.createDirectory(atPath: dbDir, withIntermediateDirectories: true) }
        do {
            let lock = try FileLock(path: dbPath + ".lock", timeout: 5)
            return (try Store(path: dbPath), lock)
        } catch {
            Console.error("parkstat: \(error)")
            throw Exit.unreadable
        }
    }

    /// Half-written outputs of a run that was killed (`NAME.tmp-PID`). Only called under the store's
    /// lock, so no live run of this output folder is writing them.
    static func removeStaleTemporaries(in dir: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where name.contains(".tmp-") {
            try? FileManager.default.removeItem(atPath: (dir as NSString).appendingPathComponent(name))
        }
    }

    /// NAME.tmp-PID in the same folder, fsync, rename: readers see the old file or the new one, never half.
    static func writeFile(_ text: String, to path: String) throws {
        let tmp = path + ".tmp-\(getpid())"
        let bytes = Array(text.utf8)
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        var ok = fd >= 0
        if ok {
            var offset = 0
            while ok && offset < bytes.count {
                let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { ok = false } else { offset += n }
            }
            ok = ok && fsync(fd) == 0
            ok = close(fd) == 0 && ok
        }
        ok = ok && rename(tmp, path) == 0
        if !ok {
            let reason = String(cString: strerror(errno))
            unlink(tmp)
            Console.error("parkstat: 无法写入 \(path)：\(reason)")
            throw Exit.unreadable
        }
    }
}
