import Foundation
import GRDB
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The SQLite store (GRDB, WAL): every file seen, every accepted row with its facts, every finding,
/// and the registry as read. A file is stored within one transaction (with the others of its group,
/// see `record`), so a crash at any point leaves either all of a file or none of it.
public final class Store: Sendable {
    public let path: String
    let db: DatabaseQueue

    /// Opens (creating when needed) the store and brings its schema up to date.
    public init(path: String) throws {
        self.path = path
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty { try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        var config = Configuration()
        config.journalMode = .wal
        // Readers such as `report` may meet a writer; let them wait instead of failing at once.
        config.busyMode = .timeout(10)
        config.label = "parkstat.store"
        // In WAL mode NORMAL still never corrupts and survives kill -9 (the WAL is in the OS's
        // hands); it only skips an fsync per commit, which storing file by file makes frequent.
        // A larger WAL before checkpointing: a page rewritten by many small transactions is then
        // copied into the database once rather than at every 1 000 pages.
        // A 16 MB page cache rather than SQLite's 2 MB: the B-trees a stored file writes to at
        // random places (file.sha256, submission_current) outgrew 2 MB, and each miss was a
        // pread of the WAL or database (4 600 of them for 4 250 files, 1 900 left: checkpointing).
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 16384; PRAGMA cache_size = -16384")
        }
        do {
            db = try DatabaseQueue(path: path, configuration: config)
            try Store.migrator.migrate(db)
        } catch {
            throw StoreError(.cannotOpen, path: path, detail: "\(error)")
        }
    }

    /// A second, read-only connection to `other`'s database, for reads run beside that store's
    /// own (aggregation reads the facts on one connection and the rest on the other).
    public init(readingBeside other: Store) throws {
        path = other.path
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        config.label = "parkstat.store.beside"
        do { db = try DatabaseQueue(path: path, configuration: config) } catch {
            throw StoreError(.cannotOpen, path: path, detail: "\(error)")
        }
    }

    /// Closes the connection (SQLite's last checkpoint, then the WAL is removed). Nothing can be
    /// read or written through this store afterwards.
    public func close() throws { try db.close() }

    /// `DB.lock` beside the database: see `FileLock`.
    public func lock(timeout: Double = 5) throws -> FileLock { try FileLock(path: path + ".lock", timeout: timeout) }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            // A registry workbook as read; identical registries share one snapshot, so a rerun adds nothing.
            try db.execute(sql: """
                CREATE TABLE registry_snapshot(
                  id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, path TEXT NOT NULL, read_at TEXT NOT NULL);
                CREATE TABLE registry_entry(
                  snapshot_id INTEGER NOT NULL REFERENCES registry_snapshot(id), ordinal INTEGER NOT NULL,
                  uscc TEXT NOT NULL, name TEXT NOT NULL, aliases TEXT NOT NULL, status TEXT,
                  industry_chain TEXT, industry_code TEXT, above_scale TEXT, hitech TEXT, land_area_mu REAL,
                  party_org_type TEXT, party_branch TEXT, values_json TEXT NOT NULL,
                  PRIMARY KEY(snapshot_id, uscc));
                CREATE TABLE file(
                  id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, path TEXT NOT NULL, size INTEGER NOT NULL,
                  period TEXT, status TEXT NOT NULL, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
                  snapshot_id INTEGER REFERENCES registry_snapshot(id));
                CREATE TABLE finding(
                  file_id INTEGER NOT NULL REFERENCES file(id), ordinal INTEGER NOT NULL,
                  rule TEXT NOT NULL, severity TEXT NOT NULL, sheet TEXT, cell TEXT, field TEXT, value TEXT,
                  message TEXT NOT NULL, rejects_file INTEGER NOT NULL, PRIMARY KEY(file_id, ordinal));
                CREATE TABLE submission(
                  id INTEGER PRIMARY KEY, file_id INTEGER NOT NULL REFERENCES file(id),
                  uscc TEXT NOT NULL, name TEXT NOT NULL, period TEXT NOT NULL, sheet TEXT NOT NULL, row INTEGER NOT NULL,
                  revision INTEGER NOT NULL, superseded_by INTEGER REFERENCES submission(id));
                CREATE INDEX submission_current ON submission(period, uscc) WHERE superseded_by IS NULL;
                CREATE TABLE fact(
                  submission_id INTEGER NOT NULL REFERENCES submission(id),
                  field TEXT NOT NULL, part TEXT NOT NULL, value REAL NOT NULL,
                  PRIMARY KEY(submission_id, field, part)) WITHOUT ROWID;
                CREATE TABLE rejected_row(
                  file_id INTEGER NOT NULL REFERENCES file(id), uscc TEXT NOT NULL, period TEXT NOT NULL,
                  PRIMARY KEY(file_id, uscc, period)) WITHOUT ROWID;
                """)
        }
        m.registerMigration("v2") { db in try Store.migrateFactsIntoSubmissions(db) }
        return m
    }

    /// "v2": a submission's facts move into its row (`submission.facts`, see `FactsText`), and
    /// `fact` becomes a view of them with the old columns, so SQL that reads facts still works.
    /// Existing stores are converted in the migration's transaction: all or nothing.
    static func migrateFactsIntoSubmissions(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE submission ADD COLUMN facts TEXT NOT NULL DEFAULT '{}'")
        // The values are converted here, not by SQL's json_group_object, which prints REALs with 15
        // significant digits: a stored figure would not come back as the same Double.
        let update = try db.makeStatement(sql: "UPDATE submission SET facts = ? WHERE id = ?")
        var id: Int64?
        var facts: [String: [String: Double]] = [:]
        func flush() throws {
            guard let id else { return }
            try update.execute(arguments: [try FactsText.encode(facts), id])
            facts = [:]
        }
        for r in try Row.fetchAll(db, sql: "SELECT submission_id, field, part, value FROM fact ORDER BY submission_id") {
            let sid: Int64 = r[0]
            if sid != id { try flush(); id = sid }
            facts[r[1] as String, default: [:]][r[2] as String] = r[3] as Double
        }
        try flush()
        try db.execute(sql: """
            DROP TABLE fact;
            CREATE VIEW fact(submission_id, field, part, value) AS
              SELECT s.id, f.key, p.key, p.value FROM submission s, json_each(s.facts) f, json_each(f.value) p;
            """)
    }

    /// Row counts of every table: what a rerun must leave unchanged.
    public func rowCounts() throws -> [String: Int] {
        try db.read { db in
            var out: [String: Int] = [:]
            for t in ["registry_snapshot", "registry_entry", "file", "finding", "submission", "fact", "rejected_row"] {
                out[t] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(t)") ?? 0
            }
            return out
        }
    }

    /// `PRAGMA integrity_check` ("ok" when sound).
    public func integrityCheck() throws -> String {
        try db.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n") }
    }

    /// UTC "YYYY-MM-DDTHH:MM:SSZ". Formatted by hand: an ISO8601DateFormatter per stored file
    /// cost more than the SQLite work of storing it. Many files are stored within one second:
    /// the text of the last second is reused.
    static func now() -> String {
        let t = time(nil)
        return lastNow.withLock { last in
            if let last, last.time == t { return last.text }
            var t = t
            var tm = tm()
            gmtime_r(&t, &tm)
            func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
            let text = "\(tm.tm_year + 1900)-\(two(tm.tm_mon + 1))-\(two(tm.tm_mday))T\(two(tm.tm_hour)):\(two(tm.tm_min)):\(two(tm.tm_sec))Z"
            last = (t, text)
            return text
        }
    }

    private static let lastNow = Mutex<(time: time_t, text: String)?>(nil)
}
