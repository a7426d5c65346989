import Aggregate
import ArgumentParser
import Foundation
import Rules
import Store

/// What `watch` does with one settled file: the same steps as `run` for a single file (validate,
/// store, aggregate the file's month, write that month's outputs), under the store's lock, which
/// is taken per file so `run` and `ingest` can use the store while the watcher is idle.
final class WatchProcessor {
    let inbox: String
    let out: String
    let dbPath: String
    let schema: Schema
    let registryPath: String
    private(set) var registry: Registry?

    init(inbox: String, out: String, dbPath: String, schema: Schema, registryPath: String) {
        self.inbox = inbox
        self.out = out
        self.dbPath = dbPath
        self.schema = schema
        self.registryPath = registryPath
    }

    enum Outcome {
        case line(String, ok: Bool)
        /// Another process holds the store: leave the file pending and try again later.
        case busy
    }

    /// Reads the registry again; a registry that cannot be read leaves the previous one in use.
    func reloadRegistry() -> Outcome {
        let name = relative(registryPath)
        do {
            let r = try Registry.read(Validator.readWorkbook(registryPath), schema: schema)
            registry = r
            return .line("【名录】 \(name) 已读取：\(r.enterprises.count) 家企业", ok: true)
        } catch {
            let keep = registry == nil ? "暂不使用企业名录" : "继续使用上一版"
            return .line("【退回】 \(name) 无法读取（\(error)），\(keep)", ok: false)
        }
    }

    func process(_ path: String) -> Outcome {
        let name = relative(path)
        guard let period = monthFolder(of: path) else {
            return .line("【跳过】 \(name)：不在月份目录（如 2024-07/）中，未处理", ok: true)
        }
        let lock: FileLock
        do { lock = try FileLock(path: dbPath + ".lock", timeout: 10) } catch { return .busy }
        defer { withExtendedLifetime(lock) {} }
        let report: FileReport
        do {
            let store = try Store(path: dbPath)
            let ingestor = try Ingestor(store: store, schema: schema, registry: registry,
                                        registryPath: registry == nil ? nil : registryPath)
            guard let r = try ingestor.ingest(files: [path], period: period).first else {
                return .line("【跳过】 \(name)", ok: true)
            }
            report = r
            if r.status != .skipped {
                try StoreCLI.writePeriodOutputs(try Aggregator(store: store).summary(period: period), to: out)
            }
        } catch let e as ExitCode {
            return .line("【失败】 \(name)：输出未能更新（退出码 \(e.rawValue)）", ok: false)
        } catch {
            return .line("【失败】 \(name)：\(error)", ok: false)
        }
        return .line(WatchProcessor.line(for: report, name: name, period: period), ok: report.status != .rejected)
    }

    /// One line per file, status first so staff can scan the column.
    static func line(for report: FileReport, name: String, period: String) -> String {
        switch report.status {
        case .accepted, .acceptedWithWarnings:
            let warnings = report.warningCount > 0 ? "，警告 \(report.warningCount) 条" : ""
            return "【通过】 \(name)（已更新 \(period) 的汇总\(warnings)）"
        case .rejected:
            let first = report.findings.first { $0.severity == .error }?.message ?? ""
            return "【退回】 \(name) 错误 \(report.errorCount) 条：\(first)"
        case .skipped:
            return "【跳过】 \(name)：\(report.findings.first?.message ?? "")"
        }
    }

    /// The month folder directly under the inbox that holds `path` (files in subfolders count too,
    /// as in `run`).
    func monthFolder(of path: String) -> String? {
        let parts = relative(path).split(separator: "/").map(String.init)
        guard parts.count >= 2, let p = Period(parts[0]), p.description == parts[0] else { return nil }
        return parts[0]
    }

    func relative(_ path: String) -> String {
        let prefix = inbox.hasSuffix("/") ? inbox : inbox + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
