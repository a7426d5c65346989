import Dispatch
import Foundation
import Rules
import SheetModel
import ZipXML

/// Validates files and stores what validates, each file whole in one transaction (a few dozen files
/// share one: see `commitGroup`). Files whose bytes the
/// store already holds are not read again: the same path replays its stored report (so a rerun
/// reports exactly what the first run did), another path is a `file.duplicate`.
public struct Ingestor: Sendable {
    public let store: Store
    public let schema: Schema
    public let registry: Registry?
    /// The registry snapshot, taken by the first `ingest` (see `PendingSnapshot`).
    private let snapshot: PendingSnapshot
    /// Seconds spent reading and validating, and storing, summed over batches (for `run --verbose`
    /// and the benchmark: how much the store adds to `validate`). Storing overlaps validation: its
    /// time is the writer's, and validation is charged the rest of the wall time.
    public let clock = PhaseClock()
    /// Files stored per transaction; nil: `commitGroup(for:)`. A commit's cost is mostly the pages it
    /// writes, and files stored together share most of theirs (the tables' last pages, the index
    /// pages they fill): at 5 000 files storing took a third of the time it took one file per commit.
    /// A crash loses at most a group's work, which a rerun redoes.
    public var commitGroup: Int?

    /// 64 files, or an eighth of a large batch, stored then in about eight commits: at 4 250 files
    /// that wrote 9 MB to the WAL instead of 20 MB at 64 a commit, and `run` took 20 ms less.
    public static func commitGroup(for files: Int) -> Int { max(64, files / 8) }

    /// The registry (when given) is snapshotted by the first batch, so aggregation sees the master
    /// list this import used.
    public init(store: Store, schema: Schema, registry: Registry?, registryPath: String?) throws {
        self.store = store
        self.schema = schema
        self.registry = registry
        snapshot = PendingSnapshot(registry.flatMap { registry in
            registryPath.map { path in {
                guard let data = FileManager.default.contents(atPath: path) else { return nil }
                return try store.snapshot(registry: registry, sha256: FileDigest.sha256(data), path: path)
            } }
        })
    }

    /// Validates and stores one batch (a month folder's files, or loose files with `period`), in
    /// file order. `files` are files, as `Validator.expand` returns them: folders are not walked here.
    /// Rules that look at last month see the store as it was before this batch. `progress`, when
    /// given, is called once per file as its report is settled (from any thread). Files in
    /// `preread` are taken from there instead of read again.
    public func ingest(files: [String], period: String?, preread: Preread = Preread(),
                       progress: (@Sendable (_ file: String) -> Void)? = nil) throws -> [FileReport] {
        let started = PhaseClock.now()
        var known = try store.knownFiles()
        // What the store held before this batch: files with these bytes are hashed but not checked.
        let stored = Set(known.keys)
        let prior = try period.map { try store.priorPeriods(before: $0) }
        let validator = Validator(schema: schema, registry: registry, prior: prior)
        var reports = [FileReport?](repeating: nil, count: files.count)
        var replayed: [Int64] = []
        // A pipeline: each worker hashes a file from the same read it validates it from, and file k
        // is stored while later files are still being validated. Reports arrive in input order, so
        // duplicates, storing order and revisions are those of storing the files one by one.
        var k = 0, storing = 0.0
        var group: [FileToStore] = []
        let groupSize = commitGroup ?? Ingestor.commitGroup(for: files.count)
        group.reserveCapacity(min(groupSize, files.count))
        func commit() throws {
            let files = group
            group.removeAll(keepingCapacity: true)
            try store.record(files)
        }
        // Settles file k's report, in input order: replayed, a duplicate, or queued to be stored.
        func settle(_ report: FileReport, _ digest: Validator.Digest?) throws {
            let i = k
            k += 1
            let file = files[i]
            // No digest: skipped or unreadable, as the validator says; such a file is never stored.
            guard let (hash, size) = digest else { reports[i] = report; return }
            let t = PhaseClock.now()
            defer { storing += PhaseClock.now() - t }
            // Before the first file is stored, while the workers validate the next ones.
            let snapshotID = try snapshot.id()
            if let kf = known[hash] {
                if kf.path == file {
                    reports[i] = try store.storedReport(fileID: kf.id, path: file)
                    replayed.append(kf.id)
                } else {
                    reports[i] = Ingestor.duplicate(file, of: kf.path)
                }
                return
            }
            // Claimed in order, so a byte-identical copy later in the batch is a duplicate of this one.
            known[hash] = KnownFile(id: -1, path: file, period: nil)
            reports[i] = report
            guard report.status != .skipped else { return }
            let rejected = report.errorCount > 0 ? rejectedRows(report, batch: period) : []
            group.append(FileToStore(report, sha256: hash, size: size, snapshotID: snapshotID, rejected: rejected))
            if group.count >= groupSize { try commit() }
        }
        do {
            _ = try validator.validate(paths: files, period: period, fingerprints: false, expanded: true, preread: preread,
                                       progress: progress,
                                       admit: { file, bytes in
                guard let digest = Ingestor.digest(file, bytes) else { return (nil, true) }
                return (digest, !stored.contains(digest.hash))
            }, onFile: settle)
        } catch {
            // The files settled before the failure are stored, as they were one by one.
            try? commit()
            throw error
        }
        let t = PhaseClock.now()
        try commit()
        storing += PhaseClock.now() - t
        // A batch with no file to store still records the registry it was run with.
        _ = try snapshot.id()
        try store.touch(replayed)
        let wall = PhaseClock.now() - started
        clock.add(validate: wall - storing, store: storing)
        return reports.map { $0! }
    }

    /// SHA-256 and size of a file the validator did not skip: from its bytes when it was read whole
    /// for parsing, else read whole for this; nil when it cannot be read or is empty.
    static func digest(_ file: String, _ bytes: FileBytes?) -> Validator.Digest? {
        guard let bytes = bytes ?? FileBytes(path: file, limit: .max), bytes.count > 0 else { return nil }
        return (FileDigest.sha256(bytes.bytes), bytes.count)
    }

    /// The validator's own message for a byte-identical copy, so a rerun prints what the first run did.
    static func duplicate(_ file: String, of original: String) -> FileReport {
        FileReport(path: file, status: .skipped, findings: [Finding(rule: "file.duplicate", severity: .info, file: file,
            message: "与已读取的文件 \(original) 内容完全相同，不重复计入。")], submissions: [])
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

/// The registry snapshot of an import, written when the first file is stored rather than before
/// any file is read: 5 000 registry rows took 40 ms on the storing thread while no file was
/// being checked. Written before the first file, so every stored file refers to it.
private final class PendingSnapshot: @unchecked Sendable {
    private let lock = NSLock()
    private var write: (() throws -> Int64?)?
    private var written: Int64?

    init(_ write: (() throws -> Int64?)?) { self.write = write }

    /// The snapshot's id, writing it on the first call; nil without a registry. A failed write is
    /// thrown, and tried again on the next call.
    func id() throws -> Int64? {
        lock.lock()
        defer { lock.unlock() }
        if let write {
            written = try write()
            self.write = nil
        }
        return written
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
