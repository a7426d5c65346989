import GRDB
import Rules
import SheetModel

/// A submission's facts as `submission.facts` holds them (migration "v2"): JSON text
/// `{"field":{"part":value,…},…}`, fields and parts in sorted order, each value in the shortest
/// text that reads back as the same Double.
///
/// One column instead of ~20 rows of a `fact` table: those rows were a B-tree of their own, and as
/// a WITHOUT ROWID table every append split pages by rebalancing siblings, so a stored file wrote
/// ~2.8 of its ~8 WAL pages for its facts. In the submission row they are on a page the commit
/// writes anyway. JSON, so that SQL still sees them: the `fact` view unpacks them with json_each.
enum FactsText {
    /// The text for a submission's facts. A NaN is refused, as `fact.value NOT NULL` refused it
    /// (SQLite binds NaN as NULL), so the file is stored whole or not at all as before; ±infinity
    /// is written as ±9e999, which JSON readers, SQLite's included, read back as infinity.
    /// A field without parts had no fact row: it is not written, so it does not come back.
    static func encode(_ facts: [String: [String: Double]]) throws -> String {
        try encode(Facts(facts))
    }

    /// `encode` of a submission's flat facts, already in the text's order (see `Facts`), written
    /// straight into the String's storage: appending to a byte array, a byte or a number at a
    /// time, was most of storing a submission.
    static func encode(_ facts: Facts) throws -> String {
        let list = facts.list
        // Keys with room to be escaped (six bytes for one), values with room for any number.
        var bound = 2
        for f in list { bound += 6 * (f.field.utf8.count + f.part.utf8.count) + 48 }
        var failure: (any Error)?
        let text = String(unsafeUninitializedCapacity: bound) { buffer -> Int in
            var w = Writer(base: buffer.baseAddress!)
            w.put(UInt8(ascii: "{"))
            var field: String?
            for f in list {
                if f.field == field {
                    w.put(UInt8(ascii: ","))
                } else {
                    if field != nil { w.put(UInt8(ascii: "}")); w.put(UInt8(ascii: ",")) }
                    field = f.field
                    w.quoted(f.field)
                    w.put(UInt8(ascii: ":")); w.put(UInt8(ascii: "{"))
                }
                w.quoted(f.part)
                w.put(UInt8(ascii: ":"))
                guard !f.value.isNaN else { failure = nan(f.field, f.part); return 0 }
                w.number(f.value)
            }
            if field != nil { w.put(UInt8(ascii: "}")) }
            w.put(UInt8(ascii: "}"))
            return w.count
        }
        if let failure { throw failure }
        return text
    }

    /// Bytes written at a pointer into storage `encode` sized beforehand.
    private struct Writer {
        let base: UnsafeMutablePointer<UInt8>
        var count = 0

        mutating func put(_ byte: UInt8) {
            base[count] = byte
            count += 1
        }

        /// A key as a JSON string.
        mutating func quoted(_ key: String) {
            count = JSON.write(key, to: base, at: count)
        }

        /// `FactsText.number`, written in place.
        mutating func number(_ value: Double) {
            if let (n, k) = FactsText.decimalForm(value) {
                count += FactsText.writeDecimal(n, decimals: k, to: base + count)
                return
            }
            var out: [UInt8] = []
            FactsText.number(value, into: &out)
            for b in out { put(b) }
        }
    }

    static func nan(_ field: String, _ part: String) -> DatabaseError {
        DatabaseError(resultCode: .SQLITE_CONSTRAINT_NOTNULL, message: "NOT NULL constraint failed: fact.value (\(field).\(part) is NaN)")
    }

    /// A figure as text that reads back as the same Double. Figures nearly always have a few
    /// decimals: when `value` is n / 10^k for an integer n below 2^53 (k ≤ 6), "n with k decimals"
    /// is exact, because reading that text and dividing n by 10^k round the same rational number
    /// correctly. Anything else (and -0.0) is Swift's shortest round-trip `description`, which
    /// cost more than the rest of storing the submission.
    static func number(_ value: Double, into out: inout [UInt8]) {
        if value.isInfinite {
            out += (value < 0 ? "-9e999" : "9e999").utf8
        } else if let (n, k) = decimalForm(value) {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { b in
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[..<writeDecimal(n, decimals: k, to: b.baseAddress!)]))
            }
        } else {
            out += value.description.utf8
        }
    }

    /// `value` as n / 10^k with the smallest k ≤ 6, when that is exactly `value` (see `number`);
    /// nil for anything else, -0.0, infinities and NaN included.
    static func decimalForm(_ value: Double) -> (n: Int64, decimals: Int)? {
        guard value != 0 || value.sign == .plus, value.magnitude < 1e15 else { return nil }
        var scale = 1.0
        for k in 0...6 {
            let n = (value * scale).rounded()
            if n.magnitude < 9_007_199_254_740_992, n / scale == value { return (Int64(n), k) }
            scale *= 10
        }
        return nil
    }

    /// `n` / 10^decimals in decimal, with at least one digit after the point ("16.0", "0.65",
    /// "-3.5"), written at `out` (room for 24 bytes); returns its length. No trailing zeros: k was
    /// the smallest that fits, so the last digit is not 0.
    static func writeDecimal(_ n: Int64, decimals: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var count = 0
        if n < 0 { out[0] = UInt8(ascii: "-"); count = 1 }
        var m = n.magnitude
        var digits = 0, p = m
        repeat { digits += 1; p /= 10 } while p > 0
        let intDigits = max(digits - decimals, 1)
        let total = count + intDigits + 1 + max(decimals, 1)
        // Written from the end: digits come least significant first.
        var i = total - 1
        if decimals == 0 {
            out[i] = UInt8(ascii: "0"); out[i - 1] = UInt8(ascii: ".")
            i -= 2
        }
        for d in 0..<(intDigits + decimals) {
            if d == decimals, decimals > 0 { out[i] = UInt8(ascii: "."); i -= 1 }
            out[i] = UInt8(ascii: "0") + UInt8(m % 10)
            m /= 10
            i -= 1
        }
        return total
    }

    /// The facts of a text as `StoredSubmission.facts` has them.
    static func decode(_ text: String) throws -> [String: [String: Double]] {
        var text = text
        return try text.withUTF8 { bytes in
            var out: [String: [String: Double]] = [:]
            try forEach(bytes) { field, part, value in
                out[String(decoding: field, as: UTF8.self), default: [:]][String(decoding: part, as: UTF8.self)] = value
            }
            return out
        }
    }

    struct Malformed: Error, CustomStringConvertible {
        var text: String
        var description: String { "submission.facts is not facts JSON: \(text.prefix(200))" }
    }

    /// Calls `body` with each fact in the order stored: its field's and part's UTF-8 bytes (valid
    /// during the call only) and its value. Reads what `encode` writes, and any JSON of that shape.
    static func forEach(_ text: UnsafeBufferPointer<UInt8>,
                        _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>, Double) throws -> Void) throws {
        var r = Reader(text: text)
        guard r.take(UInt8(ascii: "{")) else { throw r.malformed() }
        if r.take(UInt8(ascii: "}")) { return try r.end() }
        repeat {
            let field = try r.string()
            guard r.take(UInt8(ascii: ":")), r.take(UInt8(ascii: "{")) else { throw r.malformed() }
            if !r.take(UInt8(ascii: "}")) {
                repeat {
                    let part = try r.string()
                    guard r.take(UInt8(ascii: ":")) else { throw r.malformed() }
                    let value = try r.number()
                    try field.withBytes { f in try part.withBytes { p in try body(f, p, value) } }
                } while r.take(UInt8(ascii: ","))
                guard r.take(UInt8(ascii: "}")) else { throw r.malformed() }
            }
        } while r.take(UInt8(ascii: ","))
        guard r.take(UInt8(ascii: "}")) else { throw r.malformed() }
        try r.end()
    }

    /// A JSON string read: a slice of the text, or its unescaped bytes when it had escapes.
    enum Text {
        case slice(UnsafeBufferPointer<UInt8>)
        case unescaped([UInt8])

        func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
            switch self {
            case .slice(let b): return try body(b)
            case .unescaped(let a): return try a.withUnsafeBufferPointer(body)
            }
        }
    }

    private struct Reader {
        let text: UnsafeBufferPointer<UInt8>
        var i = 0

        init(text: UnsafeBufferPointer<UInt8>) { self.text = text }

        func malformed() -> Malformed { Malformed(text: String(decoding: text, as: UTF8.self)) }

        mutating func skipSpace() {
            while i < text.count, text[i] == 0x20 || text[i] == 0x0A || text[i] == 0x0D || text[i] == 0x09 { i += 1 }
        }

        /// Consumes `byte` (after any white space) when it is next.
        mutating func take(_ byte: UInt8) -> Bool {
            skipSpace()
            guard i < text.count, text[i] == byte else { return false }
            i += 1
            return true
        }

        func end() throws {
            var j = i
            while j < text.count, text[j] == 0x20 || text[j] == 0x0A || text[j] == 0x0D || text[j] == 0x09 { j += 1 }
            guard j == text.count else { throw malformed() }
        }

        mutating func string() throws -> Text {
            guard take(UInt8(ascii: "\"")) else { throw malformed() }
            let start = i
            while i < text.count, text[i] != UInt8(ascii: "\"") {
                if text[i] == UInt8(ascii: "\\") { i = start; return try escaped() }
                i += 1
            }
            guard i < text.count else { throw malformed() }
            i += 1
            return .slice(UnsafeBufferPointer(rebasing: text[start..<i - 1]))
        }

        /// The rare string with escapes (as `JSON.string` writes them, or any JSON escape).
        private mutating func escaped() throws -> Text {
            var out: [UInt8] = []
            while i < text.count {
                let b = text[i]
                i += 1
                if b == UInt8(ascii: "\"") { return .unescaped(out) }
                guard b == UInt8(ascii: "\\") else { out.append(b); continue }
                guard i < text.count else { break }
                let e = text[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var unit = try hex4()
                    if (0xD800..<0xDC00).contains(unit), i + 1 < text.count, text[i] == UInt8(ascii: "\\"), text[i + 1] == UInt8(ascii: "u") {
                        i += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw malformed() }
                        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(unit) else { throw malformed() }
                    out += Array(String(Character(scalar)).utf8)
                default: throw malformed()
                }
            }
            throw malformed()
        }

        private mutating func hex4() throws -> UInt32 {
            guard i + 4 <= text.count else { throw malformed() }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = text[i]
                i += 1
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): v = v << 4 | UInt32(c - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): v = v << 4 | UInt32(c - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): v = v << 4 | UInt32(c - UInt8(ascii: "A") + 10)
                default: throw malformed()
                }
            }
            return v
        }

        mutating func number() throws -> Double {
            skipSpace()
            let start = i
            while i < text.count {
                switch text[i] {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                     UInt8(ascii: "e"), UInt8(ascii: "E"): i += 1
                default:
                    return try parse(start)
                }
            }
            return try parse(start)
        }

        private func parse(_ start: Int) throws -> Double {
            // What `number` writes for nearly every figure: Clinger's fast path, far cheaper than Double(String).
            if let v = FastNumber.parse(UnsafeBufferPointer(rebasing: text[start..<i])) { return v }
            // Exponents, 16 digits or more: the standard library's reading (the String is inline below 16 bytes).
            guard i > start, let v = Double(String(decoding: UnsafeBufferPointer(rebasing: text[start..<i]), as: UTF8.self))
            else { throw malformed() }
            return v
        }
    }
}

