import Dispatch
import Foundation
import Rules
import SheetModel

/// Validates files and stores what validates, one file per transaction. Files whose bytes the
/// store already holds are not read again: the same path replays its stored report (so a rerun
/// reports exactly what the first run did), another path is a `file.duplicate`.
public struct Ingestor: Sendable {
    public let store: Store
    public let schema: Schema
    public let registry: Registry?
    /// The registry snapshot's id, stored on another thread while the first batch is hashed.
    private let snapshot: Background<Int64?>
    /// Seconds spent reading and validating, and storing, summed over batches (for `run --verbose`
    /// and the benchmark: how much the store adds to `validate`). Storing overlaps validation: its
    /// time is the writer's, and validation is charged the rest of the wall time.
    public let clock = PhaseClock()

    /// Snapshots the registry (when given) so aggregation sees the master list this import used.
    /// The snapshot is written in the background; `ingest` waits for it before touching the store
    /// and rethrows its error.
    public init(store: Store, schema: Schema, registry: Registry?, registryPath: String?) throws {
        self.store = store
        self.schema = schema
        self.registry = registry
        snapshot = Background {
            guard let registry, let registryPath, let data = FileManager.default.contents(atPath: registryPath) else { return nil }
            return try store.snapshot(registry: registry, sha256: FileDigest.sha256(data), path: registryPath)
        }
    }

    /// Waits for the registry snapshot: for an import that ended up with no batch to ingest, so the
    /// snapshot is stored (or its error seen) while the caller still holds the store's lock.
    public func finish() throws {
        _ = try snapshot.result()
    }

    /// Validates and stores one batch (a month folder's files, or loose files with `period`), in
    /// file order. `files` are files, as `Validator.expand` returns them: folders are not walked here.
    /// Rules that look at last month see the store as it was before this batch. `progress`, when
    /// given, is called once per file as its report is settled (from any thread).
    public func ingest(files: [String], period: String?,
                       progress: (@Sendable (_ file: String) -> Void)? = nil) throws -> [FileReport] {
        let started = PhaseClock.now()
        let digests = Ingestor.digests(files)
        let snapshotID = try snapshot.result()
        var known = try store.knownFiles()
        var reports = [FileReport?](repeating: nil, count: files.count)
        var fresh: [Int] = []
        var hashes: [Int: (String, Int)] = [:]
        var replayed: [Int64] = []
        for (i, file) in files.enumerated() {
            guard let (hash, size) = digests[i] else {
                fresh.append(i)    // the validator says why it skips it, or that it cannot read it
                continue
            }
            if let k = known[hash] {
                if k.path == file {
                    reports[i] = try store.storedReport(fileID: k.id, path: file)
                    replayed.append(k.id)
                } else {
                    reports[i] = Ingestor.duplicate(file, of: k.path)
                }
                progress?(file)
                continue
            }
            // Claim the hash now, so a byte-identical copy later in the batch is a duplicate of this one.
            known[hash] = KnownFile(id: -1, path: file, period: nil)
            hashes[i] = (hash, size)
            fresh.append(i)
        }
        try store.touch(replayed)
        let hashed = PhaseClock.now()
        clock.add(store: hashed - started)
        guard !fresh.isEmpty else { return reports.map { $0! } }

        let prior = try period.map { try store.priorPeriods(before: $0) }
        let validator = Validator(schema: schema, registry: registry, prior: prior)
        // A pipeline: file k is stored (one transaction) while later files are still being validated.
        // Reports arrive in input order, so storing order, revisions and crash safety are unchanged.
        var k = 0, storing = 0.0
        _ = try validator.validate(paths: fresh.map { files[$0] }, period: period, fingerprints: false, expanded: true,
                                   progress: progress) { report in
            let i = fresh[k]
            k += 1
            reports[i] = report
            guard report.status != .skipped, let (hash, size) = hashes[i] else { return }
            let t = PhaseClock.now()
            let rejected = report.errorCount > 0 ? rejectedRows(report, batch: period) : []
            try store.record(report, sha256: hash, size: size, snapshotID: snapshotID, rejected: rejected)
            storing += PhaseClock.now() - t
        }
        let wall = PhaseClock.now() - hashed
        clock.add(validate: wall - storing, store: storing)
        return reports.map { $0! }
    }

    /// SHA-256 and size of each file, on all cores; nil for files the validator skips or cannot read.
    static func digests(_ files: [String]) -> [(String, Int)?] {
        let box = Slots<(String, Int)>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            guard !looksSkipped(files[i]), let data = FileManager.default.contents(atPath: files[i]), !data.isEmpty else { return }
            box.set(i, (FileDigest.sha256(data), data.count))
        }
        return box.values
    }

    /// The validator's own message for a byte-identical copy, so a rerun prints what the first run did.
    static func duplicate(_ file: String, of original: String) -> FileReport {
        FileReport(path: file, status: .skipped, findings: [Finding(rule: "file.duplicate", severity: .info, file: file,
            message: "与已读取的文件 \(original) 内容完全相同，不重复计入。")], submissions: [])
    }

    /// Lock files, macOS companions and hidden files (the validator reports them as file.skipped).
    static func looksSkipped(_ path: String) -> Bool {
        // By bytes: NSString's lastPathComponent cost a fifth of hashing the file.
        let name = path.utf8.split(separator: UInt8(ascii: "/")).last ?? path.utf8[...]
        return name.first == UInt8(ascii: ".") || name.starts(with: "~$".utf8)
    }

    /// Who a file's rejected rows named, for the count of enterprises that reported but had nothing
    /// accepted. The rows themselves are never stored; the file is read again only when it has errors.
    func rejectedRows(_ report: FileReport, batch: String?) -> Set<RejectedRow> {
        guard let registry, let period = report.period ?? batch,
              let book = try? Validator.readWorkbook(report.path) else { return [] }
        func codes(_ rows: [Row]) -> Set<String> {
            var out: Set<String> = []
            for row in rows {
                for cell in row.cells {
                    guard case .text(let t) = cell.value, t.count >= 18 else { continue }
                    for token in t.split(whereSeparator: { "：: \u{3000}".contains($0) }) {
                        let code = USCC.normalize(String(token)).code
                        if registry[code] != nil { out.insert(code) }
                    }
                }
            }
            return out
        }
        var found: Set<String> = []
        for f in report.findings where f.severity == .error {
            let sheets = book.sheets.filter { f.sheet == nil || $0.name == f.sheet }
            if let cell = f.cell, let sheet = sheets.first {
                let inRow = codes(sheet.rows.filter { $0.index == cell.row })
                // A long-layout sheet names its enterprise once, above the table.
                let inSheet = inRow.isEmpty ? codes(sheet.rows) : inRow
                if inRow.isEmpty, inSheet.count != 1 { continue }
                found.formUnion(inSheet)
            } else {
                let all = codes(sheets.flatMap(\.rows))
                if all.count == 1 || f.rejectsFile { found.formUnion(all) }
            }
        }
        return Set(found.map { RejectedRow(uscc: $0, period: period) })
    }

    /// Month folders (`2024-07/`) of an inbox in chronological order, each with its files sorted.
    /// The registry and notes are not submissions.
    public static func monthFolders(inbox: String) -> [(period: String, files: [String])] {
        let fm = FileManager.default
        let names = ((try? fm.contentsOfDirectory(atPath: inbox)) ?? []).sorted()
        return names.compactMap { name -> (String, [String])? in
            guard let p = Period(name), p.description == name else { return nil }
            let dir = (inbox as NSString).appendingPathComponent(name)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else { return nil }
            return (name, Validator.files(in: dir))
        }
    }
}

/// Time per phase of an import, safe to add to from any thread.
public final class PhaseClock: @unchecked Sendable {
    private let lock = NSLock()
    private var v = 0.0, s = 0.0
    public init() {}
    public var validateSeconds: Double { lock.lock(); defer { lock.unlock() }; return v }
    public var storeSeconds: Double { lock.lock(); defer { lock.unlock() }; return s }
    func add(validate: Double = 0, store: Double = 0) { lock.lock(); v += validate; s += store; lock.unlock() }
    static func now() -> Double { Date().timeIntervalSinceReferenceDate }
}

/// Results written from concurrentPerform workers, one slot each.
final class Slots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: T) { lock.lock(); slots[i] = v; lock.unlock() }
    var values: [T?] { lock.lock(); defer { lock.unlock() }; return slots }
}
