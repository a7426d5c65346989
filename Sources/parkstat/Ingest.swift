import ArgumentParser
import Foundation
import Logging
import Rules
import Store

extension Parkstat {
    /// Validates and stores files without writing reports: what validates goes into the store,
    /// rejected rows never do. Byte-identical files are recognised and skipped.
    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "校验报表并把通过的数据存入数据库（同一文件重复导入会被识别并跳过）。",
            discussion: "退出码：0 没有错误；1 有错误（通过的行照常入库）；2 无法读取、数据库被占用；64 参数错误。")

        @Argument(help: "工作簿、月份目录（如 2024-07/）或收件箱目录。") var paths: [String]
        @Option(help: "数据库文件。") var db: String = "out/parkstat.sqlite"
        @Option(help: "企业名录 企业名录.xlsx。") var registry: String?
        @Option(help: "报告期 YYYY-MM（不在月份目录中的文件用它）。") var period: String?
        @Option(help: "自定义口径文件（YAML）。") var schema: String?
        @Option(help: "输出格式：text 或 json。") var format: Validate.ReportFormat = .text
        @OptionGroup var global: GlobalOptions

        func validate() throws {
            guard !paths.isEmpty else { throw ValidationError("请指定要导入的工作簿或目录。") }
            if let period, Period(period) == nil {
                throw ValidationError("报告期“\(period)”格式不对，应为 YYYY-MM，如 2024-07。")
            }
        }

        func run() throws {
            let log = global.bootstrap()
            for p in paths where !FileManager.default.fileExists(atPath: p) {
                Console.error("parkstat: 找不到 \(p)")
                throw Exit.unreadable
            }
            let (schemaValue, registryValue, all, preread) = try StoreCLI.load(
                schema: schema, registry: registry, while: { batches() }, first: { $0.first?.files ?? [] })
            let (store, lock) = try StoreCLI.openStore(db)
            var files: [FileReport] = []
            do {
                let ingestor = try Ingestor(store: store, schema: schemaValue, registry: registryValue, registryPath: registry)
                let bar = global.progress(total: all.reduce(0) { $0 + $1.files.count })
                defer { bar.finish() }
                for (n, batch) in all.enumerated() {
                    files += try ingestor.ingest(files: batch.files, period: batch.period, preread: n == 0 ? preread : Preread(),
                                                 progress: bar.enabled ? bar.advance : nil)
                    log.info("\(batch.period ?? "未定报告期")：\(batch.files.count) 个文件")
                }
            } catch {
                Console.error("parkstat: \(error)")
                throw Exit.unreadable
            }
            withExtendedLifetime(lock) {}
            let report = ValidationReport(files: files)
            report.print(format)
            Console.summary(report.closingLine + "；已存入 \(db)")
            if report.exitCode != 0 { throw Exit.issues }
        }

        /// Files grouped by month, oldest first, so last-month rules see the months stored before;
        /// files outside a month folder form the batch of `--period` (or of the period inside them).
        func batches() -> [(period: String?, files: [String])] {
            var byPeriod: [String: [String]] = [:]
            var loose: [String] = []
            let fm = FileManager.default
            for p in paths {
                var isDir: ObjCBool = false
                _ = fm.fileExists(atPath: p, isDirectory: &isDir)
                let name = (p as NSString).lastPathComponent
                if isDir.boolValue, let m = Period(name), m.description == name {
                    byPeriod[name, default: []] += Validator.files(in: p)
                } else if isDir.boolValue {
                    let months = Ingestor.monthFolders(inbox: p)
                    if months.isEmpty { loose += Validator.files(in: p) }
                    for m in months { byPeriod[m.period, default: []] += m.files }
                } else {
                    let parent = ((p as NSString).deletingLastPathComponent as NSString).lastPathComponent
                    if let m = Period(parent), m.description == parent { byPeriod[parent, default: []].append(p) } else { loose.append(p) }
                }
            }
            var out: [(String?, [String])] = byPeriod.keys.sorted().map { ($0, byPeriod[$0]!) }
            if !loose.isEmpty { out.append((period, loose)) }
            return out
        }
    }
}
