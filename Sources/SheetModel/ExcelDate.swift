/// Excel serial dates: days since the epoch of the workbook's date system, fraction = time of day.
public enum DateSystem: Sendable, Hashable {
    /// Days since 1899-12-30, with Lotus 1-2-3's phantom 1900-02-29 at serial 60.
    case d1900
    /// Days since 1904-01-01 (`workbookPr date1904`, old Mac Excel).
    case d1904
}

/// A proleptic Gregorian calendar date-time with millisecond precision.
public struct CivilDateTime: Hashable, Sendable {
    public var year: Int, month: Int, day: Int
    public var hour: Int, minute: Int, second: Int, millisecond: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, millisecond: Int = 0) {
        (self.year, self.month, self.day) = (year, month, day)
        (self.hour, self.minute, self.second, self.millisecond) = (hour, minute, second, millisecond)
    }
}

public enum ExcelDate {
    /// Days from 0001-01-01 (day 0) for a civil date; the inverse of `civil(fromDays:)`.
    public static func days(year: Int, month: Int, day: Int) -> Int {
        // Howard Hinnant's days_from_civil, shifted to 0001-01-01.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 306 - 365  // 0000-03-01 based → 0001-01-01 based
    }

    public static func civil(fromDays z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 306 + 365
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static let epoch1900 = days(year: 1899, month: 12, day: 30)
    private static let epoch1904 = days(year: 1904, month: 1, day: 1)

    /// The civil date-time of a serial, or nil when it has no date (year outside 1…9999).
    /// Mirrors openpyxl's `from_excel`, the corpus reference: milliseconds rounded half-to-even;
    /// serials in (0, 60) of the 1900 system are one day later than plain day arithmetic says
    /// (Lotus' phantom 1900-02-29 at serial 60 thus reads 1900-02-28).
    public static func dateTime(serial: Double, system: DateSystem) -> CivilDateTime? {
        decompose(serial: serial, system: system)?.dateTime
    }

    /// The date-time and whether Excel would show it as a time of day only.
    static func decompose(serial: Double, system: DateSystem) -> (dateTime: CivilDateTime, timeOnly: Bool)? {
        guard serial.isFinite, abs(serial) < 4_000_000 else { return nil }
        let whole = serial.rounded(.down)
        var ms = Int(((serial - whole) * 86_400_000).rounded(.toNearestOrEven))
        let timeOnly = serial >= 0 && serial < 1 && ms < 86_400_000
        var day = Int(whole)
        if system == .d1900 && serial > 0 && serial < 60 { day += 1 }
        if ms >= 86_400_000 { ms -= 86_400_000; day += 1 }
        let (y, m, d) = civil(fromDays: (system == .d1900 ? epoch1900 : epoch1904) + day)
        guard timeOnly || (y >= 1 && y <= 9999) else { return nil }
        let t = CivilDateTime(year: y, month: m, day: d, hour: ms / 3_600_000, minute: ms / 60_000 % 60,
                              second: ms / 1000 % 60, millisecond: ms % 1000)
        return (t, timeOnly)
    }

    /// The serial of a civil date-time in the given system (inverse of `dateTime`, for `t="d"` cells).
    public static func serial(of t: CivilDateTime, system: DateSystem) -> Double {
        let dayNumber = days(year: t.year, month: t.month, day: t.day)
        var whole: Int
        switch system {
        case .d1900:
            whole = dayNumber - epoch1900
            if whole >= 1 && whole < 61 { whole -= 1 }  // 1900-01-01…02-28: before Lotus' phantom day
        case .d1904:
            whole = dayNumber - epoch1904
        }
        let frac = Double(((t.hour * 60 + t.minute) * 60 + t.second) * 1000 + t.millisecond) / 86_400_000
        return Double(whole) + frac
    }

    /// Canonical ISO text of DOMAIN.md §8: a serial in [0,1) is a time, whole days a date, else both.
    public static func isoText(serial: Double, system: DateSystem) -> String? {
        guard let (t, isTimeOnly) = decompose(serial: serial, system: system) else { return nil }
        let hasTime = t.hour != 0 || t.minute != 0 || t.second != 0 || t.millisecond != 0
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
        }
        var time = "\(pad(t.hour, 2)):\(pad(t.minute, 2)):\(pad(t.second, 2))"
        if t.millisecond != 0 {
            var frac = pad(t.millisecond, 3)
            while frac.hasSuffix("0") { frac.removeLast() }
            time += "." + frac
        }
        if isTimeOnly { return time }
        let date = "\(pad(t.year, 4))-\(pad(t.month, 2))-\(pad(t.day, 2))"
        return hasTime ? date + "T" + time : date
    }
}
