import Foundation
import GRDB
import GRDBSQLite
import Rules
import SheetModel

/// A file the store has already read, recognised by the SHA-256 of its bytes.
public struct KnownFile: Sendable, Equatable {
    public var id: Int64
    public var path: String
    public var period: String?
}

/// A validated file as `Store.record` stores it: its report, the SHA-256 and size of its bytes,
/// the registry snapshot it was checked against, and who its rejected rows named.
public struct FileToStore: Sendable {
    public var report: FileReport
    public var sha256: String
    public var size: Int
    public var snapshotID: Int64?
    public var rejected: Set<RejectedRow>
    public init(_ report: FileReport, sha256: String, size: Int, snapshotID: Int64?, rejected: Set<RejectedRow> = []) {
        self.report = report; self.sha256 = sha256; self.size = size; self.snapshotID = snapshotID; self.rejected = rejected
    }
}

/// An enterprise identified in a rejected row: it tried to report but nothing of it was accepted.
public struct RejectedRow: Sendable, Hashable {
    public var uscc: String
    public var period: String
    public init(uscc: String, period: String) { self.uscc = uscc; self.period = period }
}

extension Store {
    /// Stores the registry as read, unless a byte-identical registry was stored before; returns its snapshot id.
    public func snapshot(registry: Registry, sha256: String, path: String) throws -> Int64 {
        try db.write { db in
            if let id = try Int64.fetchOne(db, sql: "SELECT id FROM registry_snapshot WHERE sha256 = ?", arguments: [sha256]) {
                return id
            }
            try db.execute(sql: "INSERT INTO registry_snapshot(sha256, path, read_at) VALUES (?, ?, ?)",
                           arguments: [sha256, path, Store.now()])
            let id = db.lastInsertedRowID
            var rows: [DatabaseValue] = []
            rows.reserveCapacity(registry.enterprises.count * 14)
            // Values appended one by one: an array of optional existentials per row boxed each one.
            func put(_ text: String?) { rows.append(text?.databaseValue ?? .null) }
            for (i, e) in registry.enterprises.enumerated() {
                rows.append(id.databaseValue)
                rows.append(i.databaseValue)
                put(e.uscc); put(e.name); put(e.aliases.joined(separator: "、")); put(e.status)
                put(e.value("industry_chain")); put(e.value("industry_code")); put(e.value("above_scale")); put(e.value("hitech"))
                rows.append(e.value("land_area_mu").flatMap(Store.number)?.databaseValue ?? .null)
                put(e.value("party_org_type")); put(e.value("party_branch")); put(Store.json(sorted: e.sortedValues))
            }
            try Store.insert(db, """
                INSERT INTO registry_entry(snapshot_id, ordinal, uscc, name, aliases, status, industry_chain, industry_code,
                  above_scale, hitech, land_area_mu, party_org_type, party_branch, values_json) VALUES
                """, columns: 14, rows)
            return id
        }
    }

    /// Sorted-key JSON of a registry row, built as bytes (Foundation's sorted writer, and string
    /// concatenation, were slow on a 5 000-row registry). The row's pairs are sorted by key: a dozen
    /// short keys compare faster than they are hashed to look each value up again.
    static func json(_ values: [String: String]) -> String {
        json(sorted: values.map { Registry.Enterprise.Value(key: $0.key, value: $0.value) }.sorted { $0.key < $1.key })
    }

    /// `json` of pairs already sorted by key (as a registry entry holds them), written straight into
    /// the String's storage, sized for the worst case of escaping (six bytes for one).
    static func json(sorted values: [Registry.Enterprise.Value]) -> String {
        var bound = 2
        for v in values { bound += 6 * (v.key.utf8.count + v.value.utf8.count) + 6 }
        return String(unsafeUninitializedCapacity: bound) { buffer -> Int in
            let out = buffer.baseAddress!
            var n = 0
            out[n] = UInt8(ascii: "{"); n += 1
            for (i, v) in values.enumerated() {
                if i > 0 { out[n] = UInt8(ascii: ","); n += 1 }
                n = JSON.write(v.key, to: out, at: n)
                out[n] = UInt8(ascii: ":"); n += 1
                n = JSON.write(v.value, to: out, at: n)
            }
            out[n] = UInt8(ascii: "}"); n += 1
            return n
        }
    }

    static func number(_ text: String) -> Double? {
        // Plain digits need no trimming or separator removal (Foundation's were a tenth of the snapshot).
        if !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == UInt8(ascii: ".") }) { return Double(text) }
        return Double(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ""))
    }

    /// Files already stored, by hash.
    public func knownFiles() throws -> [String: KnownFile] {
        try db.read { db in
            var out: [String: KnownFile] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT id, sha256, path, period FROM file")
            while let r = try rows.next() { out[r["sha256"]] = KnownFile(id: r["id"], path: r["path"], period: r["period"]) }
            return out
        }
    }

    /// Marks stored files as seen again (the audit trail's last_seen); counts and figures stay as they are.
    public func touch(_ ids: [Int64]) throws {
        guard !ids.isEmpty else { return }
        let now = Store.now()
        try db.write { db in
            let update = try db.cachedStatement(sql: "UPDATE file SET last_seen = ? WHERE id = ?")
            for id in ids { try update.execute(arguments: [now, id]) }
        }
    }

    /// Stores one validated file in one transaction: the file, its findings and its accepted rows.
    /// An accepted row for an enterprise and period that already has one is a revision: the old row
    /// is kept and marked superseded. Rejected rows are never stored, only who they named.
    /// Returns false when the same bytes were stored meanwhile (nothing is written then).
    @discardableResult
    public func record(_ report: FileReport, sha256: String, size: Int, snapshotID: Int64?,
                       rejected: Set<RejectedRow> = []) throws -> Bool {
        try record([FileToStore(report, sha256: sha256, size: size, snapshotID: snapshotID, rejected: rejected)])[0]
    }

    /// Stores validated files in order, in one transaction, each as `record` stores one: a crash
    /// leaves all of them or none, never part of a file. One commit for several files: each commit
    /// wrote some six WAL pages (the B-tree pages a file touches), two `pwrite`s each, and that
    /// kernel work was most of storing a file. When a file cannot be stored, the files before it
    /// are stored, as they were when every file had its own transaction, and its error is thrown.
    /// Returns, per file, false when the same bytes were already stored (nothing written for it).
    @discardableResult
    public func record(_ files: [FileToStore]) throws -> [Bool] {
        guard !files.isEmpty else { return [] }
        var stored: [Bool] = []
        do {
            return try writeTransaction { db in
                stored.removeAll()
                let statements = try FileStatements(db)
                for f in files { stored.append(try Store.insertFile(db, f, statements)) }
                return stored
            }
        } catch {
            // The transaction rolled back the files before the failing one: store them again on
            // their own. When the commit itself failed, every file is in `stored` and none is retried.
            if stored.count < files.count, !stored.isEmpty { try record(Array(files[..<stored.count])) }
            throw error
        }
    }

    /// One file's rows, inside the caller's transaction (see `record`).
    private static func insertFile(_ db: Database, _ file: FileToStore, _ statements: FileStatements) throws -> Bool {
        let report = file.report
        let now = Store.now()
        // Bytes stored before are left as they are: the insert, not a lookup first, finds them in
        // the sha256 index (one search of it per file instead of two).
        try Store.step(db, statements.file, [file.sha256.databaseValue, report.path.databaseValue, file.size.databaseValue,
                                             report.period.databaseValue, report.status.rawValue.databaseValue, now.databaseValue,
                                             now.databaseValue, file.snapshotID.databaseValue])
        guard sqlite3_changes(db.sqliteConnection) == 1 else { return false }
        let fileID = db.lastInsertedRowID
        var findings: [DatabaseValue] = []
        for (i, f) in report.findings.enumerated() {
            let row: [(any DatabaseValueConvertible)?] = [fileID, i, f.rule, f.severity.rawValue, f.sheet, f.cell?.description,
                                                          f.field, f.value, f.message, f.rejectsFile]
            findings += row.map { $0?.databaseValue ?? .null }
        }
        try Store.insert(db, """
            INSERT INTO finding(file_id, ordinal, rule, severity, sheet, cell, field, value, message, rejects_file) VALUES
            """, columns: 10, findings)
        for s in report.submissions {
            let old = try Store.fetchFirst(db, statements.current, [s.uscc.databaseValue, s.period.databaseValue]) {
                (id: sqlite3_column_int64($0, 0), revision: Int(sqlite3_column_int64($0, 1)))
            }
            let revision = old.map { $0.revision + 1 } ?? 1
            // The facts travel in the submission's row (see `FactsText`).
            try Store.step(db, statements.submission, [fileID.databaseValue, s.uscc.databaseValue, s.name.databaseValue,
                                                       s.period.databaseValue, s.sheet.databaseValue, s.row.databaseValue,
                                                       revision.databaseValue, try FactsText.encode(s.values).databaseValue])
            if let old { try Store.step(db, statements.supersede, [db.lastInsertedRowID.databaseValue, old.id.databaseValue]) }
        }
        for r in file.rejected.sorted(by: { ($0.period, $0.uscc) < ($1.period, $1.uscc) }) {
            try Store.step(db, statements.reject, [fileID.databaseValue, r.uscc.databaseValue, r.period.databaseValue])
        }
        return true
    }

    /// The validation report of a stored file, as it was when stored (for `validation.json` on a rerun).
    public func storedReport(fileID: Int64, path: String) throws -> FileReport {
        try db.read { db in
            let status = try String.fetchOne(db, sql: "SELECT status FROM file WHERE id = ?", arguments: [fileID]) ?? "accepted"
            let period = try String.fetchOne(db, sql: "SELECT period FROM file WHERE id = ?", arguments: [fileID])
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM finding WHERE file_id = ? ORDER BY ordinal", arguments: [fileID])
            let findings = rows.map { r in
                Finding(rule: r["rule"], severity: Severity(rawValue: r["severity"]) ?? .info, file: path, sheet: r["sheet"],
                        cell: (r["cell"] as String?).flatMap { CellRef($0) }, field: r["field"], value: r["value"],
                        message: r["message"], rejectsFile: r["rejects_file"])
            }
            return FileReport(path: path, status: FileStatus(rawValue: status) ?? .accepted, findings: findings,
                              submissions: [], period: period)
        }
    }
}

/// The statements storing a file runs, looked up once per transaction rather than once per use:
/// GRDB's statement cache hashes the SQL text at each lookup, five lookups per file.
private struct FileStatements {
    let file, current, submission, supersede, reject: Statement

    init(_ db: Database) throws {
        file = try db.cachedStatement(sql: """
            INSERT INTO file(sha256, path, size, period, status, first_seen, last_seen, snapshot_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(sha256) DO NOTHING
            """)
        current = try db.cachedStatement(sql: "SELECT id, revision FROM submission WHERE uscc = ? AND period = ? AND superseded_by IS NULL")
        submission = try db.cachedStatement(sql: """
            INSERT INTO submission(file_id, uscc, name, period, sheet, row, revision, facts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        supersede = try db.cachedStatement(sql: "UPDATE submission SET superseded_by = ? WHERE id = ?")
        reject = try db.cachedStatement(sql: "INSERT OR IGNORE INTO rejected_row(file_id, uscc, period) VALUES (?, ?, ?)")
    }
}
