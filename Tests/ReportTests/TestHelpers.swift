import Foundation
import TestSupport

/// Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into rows of fields.
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = [], row: [String] = [], field = ""
    var quoted = false, i = text.unicodeScalars.startIndex
    let s = text.unicodeScalars
    while i < s.endIndex {
        let c = s[i]
        if quoted {
            if c == "\"" {
                let next = s.index(after: i)
                if next < s.endIndex && s[next] == "\"" { field.unicodeScalars.append("\""); i = next } else { quoted = false }
            } else { field.unicodeScalars.append(c) }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            row.append(field); field = ""
        } else if c == "\r" {
            // CRLF ends the record; the LF is skipped below.
        } else if c == "\n" {
            row.append(field); rows.append(row); row = []; field = ""
        } else {
            field.unicodeScalars.append(c)
        }
        i = s.index(after: i)
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}
