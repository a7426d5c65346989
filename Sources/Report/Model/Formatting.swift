import Foundation

/// Numbers as the office writes them: thousands separators, two decimals for 万元, one for
/// percentages, "—" for what cannot be computed. Done by hand rather than with a locale so the
/// output is the same on every machine.
enum Formatting {
    static let unavailable = "—"

    /// "27,346.20"
    static func grouped(_ d: Double, decimals: Int) -> String {
        let fixed = String(format: "%.\(decimals)f", d)
        var digits = Substring(fixed)
        var sign = ""
        if digits.hasPrefix("-") {
            digits = digits.dropFirst()
            // A value that rounds to zero is shown without a sign.
            if digits.allSatisfy({ $0 == "0" || $0 == "." }) == false { sign = "-" }
        }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = Array(parts[0])
        var out = ""
        for (i, ch) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        if parts.count > 1 { out += "." + parts[1] }
        return sign + out
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
