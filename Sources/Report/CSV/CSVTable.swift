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
        for r in table.rows.indices {
            for c in table.rows[r].indices {
                if c > 0 { out.append(UInt8(ascii: ",")) }
                // Numbers straight into the buffer: no separators or quotes, so no field quoting either.
                if case .number(let d, _) = table.rows[r][c], let decimals = decimals(table.kind(row: r, column: c)) {
                    Formatting.appendUngrouped(d, decimals: decimals, to: &out)
                    if table.kind(row: r, column: c) == .percent { out.append(UInt8(ascii: "%")) }
                } else {
                    out += field(text(table, row: r, column: c)).utf8
                }
            }
            out += [0x0D, 0x0A]
        }
        return out
    }

    /// Decimals a number of this kind is written with; nil for numbers shown as plain text.
    static func decimals(_ kind: ValueKind) -> Int? {
        switch kind {
        case .money, .decimal: 2
        case .integer: 0
        case .percent: 1
        case .text: nil
        }
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
            guard let decimals = decimals(kind) else { return Formatting.plain(d) }
            return Formatting.ungrouped(d, decimals: decimals) + (kind == .percent ? "%" : "")
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
