import SheetModel

/// 统一社会信用代码 (GB 32100-2015) with the organisation-code check of GB 11714-1997.
public enum USCC {
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let values: [Character: Int] = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0) })
    static let allowedCategories: [Character: Set<Character>] = [
        "1": ["1", "2", "3", "9"], "2": ["1", "9"], "3": ["1", "2", "3", "4", "5", "9"], "4": ["1", "9"],
        "5": ["1", "2", "3", "9"], "6": ["1", "2", "9"], "7": ["1", "2", "9"], "8": ["1", "9"],
        "9": ["1", "2", "3"], "A": ["1", "9"], "N": ["1", "2", "3", "9"], "Y": ["1"],
    ]

    public enum Problem: Equatable, Sendable {
        /// Wrong length or a character outside the alphabet.
        case format
        /// Position 18 wrong.
        case checksum18
        /// Position 17 (organisation-code check) wrong.
        case checksum17
        /// Registration authority / entity category pair not allowed.
        case category
    }

    /// Upper-case, NFKC, no spaces or hyphens; `changed` when the input was not already clean.
    public static func normalize(_ raw: String) -> (code: String, changed: Bool) {
        // Nearly every code arrives as 18 plain ASCII letters and digits: no Unicode work needed.
        if raw.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) }) { return (raw, false) }
        let trimmed = raw.trimmingWhitespace()
        var out = ""
        for u in Label.normalizeValueText(raw).unicodeScalars where !"-_—–－·".unicodeScalars.contains(u) {
            out.unicodeScalars.append(u)
        }
        out = out.uppercased()
        return (out, out != trimmed)
    }

    /// Alphabet positions by ASCII byte (-1 outside the alphabet), and `allowedCategories` by position.
    private static let byteValues: [Int8] = (0..<128).map { b in values[Character(Unicode.Scalar(UInt8(b)))].map(Int8.init) ?? -1 }
    private static let allowedCategoryValues: [Int: Set<Int>] =
        Dictionary(uniqueKeysWithValues: allowedCategories.map { (values[$0.key]!, Set($0.value.map { values[$0]! })) })

    /// Entity categories allowed after each registration authority, as bits by alphabet position.
    private static let allowedCategoryBits: [UInt32] = (0..<alphabet.count).map { a in
        allowedCategoryValues[a].map { $0.reduce(0) { $0 | UInt32(1) << $1 } } ?? 0
    }
    private static let weights17 = [3, 7, 9, 10, 5, 8, 4, 2]
    private static let xValue = values["X"]!
    /// The weights of position 18: 3^(i−1) mod 31.
    private static let weights18: [Int] = (0..<17).reduce(into: [1]) { w, _ in w.append(w.last! * 3 % 31) }.dropLast()

    /// nil when the code is valid.
    public static func check(_ code: String) -> Problem? {
        // Nearly every code is 18 bytes of the alphabet: then bytes are Characters, and the checks
        // run on the bytes in place (arrays and Character look-ups were most of checking a row's code).
        let table = byteValues    // once, not for every byte
        let fast = FastText.withBytes(code) { b -> Problem?? in
            guard b.count == 18, b.allSatisfy({ $0 < 0x80 && table[Int($0)] >= 0 }) else { return .none }
            return .some(checkAlphabetBytes(b))
        }
        return fast ?? checkCharacters(code)
    }

    /// The checks of `check` for 18 bytes that are all in the alphabet.
    private static func checkAlphabetBytes(_ b: UnsafeBufferPointer<UInt8>) -> Problem? {
        // The tables once, as locals: each use of a global array re-checked its initialisation.
        let byteValues = byteValues, weights17 = weights17, weights18 = weights18
        func value(_ i: Int) -> Int { Int(byteValues[Int(b[i])]) }
        guard allowedCategoryBits[value(0)] & (UInt32(1) << value(1)) != 0 else { return .category }
        var sum = 0
        for i in 0..<8 {
            guard let f = fullValue(ascii: b[8 + i]) else { return .checksum17 }
            sum += f * weights17[i]
        }
        let c17 = 11 - sum % 11
        guard value(16) == (c17 == 10 ? xValue : c17 == 11 ? 0 : c17) else { return .checksum17 }
        var total = 0
        for i in 0..<17 { total += value(i) * weights18[i] }
        return value(17) == (31 - total % 31) % 31 ? nil : .checksum18
    }

    /// `check` on Characters, for any text (USCCTests compares the byte path with it).
    static func checkCharacters(_ code: String) -> Problem? {
        check(Array(code), value: { values[$0] }, fullValue: { $0.asciiValue.flatMap(fullValue(ascii:)) })
    }

    /// The checks over alphabet positions; `value` is the position of a Character equal to the one given.
    private static func check<C>(_ chars: [C], value: (C) -> Int?, fullValue: (C) -> Int?) -> Problem? {
        guard chars.count == 18 else { return .format }
        var v: [Int] = []
        for c in chars {
            guard let x = value(c) else { return .format }
            v.append(x)
        }
        guard allowedCategoryValues[v[0]]?.contains(v[1]) == true else { return .category }
        // Position 17: GB 11714 over positions 9–16, values over the full 0–9A–Z alphabet.
        var sum = 0
        for (i, w) in weights17.enumerated() {
            guard let f = fullValue(chars[8 + i]) else { return .checksum17 }
            sum += f * w
        }
        let c17 = 11 - sum % 11
        let expected17 = c17 == 10 ? xValue : c17 == 11 ? 0 : c17   // "0"–"9" sit at 0–9
        guard v[16] == expected17 else { return .checksum17 }
        // Position 18: weights 3^(i−1) mod 31.
        var total = 0, w = 1
        for i in 0..<17 {
            total += v[i] * w
            w = w * 3 % 31
        }
        let c18 = (31 - total % 31) % 31
        return v[17] == c18 ? nil : .checksum18
    }

    private static func fullValue(ascii a: UInt8) -> Int? {
        switch a {
        case 48...57: return Int(a) - 48
        case 65...90: return Int(a) - 55
        default: return nil
        }
    }
}
