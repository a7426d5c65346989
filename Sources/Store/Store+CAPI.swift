import Foundation
import GRDB
// GRDB's own SQLite module, for binding without GRDB's per-argument work (see `run`).
import GRDBSQLite

/// Statements run through SQLite's C API on GRDB's connection, for the statements run for every
/// stored file. They stay inside GRDB's transaction (`Store.record`), so atomicity is unchanged.
extension Store {
    /// Rows inserted a statement at a time (`values` holds `columns` values per row, row after row):
    /// a statement's fixed cost (GRDB's bookkeeping, SQLite's reset and halt) was most of a stored
    /// fact's. At most 999 variables per statement, the limit of SQLite before 3.32.
    static func insert(_ db: Database, _ head: String, columns: Int, _ values: [DatabaseValue]) throws {
        let perStatement = 999 / columns * columns
        var start = 0
        while start < values.count {
            let end = min(start + perStatement, values.count)
            let statement = try db.cachedStatement(sql: SQLTexts.shared.insert(head, columns: columns, rows: (end - start) / columns))
            try run(db, statement, values[start..<end]) { _ in false }
            start = end
        }
    }

    /// A write transaction whose BEGIN and COMMIT are cached statements: GRDB's `write` compiles both
    /// anew for every transaction, and `record` runs one per stored file. Rolled back on any error,
    /// as GRDB's is, so a file is stored whole or not at all.
    func writeTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        try db.writeWithoutTransaction { db in
            try Store.execute(db, "BEGIN IMMEDIATE TRANSACTION")
            do {
                let result = try body(db)
                try Store.execute(db, "COMMIT TRANSACTION")
                return result
            } catch {
                // Unless SQLite has already rolled back (it does after some errors).
                if sqlite3_get_autocommit(db.sqliteConnection) == 0 { try? db.rollback() }
                throw error
            }
        }
    }

    static func execute(_ db: Database, _ sql: String) throws {
        try step(db, try db.cachedStatement(sql: sql), [])
    }

    /// Runs a statement looked up beforehand (see `FileStatements`).
    static func step(_ db: Database, _ statement: Statement, _ values: [DatabaseValue]) throws {
        try run(db, statement, values[...]) { _ in false }
    }

    /// The first row of a statement looked up beforehand, read by `row`; nil when there is none.
    static func fetchFirst<T>(_ db: Database, _ statement: Statement, _ values: [DatabaseValue], _ row: (OpaquePointer) -> T) throws -> T? {
        var first: T?
        try run(db, statement, values[...]) { first = row($0); return false }
        return first
    }

    /// Every row `sql` gives, each read by `row` from the C statement.
    static func forEachRow(_ db: Database, _ sql: String, _ values: [DatabaseValue], _ row: (OpaquePointer) throws -> Void) throws {
        try run(db, try db.cachedStatement(sql: sql), values[...]) { try row($0); return true }
    }

    /// Binds and runs through SQLite's C API: GRDB's argument handling (clearing and checking every
    /// one of up to 999 variables, bridging each String to a C string) cost more than SQLite's insert.
    /// Every variable is bound, so nothing is left over from the previous run of the statement.
    /// `row` gets each result row and says whether to go on; the statement is reset at the end.
    private static func run(_ db: Database, _ statement: Statement, _ values: ArraySlice<DatabaseValue>,
                            row: (OpaquePointer) throws -> Bool) throws {
        let handle = statement.sqliteStatement
        // Texts are copied into one buffer that lives until the statement has run, and bound where
        // they lie (SQLITE_STATIC): bound SQLITE_TRANSIENT, SQLite allocated and copied each text
        // itself, some 700 instructions a text, a ninth of storing a file.
        var total = 0
        for value in values { if case .string(let text) = value.storage { total += text.utf8.count } }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(total, 1), alignment: 1)
        // No binding may outlive the buffer.
        defer { sqlite3_reset(handle); sqlite3_clear_bindings(handle); buffer.deallocate() }
        func check(_ code: CInt) throws {
            guard code == SQLITE_OK || code == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
            }
        }
        try check(sqlite3_reset(handle))
        var used = 0
        for (i, value) in values.enumerated() {
            let index = CInt(i + 1)
            if case .string(var text) = value.storage {
                try check(text.withUTF8 { bytes in
                    // Up to a NUL, as GRDB's C-string binding stored it (and reads it back).
                    let count = bytes.baseAddress.map { base in
                        memchr(base, 0, bytes.count).map { UnsafeRawPointer(base).distance(to: $0) } ?? bytes.count
                    } ?? 0
                    // An empty text is bound as a copy of "": a null pointer would bind NULL, not "".
                    guard count > 0, let base = bytes.baseAddress else { return sqlite3_bind_text(handle, index, "", 0, SQLTexts.transient) }
                    let at = buffer + used
                    at.copyMemory(from: base, byteCount: count)
                    used += count
                    // No destructor: SQLITE_STATIC, the bytes are read where they are.
                    return sqlite3_bind_text(handle, index, at.assumingMemoryBound(to: CChar.self), CInt(count), nil)
                })
            } else {
                try check(value.bind(to: handle, at: index))
            }
        }
        var code = sqlite3_step(handle)
        while code == SQLITE_ROW {
            guard try row(handle) else { return }
            code = sqlite3_step(handle)
        }
        try check(code)
    }
}

/// Multi-row INSERT texts by head and row count, made once: building a statement of a thousand
/// placeholders for every stored file cost more than looking it up.
final class SQLTexts: @unchecked Sendable {
    static let shared = SQLTexts()
    /// SQLITE_TRANSIENT: SQLite copies the bound bytes before the call returns.
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    private let lock = NSLock()
    private var texts: [String: [Int: String]] = [:]

    func insert(_ head: String, columns: Int, rows: Int) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let sql = texts[head]?[rows] { return sql }
        let tuple = "(" + String(repeating: "?,", count: columns - 1) + "?)"
        let sql = head + " " + tuple + String(repeating: "," + tuple, count: rows - 1)
        texts[head, default: [:]][rows] = sql
        return sql
    }
}

