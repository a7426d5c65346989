import Foundation
import GRDB
import GRDBSQLite

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

    /// Columns in the order first met (field, part order within a row).
    public internal(set) var keys: [Key] = []
    /// Rows ordered by period, then USCC; their `facts` stay empty: the figures are the table's columns.
    public internal(set) var rows: [StoredSubmission] = []
    /// rows.count × keys.count, row after row; NaN where a row has no such fact (SQLite stores no
    /// NaN: it becomes NULL, which `fact.value NOT NULL` refuses).
    private var values: [Double] = []
    private var columnOf: [Key: Int] = [:]
    /// The keys' bytes, for matching the store's text without making Strings.
    fileprivate var utf8: [(field: [UInt8], part: [UInt8])] = []

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
            var cells: [(row: Int, column: Int, value: Double)] = []
            var guess = 0
            // One pass through the C API: each row's header, then its facts (`FactsText`) with field
            // and part compared as bytes: a String for each of them, and GRDB's row cursor, cost more
            // than the query.
            try Store.forEachRow(db, """
                SELECT s.id, s.uscc, s.name, s.period, s.revision, f.path, s.facts FROM submission s JOIN file f ON f.id = s.file_id
                WHERE s.superseded_by IS NULL AND s.period IN (\(marks)) ORDER BY s.period, s.uscc
                """, periods.map(\.databaseValue)) { h in
                let row = table.rows.count
                table.rows.append(StoredSubmission(headerStatement: h))
                try FactsText.forEach(Store.text(h, 6)) { field, part, value in
                    // Facts come in key order and most rows have the same keys: the column after the last one
                    // usually matches, which spares making and hashing the key.
                    let column = table.known(field, part, from: guess)
                        ?? table.intern(FactTable.Key(field: String(decoding: field, as: UTF8.self), part: String(decoding: part, as: UTF8.self)))
                    cells.append((row, column, value))
                    guess = column + 1
                }
                guess = 0
            }
            table.fill(cells)
            return table
        }
    }
}

extension FactTable {
    /// The column of a key already met, by its bytes: from `guess` on (a row lacking some fact skips
    /// ahead), then from the start. A few dozen byte compares cost less than making and hashing the key.
    fileprivate func known(_ field: UnsafeBufferPointer<UInt8>, _ part: UnsafeBufferPointer<UInt8>, from guess: Int) -> Int? {
        let n = utf8.count
        guard n > 0 else { return nil }
        var c = guess < n ? guess : 0
        for _ in 0..<n {
            if Store.same(utf8[c].field, field), Store.same(utf8[c].part, part) { return c }
            c = c + 1 == n ? 0 : c + 1
        }
        return nil
    }

    fileprivate mutating func intern(_ key: Key) -> Int {
        if let c = columnOf[key] { return c }
        keys.append(key)
        utf8.append((Array(key.field.utf8), Array(key.part.utf8)))
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

extension Store {
    /// Byte equality, as memcmp: `elementsEqual`'s iterators cost more per fact than reading it.
    @inline(__always)
    static func same(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBufferPointer { a in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
    }

    /// A text column's bytes, valid until the statement steps again.
    static func text(_ h: OpaquePointer, _ column: CInt) -> UnsafeBufferPointer<UInt8> {
        guard let p = sqlite3_column_text(h, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(h, column)))
    }
}
