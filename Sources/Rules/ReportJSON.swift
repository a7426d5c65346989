/// The `validate --format json` document of DOMAIN.md §8, keys in a fixed order so the same
/// input gives the same bytes.
extension ValidationReport {
    public func json() -> String {
        var out = "{\"files\":["
        for (i, f) in files.enumerated() {
            if i > 0 { out += "," }
            out += "{\"path\":\(JSON.string(f.path)),\"status\":\(JSON.string(f.status.rawValue)),\"findings\":["
            for (j, x) in f.findings.enumerated() {
                if j > 0 { out += "," }
                out += "{\"rule\":\(JSON.string(x.rule)),\"severity\":\(JSON.string(x.severity.rawValue))"
                out += ",\"sheet\":\(JSON.string(x.sheet)),\"cell\":\(JSON.string(x.cell?.description))"
                out += ",\"field\":\(JSON.string(x.field)),\"value\":\(JSON.string(x.value))"
                out += ",\"message\":\(JSON.string(x.message))}"
            }
            out += "]}"
        }
        out += "],\"summary\":{\"files\":\(files.count),\"accepted\":\(acceptedCount),\"rejected\":\(rejectedCount)"
        out += ",\"skipped\":\(skippedCount),\"errors\":\(errorCount),\"warnings\":\(warningCount)}}"
        return out
    }
}

/// JSON text for the documents parkstat writes (validation report, summary): UTF-8 kept as is,
/// quotes, backslashes and control characters escaped.
public enum JSON {
    public static func string(_ s: String?) -> String {
        guard let s else { return "null" }
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
