import Foundation

/// Numbers as the office writes them: thousands separators, two decimals for 万元, one for
/// percentages, "—" for what cannot be computed. Done by hand rather than with a locale so the
/// output is the same on every machine.
enum Formatting {
    static let unavailable = "—"

    /// "27,346.20"
    static func grouped(_ d: Double, decimals: Int) -> String { text(d, decimals: decimals, separators: true) }

    /// "27346.20": as grouped, without separators (the CSV files' numbers). A value that rounds
    /// to zero is shown without a sign.
    static func ungrouped(_ d: Double, decimals: Int) -> String { text(d, decimals: decimals, separators: false) }

    /// Exactly `String(format: "%.Nf", d)` (glibc: the binary value rounded half to even), without
    /// the format parser: a 5 000-enterprise report formats some 400 000 numbers, and
    /// `String(format:)` was a third of writing its CSV files and workbook.
    static func fixed(_ d: Double, decimals: Int) -> String {
        guard let n = scaled(d, decimals: decimals) else { return String(format: "%.\(decimals)f", d) }
        return digits(n, negative: d.sign == .minus, decimals: decimals, separators: false)
    }

    /// grouped and ungrouped: built as bytes in one pass, since the tables format every number
    /// several times (widths, workbook, CSV, HTML).
    private static func text(_ d: Double, decimals: Int, separators: Bool) -> String {
        guard let n = scaled(d, decimals: decimals) else { return slowText(d, decimals: decimals, separators: separators) }
        return digits(n, negative: d.sign == .minus && n != 0, decimals: decimals, separators: separators)
    }

    /// |d| × 10^decimals rounded half to even, exactly; nil outside |d| < 2^52 and 0...2 decimals.
    private static func scaled(_ d: Double, decimals: Int) -> UInt64? {
        // |d| = m / 2^shift exactly; with |d| < 2^52 and at most two decimals, m × 10^decimals < 2^60.
        guard d.isFinite, abs(d) < 0x1p52, (0...2).contains(decimals) else { return nil }
        let scale: UInt64 = decimals == 0 ? 1 : decimals == 1 ? 10 : 100
        guard d != 0 && d.isNormal else { return 0 }
        let m = (d.significandBitPattern | 1 << 52) * scale
        let shift = UInt64(52 - Int(d.exponent))
        guard shift < 64 else { return 0 }        // |d| × scale < 1/2
        let q = m >> shift, r = m & ((1 << shift) - 1), half: UInt64 = 1 << (shift - 1)
        return r > half || (r == half && q & 1 == 1) ? q + 1 : q
    }

    /// n with `decimals` of its digits after the point (at least one before it), thousands separated on request.
    private static func digits(_ n: UInt64, negative: Bool, decimals: Int, separators: Bool) -> String {
        var out: [UInt8] = []
        appendDigits(n, negative: negative, decimals: decimals, separators: separators, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendDigits(_ n: UInt64, negative: Bool, decimals: Int, separators: Bool, to out: inout [UInt8]) {
        // At most 20 digits: reversed on the stack, not in an array per number.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { reversed in
            var count = 0, v = n
            repeat { reversed[count] = UInt8(ascii: "0") + UInt8(v % 10); count += 1; v /= 10 } while v > 0 || count <= decimals
            if negative { out.append(UInt8(ascii: "-")) }
            let whole = count - decimals
            for i in 0..<whole {
                out.append(reversed[count - 1 - i])
                let left = whole - 1 - i
                if separators && left > 0 && left % 3 == 0 { out.append(UInt8(ascii: ",")) }
            }
            if decimals > 0 {
                out.append(UInt8(ascii: "."))
                for i in (0..<decimals).reversed() { out.append(reversed[i]) }
            }
        }
    }

    /// `ungrouped` appended to a byte buffer (the CSV files' numbers).
    static func appendUngrouped(_ d: Double, decimals: Int, to out: inout [UInt8]) {
        guard let n = scaled(d, decimals: decimals) else { out += slowText(d, decimals: decimals, separators: false).utf8; return }
        appendDigits(n, negative: d.sign == .minus && n != 0, decimals: decimals, separators: false, to: &out)
    }

    /// The rare numbers outside the fast path, through `String(format:)`.
    private static func slowText(_ d: Double, decimals: Int, separators: Bool) -> String {
        var text = fixed(d, decimals: decimals)
        if text.hasPrefix("-"), text.utf8.dropFirst().allSatisfy({ $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: ".") }) {
            text.removeFirst()
        }
        guard separators else { return text }
        var bytes = text.utf8[...]
        var out: [UInt8] = []
        if bytes.first == UInt8(ascii: "-") { out.append(UInt8(ascii: "-")); bytes = bytes.dropFirst() }
        let whole = bytes.prefix { $0 != UInt8(ascii: ".") }
        var left = whole.count
        for b in whole {
            out.append(b)
            left -= 1
            if left > 0 && left % 3 == 0 { out.append(UInt8(ascii: ",")) }
        }
        out += bytes.dropFirst(whole.count)
        return String(decoding: out, as: UTF8.self)
    }

    /// The text a cell shows in the HTML report and the workbook's width estimate.
    static func display(_ cell: TableCell, kind: ValueKind) -> String {
        switch cell {
        case .text(let s): return s
        case .blank: return ""
        case .unavailable: return unavailable
        case .number(let d, let own): return display(d, kind: own ?? kind)
        }
    }

    static func display(_ d: Double, kind: ValueKind) -> String {
        switch kind {
        case .money, .decimal: return grouped(d, decimals: 2)
        case .integer: return grouped(d, decimals: 0)
        case .percent: return grouped(d, decimals: 1) + "%"
        case .text: return plain(d)
        }
    }

    /// `display(d, kind:).utf8.count` (the text is ASCII, so also its display width), counted
    /// without building it: the workbook measures every cell of every column for its width.
    static func displayWidth(_ d: Double, kind: ValueKind) -> Int {
        let decimals: Int
        switch kind {
        case .money, .decimal: decimals = 2
        case .integer: decimals = 0
        case .percent: decimals = 1
        case .text: return plain(d).utf8.count
        }
        guard let n = scaled(d, decimals: decimals) else { return display(d, kind: kind).utf8.count }
        var digits = 1, v = n / 10
        while v > 0 { digits += 1; v /= 10 }
        let whole = max(digits, decimals + 1) - decimals
        return (d.sign == .minus && n != 0 ? 1 : 0) + whole + (whole - 1) / 3 + (decimals > 0 ? decimals + 1 : 0)
            + (kind == .percent ? 1 : 0)
    }

    /// "12.3%" or "—".
    static func percent(_ d: Double?) -> String {
        guard let d, d.isFinite else { return unavailable }
        return display(d, kind: .percent)
    }

    /// "27,346.20 万元" or "—".
    static func money(_ d: Double?, unit: String = "万元") -> String {
        guard let d, d.isFinite else { return unavailable }
        return grouped(d, decimals: 2) + " " + unit
    }

    /// A signed growth rate for KPI cards: "+12.3%", "-4.0%", "—".
    static func growth(_ d: Double?) -> String {
        guard let d, d.isFinite else { return unavailable }
        let s = display(d, kind: .percent)
        return d > 0 && s != "0.0%" ? "+" + s : s
    }

    /// Shortest text for a number with no kind: integers without ".0".
    static func plain(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }
}
