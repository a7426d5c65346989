import Aggregate
import ArgumentParser
import Foundation
import Report
import Rules
import Store

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the commands share: loading the schema and registry, opening the store
/// under its lock, and writing output files atomically.
enum StoreCLI {
    /// The schema and registry (5 000 rows at a large park), read on another core while this
    /// thread walks the folders (`walk`) and then reads the first files to check (`first` of
    /// what the walk found) ahead, until they are ready: reading had waited for the registry.
    static func load<Walked>(schema: String?, registry: String?, while walk: () -> Walked,
                             first: (Walked) -> [String]) throws -> (Schema, Registry?, Walked, Preread) {
        let loading = Background { try StoreCLI.load(schema: schema, registry: registry) }
        let walked = walk()
        let preread = Preread.read(first(walked), load: Validator.readWorkbook(_:bytes:)) { loading.isDone }
        let (s, r) = try loading.result()
        return (s, r, walked, preread)
    }

    static func load(schema: String?, registry: String?) throws -> (Schema, Registry?) {
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
    /// Everything one period gets: summary JSON, the consolidated workbook, CSV tables and HTML,
    /// each written to a temporary name and renamed into place.
    static func writePeriodOutputs(_ summary: PeriodSummary, to out: String) throws {
        try writeFile(summary.summaryJSON(), to: (out as NSString).appendingPathComponent("summary-\(summary.period).json"))
        do {
            try ReportFiles.write(summary: summary, to: out)
        } catch {
            Console.error("parkstat: \(summary.period) 报表输出失败：\(error)")
            throw Exit.unreadable
        }
    }

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
            // A full disk or read-only folder is said in Chinese first; strerror's text follows.
            if let problem = DiskProblem.describe(file: path) {
                Console.error("parkstat: 无法写入 \(path)：\(problem)（\(reason)）")
            } else {
                Console.error("parkstat: 无法写入 \(path)：\(reason)")
            }
            throw Exit.unreadable
        }
    }
}
