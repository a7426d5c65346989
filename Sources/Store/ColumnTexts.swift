import GRDBSQLite

/// Text columns of a query read as Strings, each column remembering its last text: rows read in
/// order repeat their neighbours' texts (a file's path, rule and sheet on each of its findings, a
/// registry's 投产 and 是), and a repeated text is the same String again, with no UTF-8 to check
/// or memory to take. Columns whose texts do not repeat (codes, names) are read with `fresh`.
struct ColumnTexts {
    private var last: [(bytes: [UInt8], text: String)?]

    init(columns: Int) { last = Array(repeating: nil, count: columns) }

    /// Column `c` of the statement's current row; nil when NULL.
    mutating func text(_ h: OpaquePointer, _ c: CInt) -> String? {
        guard sqlite3_column_type(h, c) != SQLITE_NULL else { return nil }
        let bytes = Store.text(h, c)
        let i = Int(c)
        if let known = last[i], Store.same(known.bytes, bytes) { return known.text }
        let text = String(decoding: bytes, as: UTF8.self)
        // The last bytes' storage is reused.
        var kept = last[i]?.bytes ?? []
        last[i] = nil
        kept.removeAll(keepingCapacity: true)
        kept.append(contentsOf: bytes)
        last[i] = (kept, text)
        return text
    }

    /// Column `c` as a new String; nil when NULL.
    static func fresh(_ h: OpaquePointer, _ c: CInt) -> String? {
        sqlite3_column_type(h, c) == SQLITE_NULL ? nil : String(decoding: Store.text(h, c), as: UTF8.self)
    }
}
