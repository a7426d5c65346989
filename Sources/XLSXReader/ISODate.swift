import SheetModel

/// `t="d"` cells hold ISO 8601 text: a date, a date-time, a time, or a duration (`PT24H0M0.000S`).
enum ISODate {
    static func serial(_ text: String, system: DateSystem) -> Double? {
        let s = text.trimmingXMLSpace
        if s.hasPrefix("P") || s.hasPrefix("-P") { return duration(s) }
        var datePart = Substring(s)
        var timePart: Substring?
        if let t = s.firstIndex(where: { $0 == "T" || $0 == " " }) {
            datePart = s[..<t]
            timePart = s[s.index(after: t)...]
        } else if s.contains(":") {
            datePart = ""
            timePart = Substring(s)
        }
        var fraction = 0.0
        if let tp = timePart {
            guard let f = timeFraction(tp) else { return nil }
            fraction = f
        }
        guard !datePart.isEmpty else { return fraction }
        let parts = datePart.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        let whole = ExcelDate.serial(of: CivilDateTime(year: y, month: m, day: d), system: system)
        return whole + fraction
    }

    /// Fraction of a day for "HH:MM[:SS[.fff]]", ignoring a trailing zone designator.
    private static func timeFraction(_ t: Substring) -> Double? {
        var body = t
        if let z = body.firstIndex(where: { $0 == "Z" || $0 == "+" }) { body = body[..<z] }
        let parts = body.split(separator: ":")
        guard parts.count >= 2, parts.count <= 3, let h = Double(parts[0]), let m = Double(parts[1]) else { return nil }
        let sec = parts.count == 3 ? Double(parts[2]) ?? -1 : 0
        guard sec >= 0 else { return nil }
        return (h * 3600 + m * 60 + sec) / 86400
    }

    /// Days in an ISO duration such as `PT24H0M0.000S` or `P1DT2H`.
    private static func duration(_ s: String) -> Double? {
        var negative = false
        var rest = Substring(s)
        if rest.hasPrefix("-") { negative = true; rest = rest.dropFirst() }
        guard rest.hasPrefix("P") else { return nil }
        rest = rest.dropFirst()
        var seconds = 0.0
        var inTime = false
        var number = ""
        for ch in rest {
            if ch == "T" { inTime = true; continue }
            if ch.isNumber || ch == "." { number.append(ch); continue }
            guard let v = Double(number) else { return nil }
            number = ""
            switch (ch, inTime) {
            case ("D", false): seconds += v * 86400
            case ("W", false): seconds += v * 7 * 86400
            case ("H", true): seconds += v * 3600
            case ("M", true): seconds += v * 60
            case ("S", true): seconds += v
            default: return nil  // years and months have no fixed length
            }
        }
        guard number.isEmpty else { return nil }
        return (negative ? -seconds : seconds) / 86400
    }
}
