/// A table as CSV for Excel and WPS: UTF-8 with a BOM (without it Excel reads Chinese as the
/// local ANSI code page), CRLF line ends and RFC 4180 quoting. Header row, then data rows: the
/// title is in the file name, so the file stays a plain table for other tools.
public enum CSVTable {
    public static func fileName(_ table: Table, period: String) -> String { "\(table.name)-\(period).csv" }

    public static func render(_ table: Table) -> String { String(decoding: bytes(table), as: UTF8.self) }

    /// The file's bytes, appended into one buffer: the enterprise table has a quarter of a million fields.
    static func bytes(_ table: Table) -> [UInt8] {
        var out: [UInt8] = Array("\u{FEFF}".utf8)
        func line(_ fields: some Sequence<String>) {
            for (c, f) in fields.enumerated() {
                if c > 0 { out.append(UInt8(ascii: ",")) }
                out += field(f).utf8
            }
            out += [0x0D, 0x0A]
        }
        line(table.columns.lazy.map(\.header))
        for r in table.rows.indices { line(table.rows[r].indices.lazy.map { text(table, row: r, column: $0) }) }
        return out
    }

    /// Numbers without thousands separators so Excel reads them as numbers; the same decimals
    /// as the workbook shows; percentages with "%", which Excel also reads as numbers.
    static func text(_ table: Table, row: Int, column: Int) -> String {
        let kind = table.kind(row: row, column: column)
        switch table.rows[row][column] {
        case .text(let s): return neutralised(s)
        case .blank: return ""
        case .unavailable: return Formatting.unavailable
        case .number(let d, _):
            switch kind {
            case .money, .decimal: return Formatting.ungrouped(d, decimals: 2)
            case .integer: return Formatting.ungrouped(d, decimals: 0)
            case .percent: return Formatting.ungrouped(d, decimals: 1) + "%"
            case .text: return Formatting.plain(d)
            }
        }
    }

    /// Text from enterprises' files that starts like a formula would run as one when the CSV is
    /// opened in Excel; a leading apostrophe keeps it text (OWASP "CSV injection").
    static func neutralised(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return s }
        return "'" + s
    }

    /// RFC 4180: quote fields holding a comma, quote or line break; double inner quotes.
    static func field(_ s: String) -> String {
        // By byte: a Character scan breaks graphemes, and CRLF is one Character holding "\r".
        guard s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
