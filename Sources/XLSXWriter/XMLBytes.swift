/// A growable UTF-8 buffer that parts serialise into. Cells are written straight as bytes: a
/// million-row sheet would otherwise build tens of millions of short-lived `String`s.
struct XMLBytes {
    var bytes: [UInt8] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }

    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// Markup known at compile time; never escaped.
    @inline(__always)
    mutating func raw(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// Markup built at run time from safe ASCII (numbers, references, names we generated).
    /// Disfavoured: a string literal would otherwise pick this overload (String is the default
    /// literal type) and be walked through `String.UTF8View` at every cell.
    @_disfavoredOverload
    mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    @inline(__always)
    mutating func byte(_ b: UInt8) { bytes.append(b) }

    /// A decimal integer, without going through `String`.
    mutating func int<T: BinaryInteger>(_ value: T) {
        var v = UInt64(value.magnitude)
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        if v < 10 { bytes.append(UInt8(truncatingIfNeeded: v) &+ 48); return }
        var digits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)  // 32 bytes of scratch
        withUnsafeMutableBytes(of: &digits) { scratch in
            var i = scratch.count
            while v > 0 {
                i -= 1
                scratch[i] = UInt8(truncatingIfNeeded: v % 10) &+ 48
                v /= 10
            }
            bytes.append(contentsOf: scratch[i...])
        }
    }

    /// A finite double as `<v>` text: integers without a decimal point, others in Swift's
    /// shortest round-trip form ("0.1", "1e-05"), which `xsd:double` and Excel both accept.
    mutating func number(_ d: Double) {
        if d == d.rounded(.towardZero) && abs(d) < 1e15 {
            int(Int64(d))
        } else {
            bytes.append(contentsOf: d.description.utf8)  // short: stays a small string, no allocation
        }
    }

    /// Zero-based column and row as an A1 reference ("AB12").
    @inline(__always)
    mutating func cellRef(row: UInt32, column: UInt16) {
        let c = Int(column)
        if c < 26 {
            bytes.append(UInt8(65 + c))
        } else if c < 702 {
            bytes.append(UInt8(64 + c / 26))
            bytes.append(UInt8(65 + c % 26))
        } else {
            let n = c - 702
            bytes.append(UInt8(65 + n / 676))
            bytes.append(UInt8(65 + n / 26 % 26))
            bytes.append(UInt8(65 + n % 26))
        }
        int(row + 1)
    }

    /// Element text: `&<>` escaped; C0 controls (except tab and LF; CR too, since XML parsers turn
    /// it into LF), U+FFFE and U+FFFF, which XML
    /// cannot carry, as Excel's `_xHHHH_`; and a literal `_xHHHH_` guarded as `_x005F_xHHHH_` so a
    /// reader does not unescape it.
    mutating func text(_ s: String) {
        let utf8 = s.utf8
        if !XMLBytes.needsTextEscape(utf8) {
            bytes.append(contentsOf: utf8)
            return
        }
        let scalars = Array(s.unicodeScalars)  // the slow path: rare in statistics data
        for (i, scalar) in scalars.enumerated() {
            switch scalar.value {
            case 0x26: raw("&amp;")
            case 0x3C: raw("&lt;")
            case 0x3E: raw("&gt;")
            case 0x09, 0x0A: byte(UInt8(scalar.value))
            case 0..<0x20, 0xFFFE, 0xFFFF: excelEscape(scalar.value)
            case 0x5F where XMLBytes.startsExcelEscape(scalars, at: i): raw("_x005F_")
            default: bytes.append(contentsOf: String(scalar).utf8)
            }
        }
    }

    /// Attribute value in double quotes: also `"` escaped, and line breaks as character
    /// references so attribute normalisation keeps them (validation prompts span lines).
    /// Other controls cannot appear in attributes at all and are dropped.
    mutating func attribute(_ s: String) {
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x26: raw("&amp;")
            case 0x3C: raw("&lt;")
            case 0x3E: raw("&gt;")
            case 0x22: raw("&quot;")
            case 0x09: raw("&#9;")
            case 0x0A: raw("&#10;")
            case 0x0D: raw("&#13;")
            case 0..<0x20, 0xFFFE, 0xFFFF: continue
            default: bytes.append(contentsOf: String(scalar).utf8)
            }
        }
    }

    private mutating func excelEscape(_ value: UInt32) {
        raw("_x")
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        for shift in stride(from: 12, through: 0, by: -4) { byte(hex[Int(value >> UInt32(shift)) & 0xF]) }
        raw("_")
    }

    /// Whether the `_` at `i` begins `_xHHHH_`.
    private static func startsExcelEscape(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_" else { return false }
        return scalars[(i + 2)...(i + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }
}

extension XMLBytes {
    /// The fast path's test, on bytes: markup characters, controls, "_x" and U+FFFE/U+FFFF
    /// (EF BF BE/BF). Full-width punctuation also starts with EF, so EF alone is not enough.
    static func needsTextEscape(_ utf8: String.UTF8View) -> Bool {
        var p1: UInt8 = 0, p2: UInt8 = 0
        for b in utf8 {
            if b < 0x20 && b != 0x0A && b != 0x09 { return true }
            if b == 0x26 || b == 0x3C || b == 0x3E { return true }
            if b == 0x78 && p1 == 0x5F { return true }
            if b >= 0xBE && p1 == 0xBF && p2 == 0xEF { return true }
            p2 = p1
            p1 = b
        }
        return false
    }

    /// Whether a string needs `xml:space="preserve"`: leading or trailing white space, or any
    /// line break or tab, which readers would otherwise be free to collapse.
    static func needsPreserve(_ s: String) -> Bool {
        guard let first = s.utf8.first, let last = s.utf8.last else { return false }
        if first == 0x20 || last == 0x20 { return true }
        return s.utf8.contains { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }
}
