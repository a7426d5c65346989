import Foundation
import GRDB
import Rules
@testable import Store
import Testing
import TestSupport

/// A temporary store, with the fixture inbox's registry and schema.
struct TempStore {
    let dir: URL
    let store: Store
    let schema: Schema
    let registry: Registry

    init() throws {
        dir = try Fixtures.temporaryDirectory()
        store = try Store(path: dir.appendingPathComponent("parkstat.sqlite").path)
        schema = try Schema.defaultSchema()
        registry = try Registry.read(Validator.readWorkbook(Fixtures.path("inbox/企业名录.xlsx")), schema: schema)
    }

    func ingestor() throws -> Ingestor {
        try Ingestor(store: store, schema: schema, registry: registry, registryPath: Fixtures.path("inbox/企业名录.xlsx"))
    }

    /// Copies fixture files into DIR/inbox/PERIOD/ (so the folder gives the period) and returns the copies.
    func copy(_ files: [String], period: String) throws -> [String] {
        let month = dir.appendingPathComponent("inbox/\(period)")
        try FileManager.default.createDirectory(at: month, withIntermediateDirectories: true)
        return try files.map { f in
            let to = month.appendingPathComponent((f as NSString).lastPathComponent).path
            try? FileManager.default.removeItem(atPath: to)
            try FileManager.default.copyItem(atPath: f, toPath: to)
            return to
        }
    }

    func remove() { try? FileManager.default.removeItem(at: dir) }
}

@Suite struct StoreTests {
    @Test func migrationsCreateAnEmptySoundStore() throws {
        let t = try TempStore()
        defer { t.remove() }
        #expect(try t.store.rowCounts().values.allSatisfy { $0 == 0 })
        #expect(try t.store.integrityCheck() == "ok")
        // Reopening runs no migration twice.
        let again = try Store(path: t.store.path)
        #expect(try again.rowCounts()["file"] == 0)
    }

    /// The registry snapshot is stored by the ingestor's first batch (before its first file, or
    /// at its end when it stores none), once for identical registries, and stored files point at it.
    @Test func registrySnapshotIsStoredOnceAndReferenced() throws {
        let t = try TempStore()
        defer { t.remove() }
        let first = try t.ingestor()
        #expect(try t.store.rowCounts()["registry_snapshot"] == 0)
        _ = try first.ingest(files: [], period: "2024-07")
        #expect(try t.store.rowCounts()["registry_snapshot"] == 1)
        #expect(try t.store.rowCounts()["registry_entry"] == t.registry.enterprises.count)
        let files = try t.copy([Fixtures.path("inbox/2024-07")].flatMap { Validator.files(in: $0) }.prefix(2).map { $0 }, period: "2024-07")
        let reports = try t.ingestor().ingest(files: files, period: "2024-07")
        #expect(reports.allSatisfy { $0.status != .skipped })
        #expect(try t.store.rowCounts()["registry_snapshot"] == 1)
        let unreferenced = try t.store.db.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM file WHERE snapshot_id IS NULL OR snapshot_id NOT IN (SELECT id FROM registry_snapshot)")
        }
        #expect(unreferenced == 0)
    }

    /// `run` copies the WAL into the database while it reports, so closing has nothing left to do:
    /// afterwards the database file alone holds what was stored.
    @Test func checkpointAsideCopiesTheWALIntoTheDatabaseFile() throws {
        let t = try TempStore()
        defer { t.remove() }
        let files = try t.copy(Array(Validator.files(in: Fixtures.path("inbox/2024-07")).prefix(2)), period: "2024-07")
        _ = try t.ingestor().ingest(files: files, period: "2024-07")
        func filesInDatabaseFileAlone() throws -> Int {
            let copy = t.dir.appendingPathComponent("copy-\(UUID().uuidString).sqlite").path
            try FileManager.default.copyItem(atPath: t.store.path, toPath: copy)
            let queue = try DatabaseQueue(path: copy)
            return try queue.read { db in
                try db.tableExists("file") ? Int.fetchOne(db, sql: "SELECT count(*) FROM file") ?? 0 : 0
            }
        }
        #expect(try filesInDatabaseFileAlone() == 0)
        t.store.checkpointAside()
        #expect(try filesInDatabaseFileAlone() == 2)
        #expect(try t.store.rowCounts()["file"] == 2)
    }

    @Test func sha256MatchesKnownDigests() {
        #expect(FileDigest.sha256(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(FileDigest.sha256(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Data(repeating: 0x61, count: 1000)
        #expect(FileDigest.sha256(long) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func registryRowsAreStoredAsSortedEscapedJSON() {
        #expect(Store.json([:]) == "{}")
        #expect(Store.json(["b": "say \"hi\"\n", "a": "巴中 1"]) == #"{"a":"巴中 1","b":"say \"hi\"\n"}"#)
    }

    @Test func ingestIsIdempotent() throws {
        let t = try TempStore()
        defer { t.remove() }
        let files = Validator.files(in: Fixtures.path("inbox/2024-07"))
        let first = try t.ingestor().ingest(files: files, period: "2024-07")
        let counts = try t.store.rowCounts()
        #expect(counts["file"] == files.count)
        #expect(counts["submission"] == 13)
        #expect(try t.store.currentSubmissions(period: "2024-07").count == 13)
        let again = try t.ingestor().ingest(files: files, period: "2024-07")
        #expect(try t.store.rowCounts() == counts)
        // The rerun reports what the first run did, from the store.
        #expect(ValidationReport(files: again).json() == ValidationReport(files: first).json())
    }

    /// Files are committed in groups (`Ingestor.commitGroup`); the size of the groups changes
    /// nothing stored or reported, revisions and duplicates inside a group included.
    @Test func commitGroupSizeChangesNothing() throws {
        func ingest(group: Int?) throws -> (counts: [String: Int], current: [StoredSubmission], json: String) {
            let t = try TempStore()
            defer { t.remove() }
            let inbox = Validator.files(in: Fixtures.path("inbox/2024-07"))
            let messy = try t.copy(Validator.files(in: Fixtures.path("messy")).filter { !$0.contains("/2024-01/") }, period: "2024-07")
            // A copy of the first file under another name, and the messy files after the clean ones: duplicates and revisions.
            let copy = try t.copy([inbox[0]], period: "2024-08")[0]
            var ingestor = try t.ingestor()
            ingestor.commitGroup = group
            let reports = try ingestor.ingest(files: inbox + [copy] + messy, period: "2024-07")
            let current = try t.store.currentSubmissions(period: "2024-07").map { s -> StoredSubmission in
                var s = s
                s.file = (s.file as NSString).lastPathComponent
                return s
            }
            let json = ValidationReport(files: reports).json().replacingOccurrences(of: t.dir.path, with: "")
            return (try t.store.rowCounts(), current, json)
        }
        let one = try ingest(group: 1)
        #expect(one.counts["submission", default: 0] > 13 && one.counts["file", default: 0] > 20)
        // nil: the default, an eighth of a large batch (one group for these few dozen files).
        #expect(Ingestor.commitGroup(for: 40) == 64 && Ingestor.commitGroup(for: 4_250) == 531)
        for group in [3, 64, nil] {
            let other = try ingest(group: group)
            #expect(other.counts == one.counts)
            #expect(other.current == one.current)
            #expect(other.json == one.json)
        }
    }

    @Test func byteIdenticalCopyIsADuplicate() throws {
        let t = try TempStore()
        defer { t.remove() }
        let original = Fixtures.path("inbox/2024-07/巴中瀚微电子元件有限公司-2024年7月.xlsx")
        let copied = try t.copy([original], period: "2024-07")[0]
        let renamed = (copied as NSString).deletingLastPathComponent + "/副本.xlsx"
        try FileManager.default.moveItem(atPath: copied, toPath: renamed)
        _ = try t.ingestor().ingest(files: [original], period: "2024-07")
        let counts = try t.store.rowCounts()
        let r = try t.ingestor().ingest(files: [renamed], period: "2024-07")
        #expect(r[0].status == .skipped)
        #expect(r[0].findings.map(\.rule) == ["file.duplicate"])
        #expect(try t.store.rowCounts() == counts)
    }

    @Test func rejectedRowsAreNeverStored() throws {
        let t = try TempStore()
        defer { t.remove() }
        let messy = Validator.files(in: Fixtures.path("messy")).filter { !$0.contains("/2024-01/") }
        let files = try t.copy(messy, period: "2024-07")
        let reports = try t.ingestor().ingest(files: files, period: "2024-07")
        let accepted = reports.reduce(0) { $0 + $1.submissions.count }
        let stored = try t.store.currentSubmissions(period: "2024-07")
        #expect(try t.store.rowCounts()["submission"] == accepted)
        let rejectedFiles = Set(reports.filter { $0.status == .rejected }.map(\.path))
        #expect(!rejectedFiles.isEmpty)
        #expect(stored.allSatisfy { !rejectedFiles.contains($0.file) })
        // Who the rejected rows named is kept, for the count of enterprises with nothing accepted.
        #expect(try !t.store.rejectedEnterprises(period: "2024-07").isEmpty)
        #expect(try t.store.integrityCheck() == "ok")
    }

    @Test func revisionSupersedesAndIsAudited() throws {
        let t = try TempStore()
        defer { t.remove() }
        func report(_ path: String, output: Double) -> FileReport {
            let s = Submission(uscc: "91511903PDY00001X4", name: "甲", period: "2024-07",
                               facts: ["gross_output": ["cur": output, "ytd": output * 7]], sheet: "月报", row: 5)
            return FileReport(path: path, status: .accepted, findings: [], submissions: [s], period: "2024-07")
        }
        try t.store.record(report("a.xlsx", output: 100), sha256: "h1", size: 1, snapshotID: nil)
        try t.store.record(report("b.xlsx", output: 120), sha256: "h2", size: 1, snapshotID: nil)
        #expect(try t.store.record(report("b-copy.xlsx", output: 120), sha256: "h2", size: 1, snapshotID: nil) == false)
        let current = try t.store.currentSubmissions(period: "2024-07")
        #expect(current.count == 1)
        #expect(current[0].revision == 2)
        #expect(current[0].file == "b.xlsx")
        #expect(current[0].facts["gross_output"]?["cur"] == 120)
        let revisions = try t.store.revisions(period: "2024-07")
        #expect(revisions.count == 1)
        #expect(revisions[0].old.file == "a.xlsx")
        #expect(revisions[0].old.facts["gross_output"]?["cur"] == 100)
        #expect(try t.store.rowCounts()["submission"] == 2)   // the old row stays
    }

    /// Aggregation reads beside the store's own connection (`Store(readingBeside:)`): the second
    /// connection sees what the first has committed, and cannot write.
    @Test func aConnectionBesideReadsTheSameAndCannotWrite() throws {
        let t = try TempStore()
        defer { t.remove() }
        let files = Validator.files(in: Fixtures.path("inbox/2024-07"))
        _ = try t.ingestor().ingest(files: files, period: "2024-07")
        let beside = try Store(readingBeside: t.store)
        #expect(try beside.registry() == t.store.registry())
        #expect(try beside.findings(period: "2024-07").map(\.message) == t.store.findings(period: "2024-07").map(\.message))
        #expect(try beside.currentSubmissions(period: "2024-07") == t.store.currentSubmissions(period: "2024-07"))
        #expect(throws: (any Error).self) { try beside.touch([1]) }
        try beside.close()
        #expect(try t.store.integrityCheck() == "ok")
    }

    @Test func priorPeriodsSeeOnlyCurrentRowsOfEarlierMonths() throws {
        let t = try TempStore()
        defer { t.remove() }
        let ing = try t.ingestor()
        for m in Ingestor.monthFolders(inbox: Fixtures.path("inbox")).prefix(3) { _ = try ing.ingest(files: m.files, period: m.period) }
        let prior = try t.store.priorPeriods(before: "2024-02")
        #expect(prior.facts(uscc: "91511903PDY00001X4", period: "2024-01")?["gross_output"]?["cur"] != nil)
        #expect(prior.facts(uscc: "91511903PDY00001X4", period: "2024-02") == nil)
        let january = try t.store.priorPeriods(before: "2024-01")
        #expect(january.facts(uscc: "91511903PDY00001X4", period: "2023-12") != nil)
    }

    @Test func secondProcessIsLockedOut() throws {
        let t = try TempStore()
        defer { t.remove() }
        let held = try t.store.lock()
        #expect(throws: StoreError.self) { _ = try FileLock(path: t.store.path + ".lock", timeout: 0.3) }
        withExtendedLifetime(held) {}
    }
}
