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
    /// `s` as a JSON string literal, appended as bytes. The characters to escape are ASCII, and
    /// UTF-8 never uses ASCII bytes inside a multi-byte character, so text is walked by byte.
    public static func append(_ s: String, to out: inout [UInt8]) {
        // Written through `write` into room for the worst case (six bytes for one), then copied once.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 6 * s.utf8.count + 2) { b in
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[..<write(s, to: b.baseAddress!, at: 0)]))
        }
    }

    /// `s` as a JSON string literal, written at `out + at` into storage with room for six bytes per
    /// byte of `s` and two quotes; returns where the string ends. Runs between the bytes to escape
    /// are copied whole: a byte at a time, a registry row's JSON cost more than storing the row.
    public static func write(_ s: String, to out: UnsafeMutablePointer<UInt8>, at start: Int) -> Int {
        var n = start
        out[n] = UInt8(ascii: "\""); n += 1
        FastText.withBytes(s) { b in
            var run = 0
            for i in 0..<b.count {
                let c = b[i]
                guard c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") else { continue }
                (out + n).update(from: b.baseAddress! + run, count: i - run)
                n += i - run
                out[n] = 92
                switch c {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out[n + 1] = c; n += 2
                case 0x0A: out[n + 1] = UInt8(ascii: "n"); n += 2
                case 0x0D: out[n + 1] = UInt8(ascii: "r"); n += 2
                case 0x09: out[n + 1] = UInt8(ascii: "t"); n += 2
                default:
                    out[n + 1] = UInt8(ascii: "u"); out[n + 2] = 48; out[n + 3] = 48
                    out[n + 4] = hexDigits[Int(c >> 4)]; out[n + 5] = hexDigits[Int(c & 15)]
                    n += 6
                }
                run = i + 1
            }
            if b.count > run {
                (out + n).update(from: b.baseAddress! + run, count: b.count - run)
                n += b.count - run
            }
        }
        out[n] = UInt8(ascii: "\""); n += 1
        return n
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    public static func string(_ s: String?) -> String {
        guard let s else { return "null" }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 2)
        append(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
