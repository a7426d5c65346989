import SheetModel

/// A report month, "YYYY-MM".
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int

    public init?(year: Int, month: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Strict "YYYY-MM", as given to `--period`, read from its bytes (month folders are named so,
    /// and every file's folder is read for it).
    public init?(_ text: String) {
        guard let (y, m) = Period.digitsDashDigits(text) else { return nil }
        self.init(year: y, month: m)
    }

    /// Year and month of exactly "DDDD-DD" (ASCII digits), else nil.
    private static func digitsDashDigits(_ text: String) -> (Int, Int)? {
        var value = 0, year = 0, i = 0
        for b in text.utf8 {
            guard i < 7 else { return nil }
            if i == 4 {
                guard b == UInt8(ascii: "-") else { return nil }
                year = value
                value = 0
            } else {
                guard (0x30...0x39).contains(b) else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            i += 1
        }
        return i == 7 ? (year, value) : nil
    }

    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
    public var isJanuary: Bool { month == 1 }
    public var previous: Period { month == 1 ? Period(year: year - 1, month: 12)! : Period(year: year, month: month - 1)! }
    public var chinese: String { "\(year)年\(month)月" }

    public static func < (a: Period, b: Period) -> Bool { (a.year, a.month) < (b.year, b.month) }
}

/// The outcome of reading a period written by a person.
enum PeriodReading: Equatable {
    case empty
    case period(Period)
    /// "2024.1": January, or October with its trailing zero lost?
    case ambiguous
    case invalid
}

enum PeriodParser {
    static func parse(_ value: CellValue, system: DateSystem) -> PeriodReading {
        switch value {
        case .empty, .uncachedFormula: return .empty
        case .dateSerial(let d): return serial(d, system: system)
        case .number(let d): return number(d, system: system)
        case .text(let s): return text(s)
        case .bool, .error: return .invalid
        }
    }

    private static func serial(_ d: Double, system: DateSystem) -> PeriodReading {
        guard let t = ExcelDate.dateTime(serial: d, system: system), let p = Period(year: t.year, month: t.month) else { return .invalid }
        return .period(p)
    }

    private static func number(_ d: Double, system: DateSystem) -> PeriodReading {
        if d == d.rounded(), (190001...220012).contains(d) {            // 202407
            return Period(year: Int(d) / 100, month: Int(d) % 100).map(PeriodReading.period) ?? .invalid
        }
        if (1900...2200).contains(d) {                                    // 2024.07 typed as a number
            let year = d.rounded(.down)
            let hundredths = (d - year) * 100
            let month = hundredths.rounded()
            guard abs(hundredths - month) < 1e-6, let p = Period(year: Int(year), month: Int(month)) else { return .invalid }
            return month == 10 ? .ambiguous : .period(p)                   // 2024.1 may be 2024.10
        }
        if (20_000...80_000).contains(d) { return serial(d, system: system) }  // a date pasted without its style
        return .invalid
    }

    /// 2024-07, 2024年7月, 202407, 2024/7/31, 2024-07-31, 2024.07, 2024年1-7月, 2024年7月31日.
    static func text(_ raw: String) -> PeriodReading {
        let s = Label.normalize(raw).text
        if s.isEmpty { return .empty }
        return FastText.withBytes(s) { FastText.isPlain($0) ? plainText($0) : nil } ?? characterText(s)
    }

    /// `text` after normalising, on Characters (the tests compare `plainText` with it).
    static func characterText(_ normalized: String) -> PeriodReading {
        var s = normalized
        for prefix in ["报告期:", "报告期", "统计期:", "所属期:"] where s.hasPrefix(prefix) { s.removeFirst(prefix.count) }
        if s.hasSuffix("日") { s.removeLast() }
        if s.hasSuffix("份") { s.removeLast() }
        if s.allSatisfy(\.isASCII), s.allSatisfy(\.isNumber) {
            if s.count == 6 { return ym(s.prefix(4), s.dropFirst(4)) }
            if s.count == 8 { return ym(s.prefix(4), s.dropFirst(4).prefix(2)) }
            return .invalid
        }
        if let nian = s.firstIndex(of: "年") {
            let year = s[..<nian]
            var rest = s[s.index(after: nian)...]
            guard rest.hasSuffix("月") || rest.contains("月") else { return .invalid }
            rest = rest[..<rest.firstIndex(of: "月")!]
            if let dash = rest.lastIndex(of: "-") { rest = rest[rest.index(after: dash)...] }  // 1-7月 → 7
            return ym(year, rest)
        }
        for sep: Character in ["-", "/", "."] where s.contains(sep) {
            let parts = s.split(separator: sep, omittingEmptySubsequences: false)
            guard parts.count == 2 || parts.count == 3 else { return .invalid }
            if sep == ".", parts.count == 2, parts[1] == "1" { return .ambiguous }
            return ym(parts[0], parts[1])
        }
        return .invalid
    }

    private static func ym(_ y: Substring, _ m: Substring) -> PeriodReading {
        guard y.count == 4, (1...2).contains(m.count), y.allSatisfy(\.isASCII), m.allSatisfy(\.isASCII),
              let yi = Int(y), let mi = Int(m), let p = Period(year: yi, month: mi) else { return .invalid }
        return .period(p)
    }

    /// The month folder a file sits in (`…/2024-07/file.xlsx`), nearest first.
    static func folderPeriod(of path: String) -> Period? {
        // Inside `FastText`'s set "/" bytes are exactly the "/" Characters, and a month folder is
        // exactly seven bytes: found on the path's bytes, with no components made.
        if FastText.inSet(path) {
            return FastText.withBytes(path) { b -> Period? in
                var end = PathName.lastRange(b).lowerBound    // before the file's own name
                while end > 0 {
                    while end > 0, b[end - 1] == UInt8(ascii: "/") { end -= 1 }
                    var start = end
                    while start > 0, b[start - 1] != UInt8(ascii: "/") { start -= 1 }
                    if end - start == 7, let p = Period(String(decoding: b[start..<end], as: UTF8.self)) { return p }
                    end = start
                }
                return nil
            }
        }
        return folderPeriodCharacters(of: path)
    }

    /// `folderPeriod` on path components (the tests compare the byte path with it).
    static func folderPeriodCharacters(of path: String) -> Period? {
        let components = PathName.components(path).dropLast()
        // "YYYY-MM" holds a "-": most folder names can be passed over without parsing.
        for c in components.reversed() where c.utf8.contains(UInt8(ascii: "-")) {
            if let p = Period(String(c)) { return p }
        }
        return nil
    }

    /// A period named in a file name ("xx公司2024年7月报表.xlsx", "202407-xx.xlsx"), if any.
    static func fileNamePeriod(of path: String) -> Period? {
        // Inside `FastText`'s set the name's label keeps its digits, "年", "月" and separators
        // where they are, each scalar mapped on its own (the label's trimming touches none of
        // them): the scalars are read straight from the path's bytes.
        if FastText.inSet(path) {
            return FastText.withBytes(path) { b -> Period? in
                let name = PathName.lastRange(b)
                var chars: [UInt32] = []
                chars.reserveCapacity(name.count)
                var i = name.lowerBound
                while i < name.upperBound {
                    let (u, len) = FastText.decode(b, i)
                    i += len
                    guard let m = FastText.map(u), m != FastText.dropped else { continue }
                    chars.append(FastText.labelMap(m))
                }
                return namePeriod(chars)
            }
        }
        return fileNamePeriodCharacters(of: path)
    }

    /// `fileNamePeriod` on the name's label, for any text (the tests compare the byte path with it).
    static func fileNamePeriodCharacters(of path: String) -> Period? {
        let name = Label.normalize(String(PathName.last(path) ?? "")).text
        // One code per Character: its scalar when it has one. The name is NFKC, so a Character
        // equals "-", "年", "月" or an ASCII digit exactly when it is that one scalar. Plain text
        // (the usual case) has one scalar per Character and needs no Character walk.
        let chars: [UInt32] = FastText.isPlain(name) ? name.unicodeScalars.map(\.value)
            : name.map { $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first!.value : UInt32.max }
        return namePeriod(chars)
    }

    /// The first "YYYYMM", "YYYY-M(M)", "YYYY年M(M)月", "YYYY.M(M)" or "YYYY_M(M)" among a name's codes.
    private static func namePeriod(_ chars: [UInt32]) -> Period? {
        func isDigit(_ c: UInt32) -> Bool { (0x30...0x39).contains(c) }
        func number(_ r: Range<Int>) -> Int { chars[r].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        let nian: UInt32 = 0x5E74, yue: UInt32 = 0x6708
        var i = 0
        while i < chars.count {
            guard isDigit(chars[i]) else { i += 1; continue }
            var j = i
            while j < chars.count, isDigit(chars[j]) { j += 1 }
            // Look at what follows four digits: "-07", "年7月", ".07", "_07".
            if j - i == 6, case .period(let p) = text(String(decoding: chars[i..<j].map { UInt8($0) }, as: UTF8.self)) { return p }
            if j - i == 4, j < chars.count, [0x2D, nian, 0x2E, 0x5F].contains(chars[j]) {
                var k = j + 1
                while k < chars.count, isDigit(chars[k]), k - j <= 2 { k += 1 }
                if (1...2).contains(k - j - 1), let p = Period(year: number(i..<j), month: number((j + 1)..<k)),
                   chars[j] != nian || (k < chars.count && chars[k] == yue) {
                    return p
                }
            }
            i = j
        }
        return nil
    }
}
