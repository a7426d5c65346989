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
        var s = String(format: "%.6f", d)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        // Most cells have no white space at either end: nothing to copy.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80 || (0xE4...0xE9).contains(first),
           last > 0x20, last < 0x80 || !scalars.last!.isSpace { return self }
        if let first = scalars.first, let last = scalars.last, !first.isSpace, !last.isSpace { return self }
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
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
