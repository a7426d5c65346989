import Foundation
import SheetModel
import GRDB
import GRDBSQLite
import Rules

/// A registry row as stored (latest snapshot).
public struct RegistryRow: Sendable, Equatable {
    public var uscc: String
    public var name: String
    public var status: String?
    public var industryChain: String?
    public var industryCode: String?
    public var aboveScale: Bool?
    public var hitech: Bool?
    public var landAreaMu: Double?
    public var partyOrgType: String?
    public var partyBranch: String?
}

/// An accepted row as stored, with its facts (field → part → value, canonical units).
public struct StoredSubmission: Sendable, Equatable {
    public var id: Int64
    public var uscc: String
    public var name: String
    public var period: String
    public var file: String
    public var revision: Int
    public var facts: [String: [String: Double]]
}

extension StoredSubmission {
    /// A row of `SELECT s.id, s.uscc, s.name, s.period, s.revision, f.path …` (every query of
    /// submissions selects these), read by position; the facts are read separately.
    init(headerRow r: GRDB.Row) {
        self.init(id: r[0], uscc: r[1], name: r[2], period: r[3], file: r[5], revision: r[4], facts: [:])
    }

    /// The same header read from SQLite's statement, without GRDB's row.
    init(headerStatement h: OpaquePointer) {
        func text(_ c: CInt) -> String { String(decoding: Store.text(h, c), as: UTF8.self) }
        self.init(id: sqlite3_column_int64(h, 0), uscc: text(1), name: text(2), period: text(3), file: text(5),
                  revision: Int(sqlite3_column_int64(h, 4)), facts: [:])
    }
}

/// A superseded row and the row that replaced it.
public struct StoredRevision: Sendable, Equatable {
    public var old: StoredSubmission
    public var new: StoredSubmission
}

extension Store {
    /// The latest registry snapshot, in file order (empty when none was stored).
    public func registry() throws -> [RegistryRow] {
        try db.read { db in
            // By position from SQLite's statement: GRDB's rows, even by position, were most of
            // reading 5 000 entries.
            var out: [RegistryRow] = []
            var texts = ColumnTexts(columns: 10)
            try Store.forEachRow(db, """
                SELECT uscc, name, status, industry_chain, industry_code, above_scale, hitech, land_area_mu, party_org_type,
                  party_branch FROM registry_entry WHERE snapshot_id = (SELECT MAX(id) FROM registry_snapshot) ORDER BY ordinal
                """, []) { h in
                // Codes and names differ from row to row; the other columns repeat a few words.
                func text(_ c: CInt) -> String? { c < 2 ? ColumnTexts.fresh(h, c) : texts.text(h, c) }
                let area = sqlite3_column_type(h, 7) == SQLITE_NULL ? nil : sqlite3_column_double(h, 7)
                out.append(RegistryRow(uscc: text(0) ?? "", name: text(1) ?? "", status: text(2), industryChain: text(3),
                                       industryCode: text(4), aboveScale: Store.yesNo(text(5)), hitech: Store.yesNo(text(6)),
                                       landAreaMu: area, partyOrgType: text(8), partyBranch: text(9)))
            }
            return out
        }
    }

    static let yes = ["是", "Y", "y", "yes", "1", "√", "规上", "高新"]
    static let no = ["否", "N", "n", "no", "0", "×", "规下"]

    private static let yesBytes = yes.map { Array($0.utf8) }
    private static let noBytes = no.map { Array($0.utf8) }

    static func yesNo(_ s: String?) -> Bool? {
        guard let s else { return nil }
        // Nearly every cell is a bare 是/否: Foundation's trimming cost more than the rest of reading
        // the registry, so it is only tried when the text as it is is no word. Compared as bytes
        // (memcmp): none of these words has another canonical spelling, and String's comparison
        // walks CJK text by canonical equivalence.
        func word(_ text: String) -> Bool? {
            var text = text
            return text.withUTF8 { b in
                if yesBytes.contains(where: { Store.same($0, b) }) { return true }
                if noBytes.contains(where: { Store.same($0, b) }) { return false }
                return nil
            }
        }
        return word(s) ?? word(s.trimmingCharacters(in: .whitespaces))
    }

    /// Periods with at least one current accepted row, ascending.
    public func periods() throws -> [String] {
        try db.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT period FROM submission ORDER BY period") }
    }

    /// The current (latest, not superseded) accepted rows of the periods, ordered by period and USCC.
    public func currentSubmissions(periods: [String]) throws -> [StoredSubmission] {
        let t = try currentFacts(periods: periods)
        return t.rows.indices.map { i in
            var s = t.rows[i]
            s.facts = t.facts(of: i)
            return s
        }
    }

    public func currentSubmissions(period: String) throws -> [StoredSubmission] {
        try currentSubmissions(periods: [period])
    }

    /// Submissions with their facts: `sql` selects the header columns, then `s.facts`.
    static func submissions(_ db: Database, sql: String, arguments: StatementArguments) throws -> [StoredSubmission] {
        var out: [StoredSubmission] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let r = try rows.next() {
            var s = StoredSubmission(headerRow: r)
            s.facts = try FactsText.decode(r[6])
            out.append(s)
        }
        return out
    }

    /// Revisions of a period: each superseded row with the row that replaced it, oldest first.
    public func revisions(period: String) throws -> [StoredRevision] {
        try db.read { db in
            let pairs = try Row.fetchAll(db, sql: """
                SELECT id, superseded_by FROM submission WHERE period = ? AND superseded_by IS NOT NULL ORDER BY uscc, revision
                """, arguments: [period])
            guard !pairs.isEmpty else { return [] }
            let ids = pairs.flatMap { [$0["id"] as Int64, $0["superseded_by"] as Int64] }
            let subs = try Store.submissions(db, sql: """
                SELECT s.id, s.uscc, s.name, s.period, s.revision, f.path, s.facts FROM submission s JOIN file f ON f.id = s.file_id
                WHERE s.id IN (\(databaseQuestionMarks(count: ids.count)))
                """, arguments: StatementArguments(ids))
            let byID = Dictionary(uniqueKeysWithValues: subs.map { ($0.id, $0) })
            return pairs.compactMap { p in
                guard let o = byID[p["id"]], let n = byID[p["superseded_by"]] else { return nil }
                return StoredRevision(old: o, new: n)
            }
        }
    }

    /// Findings of the stored files of a period, file by file in the order they were stored.
    public func findings(period: String) throws -> [Finding] {
        try db.read { db in
            // By position from SQLite's statement, as for facts: GRDB's rows and their String
            // checks cost more than the query, and neighbouring findings repeat most of their texts.
            var out: [Finding] = []
            var texts = ColumnTexts(columns: 8)
            try Store.forEachRow(db, """
                SELECT f.path, x.rule, x.severity, x.sheet, x.cell, x.field, x.value, x.message, x.rejects_file
                FROM finding x JOIN file f ON f.id = x.file_id WHERE f.period = ? ORDER BY f.id, x.ordinal
                """, [period.databaseValue]) { h in
                func text(_ c: CInt) -> String? { texts.text(h, c) }
                out.append(Finding(rule: text(1) ?? "", severity: text(2).flatMap(Severity.init(rawValue:)) ?? .info, file: text(0) ?? "",
                                   sheet: text(3), cell: nil, field: text(5), value: text(6), message: text(7) ?? "",
                                   rejectsFile: sqlite3_column_int64(h, 8) != 0).withCellText(text(4)))
            }
            return out
        }
    }

    /// Enterprises named in rejected rows of the period.
    public func rejectedEnterprises(period: String) throws -> Set<String> {
        try db.read { db in
            Set(try String.fetchAll(db, sql: "SELECT DISTINCT uscc FROM rejected_row WHERE period = ?", arguments: [period]))
        }
    }

    /// Last-month rules' view of the store (§6): current accepted rows of the months before `period`
    /// in its year, and of the month just before it. Loaded once per month of a run.
    public func priorPeriods(before period: String) throws -> InMemoryPriorPeriods {
        guard let p = Period(period) else { return InMemoryPriorPeriods() }
        var months = (1..<p.month).map { Period(year: p.year, month: $0)!.description }
        if p.month == 1 { months.append(p.previous.description) }
        let subs = try currentSubmissions(periods: months)
        return InMemoryPriorPeriods(subs.map { Submission(uscc: $0.uscc, name: $0.name, period: $0.period, facts: $0.facts, sheet: "", row: 0) })
    }
}

/// Reads the store on demand, for `validate --db`.
public struct StorePriorPeriods: PriorPeriodSource {
    let store: Store
    public init(store: Store) { self.store = store }
    public func facts(uscc: String, period: String) -> [String: [String: Double]]? {
        guard let s = try? store.db.read({ db in
            try Store.submissions(db, sql: """
                SELECT s.id, s.uscc, s.name, s.period, s.revision, f.path, s.facts FROM submission s JOIN file f ON f.id = s.file_id
                WHERE s.superseded_by IS NULL AND s.uscc = ? AND s.period = ?
                """, arguments: [uscc, period])
        }) else { return nil }
        return s.first?.facts
    }
}

extension Finding {
    /// Findings keep their cell as text in the store; the A1 text is parsed back here.
    func withCellText(_ text: String?) -> Finding {
        var f = self
        f.cell = text.flatMap { CellRef($0) }
        return f
    }
}
