import SheetModel

/// A cell read as a number (DOMAIN.md §4 "Values").
enum ParsedNumber: Equatable {
    /// Empty, or a placeholder ("—", "/", "无"…): never zero.
    case empty
    /// `fromText` when it was written as text and normalised; `unit` when the cell carried one.
    case number(Double, fromText: Bool, unit: Unit?)
    case notNumber
    case error(String)
    /// A formula saved without its result.
    case uncachedFormula
}

enum NumberText {
    static func parse(_ value: CellValue, placeholders: Set<String>) -> ParsedNumber {
        switch value {
        case .empty: return .empty
        case .uncachedFormula: return .uncachedFormula
        case .number(let d), .dateSerial(let d): return .number(d, fromText: false, unit: nil)
        case .bool: return .notNumber
        case .error(let e): return .error(e.text)
        case .text(let raw):
            // A formula error typed or pasted as text still is an error.
            if CellError.known.contains(raw.trimmingWhitespace()) { return .error(raw.trimmingWhitespace()) }
            return parse(text: raw, placeholders: placeholders)
        }
    }

    /// "1,234.5", "1，234", "１２３．４", "－5", "−5", "(123.4)", "12.5万元", "3000元", "56人".
    static func parse(text raw: String, placeholders: Set<String>) -> ParsedNumber {
        var s = Label.normalizeValueText(raw)
        if s.isEmpty || placeholders.contains(s) { return .empty }
        s = String(s.unicodeScalars.compactMap { u -> Character? in
            switch u {
            case ",", "'", "_": return nil
            case "\u{2212}", "\u{2013}", "\u{FE63}": return "-"
            default: return Character(u)
            }
        })
        var unit: Unit?
        if let (rest, u) = Unit.splitSuffix(s) { s = rest; unit = u }
        var negative = false
        if s.hasPrefix("("), s.hasSuffix(")"), s.count > 2 {
            negative = true
            s = String(s.dropFirst().dropLast())
        }
        guard let d = plainDecimal(s) else { return .notNumber }
        return .number(negative ? -d : d, fromText: true, unit: unit)
    }

    /// Only [+-]digits[.digits][e±digits]: Double(String) would also take "nan", "inf" and hex.
    static func plainDecimal(_ s: String) -> Double? {
        var sawDigit = false
        for (i, c) in s.enumerated() {
            switch c {
            case "0"..."9": sawDigit = true
            case "+", "-": if i != 0, !"eE".contains(Array(s)[i - 1]) { return nil }
            case ".", "e", "E": continue
            default: return nil
            }
        }
        guard sawDigit, let d = Double(s), d.isFinite else { return nil }
        return d
    }

    /// How a number is shown back to staff: no binary-rounding noise, no needless ".0".
    static func format(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        if let s = sixDecimals(d) { return s }
        var s = String(format: "%.6f", d)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// `format` by integer arithmetic (String(format:) was four fifths of reading a 5 000-row
    /// registry). nil near a rounding tie, where only printf's exact decimal expansion decides.
    static func sixDecimals(_ d: Double) -> String? {
        let scaled = abs(d) * 1e6
        guard scaled < 1e15 else { return nil }
        let floor = scaled.rounded(.down)
        // Below 10¹⁵ the product is off by at most half an ulp (1/16): more than 0.1 away from .5
        // it rounds as the exact product does.
        guard abs(scaled - floor - 0.5) > 0.1 else { return nil }
        let n = Int64(scaled.rounded())
        guard n != 0 else { return nil }    // printf's "-0.000000" and "0.000000": leave to it
        var digits = Array(String(n % 1_000_000).utf8)
        digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: 6 - digits.count), at: 0)
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        var out = d < 0 ? "-" : ""
        out += String(n / 1_000_000)
        if !digits.isEmpty { out += "." + String(decoding: digits, as: UTF8.self) }
        return out
    }
}

extension String {
    func trimmingWhitespace() -> String {
        // Most cells have no white space at either end: nothing to copy, and decided on bytes.
        if utf8.withContiguousStorageIfAvailable(String.unspacedEnds) == true { return self }
        let scalars = unicodeScalars
        if let first = scalars.first, let last = scalars.last, !first.isSpace, !last.isSpace { return self }
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    /// True when the first and last characters are certainly not white space: printable ASCII, or
    /// (first) a CJK ideograph's lead byte, or (last) a scalar whose lead byte no Unicode space has
    /// (spaces beyond ASCII start with C2, E1, E2 or E3). Anything else is left to the scalar test.
    private static func unspacedEnds(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = b.first, var i = b.indices.last else { return false }
        guard first > 0x20, first < 0x80 || (0xE4...0xE9).contains(first) else { return false }
        if b[i] < 0x80 { return b[i] > 0x20 }
        while i > 0, b[i] & 0xC0 == 0x80 { i -= 1 }
        return ![0xC2, 0xE1, 0xE2, 0xE3].contains(b[i])
    }
}

extension Unicode.Scalar {
    /// `properties.isWhitespace`, without the property look-up for ASCII.
    var isSpace: Bool { value < 0x80 ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace }
}

/// How a cell value is quoted in a finding.
enum Display {
    static func text(_ v: CellValue) -> String? {
        switch v {
        case .empty: nil
        case .uncachedFormula: "（公式，无计算结果）"
        case .number(let d), .dateSerial(let d): NumberText.format(d)
        case .text(let s): s
        case .bool(let b): b ? "TRUE" : "FALSE"
        case .error(let e): e.text
        }
    }
}

/// Tolerant comparisons: values are Doubles after unit conversion, so 0.1 + 0.2 must equal 0.3.
enum Tolerance {
    static func equal(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= max(1e-9, 1e-6 * max(abs(a), abs(b)))
    }
    static func less(_ a: Double, _ b: Double) -> Bool { a < b && !equal(a, b) }
}
