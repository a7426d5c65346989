import GRDB

/// Current accepted rows and their facts as one dense table: a column per (field, part) met, a row
/// per submission. Aggregation reads every figure of thousands of enterprises many times (totals,
/// four breakdowns, trend, rows); by column index that is an array access, where the nested
/// `[field: [part: value]]` dictionaries of `StoredSubmission` cost two String hashes each.
public struct FactTable: Sendable {
    public struct Key: Sendable, Hashable {
        public var field: String
        public var part: String
        public init(field: String, part: String) { self.field = field; self.part = part }
    }

    public struct Row: Sendable, Equatable {
        public var id: Int64
        public var uscc: String
        public var name: String
        public var period: String
        public var file: String
        public var revision: Int
    }

    /// Columns in the order first met (field, part order within a row).
    public internal(set) var keys: [Key] = []
    /// Rows ordered by period, then USCC.
    public internal(set) var rows: [Row] = []
    /// rows.count × keys.count, row after row; NaN where a row has no such fact (SQLite stores no
    /// NaN: it becomes NULL, which `fact.value NOT NULL` refuses).
    private var values: [Double] = []
    private var columnOf: [Key: Int] = [:]

    public init() {}

    public var columnCount: Int { keys.count }

    public func column(_ field: String, _ part: String) -> Int? { columnOf[Key(field: field, part: part)] }

    /// The fact of `row` in `column`, nil when not reported (or no such column).
    @inline(__always)
    public func value(_ row: Int, _ column: Int?) -> Double? {
        guard let column else { return nil }
        let v = values[row &* keys.count &+ column]
        return v.isNaN ? nil : v
    }

    /// Facts of one row as `StoredSubmission.facts` has them.
    public func facts(of row: Int) -> [String: [String: Double]] {
        var out: [String: [String: Double]] = [:]
        for (c, k) in keys.enumerated() { if let v = value(row, c) { out[k.field, default: [:]][k.part] = v } }
        return out
    }
}

extension Store {
    /// The current (latest, not superseded) accepted rows of the periods, ordered by period and USCC.
    public func currentFacts(periods: [String]) throws -> FactTable {
        guard !periods.isEmpty else { return FactTable() }
        return try db.read { db in
            let marks = databaseQuestionMarks(count: periods.count)
            var table = FactTable()
            var index: [Int64: Int] = [:]
            // By position through cursors: looking columns up by name costs more than the rest of the loop.
            let rows = try Row.fetchCursor(db, sql: """
                SELECT s.id, s.uscc, s.name, s.period, s.revision, f.path FROM submission s JOIN file f ON f.id = s.file_id
                WHERE s.superseded_by IS NULL AND s.period IN (\(marks)) ORDER BY s.period, s.uscc
                """, arguments: StatementArguments(periods))
            while let r = try rows.next() {
                let id: Int64 = r[0]
                index[id] = table.rows.count
                table.rows.append(FactTable.Row(id: id, uscc: r[1], name: r[2], period: r[3], file: r[5], revision: r[4]))
            }
            var cells: [(row: Int, column: Int, value: Double)] = []
            let facts = try Row.fetchCursor(db, sql: """
                SELECT x.submission_id, x.field, x.part, x.value FROM submission s JOIN fact x ON x.submission_id = s.id
                WHERE s.superseded_by IS NULL AND s.period IN (\(marks))
                """, arguments: StatementArguments(periods))
            var guess = 0
            while let f = try facts.next() {
                guard let row = index[f[0]] else { continue }
                let key = FactTable.Key(field: f[1], part: f[2])
                // Facts come in key order and most rows have the same keys: the column after the last one
                // usually matches, which spares hashing the key.
                let column: Int
                if guess < table.keys.count, table.keys[guess] == key { column = guess } else { column = table.intern(key) }
                cells.append((row, column, f[3]))
                guess = column + 1
            }
            table.fill(cells)
            return table
        }
    }
}

extension FactTable {
    fileprivate mutating func intern(_ key: Key) -> Int {
        if let c = columnOf[key] { return c }
        keys.append(key)
        columnOf[key] = keys.count - 1
        return keys.count - 1
    }

    fileprivate mutating func fill(_ cells: [(row: Int, column: Int, value: Double)]) {
        let width = keys.count
        values = Array(repeating: .nan, count: rows.count * width)
        values.withUnsafeMutableBufferPointer { v in
            for c in cells { v[c.row * width + c.column] = c.value }
        }
    }
}
