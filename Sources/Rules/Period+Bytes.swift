/// `PeriodParser.text` on bytes for plain text (`FastText.isPlain`): there every Character is one
/// scalar, so Character prefixes, suffixes and searches are byte ones. The String path walked
/// grapheme clusters for each of them; every sheet's period goes through here.
extension PeriodParser {
    private static let prefixes = ["报告期:", "报告期", "统计期:", "所属期:"].map { Array($0.utf8) }
    private static let ri = Array("日".utf8), fen = Array("份".utf8), nian = Array("年".utf8), yue = Array("月".utf8)

    typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    /// The same reading as the String path of `text`, for a non-empty plain label.
    static func plainText(_ b: UnsafeBufferPointer<UInt8>) -> PeriodReading {
        var s = b[...]
        for prefix in prefixes where s.starts(with: prefix) { s = s.dropFirst(prefix.count) }
        if s.ends(with: ri) { s = s.dropLast(ri.count) }
        if s.ends(with: fen) { s = s.dropLast(fen.count) }
        if s.allSatisfy({ (0x30...0x39).contains($0) }) {
            if s.count == 6 { return ym(s.prefix(4), s.dropFirst(4)) }
            if s.count == 8 { return ym(s.prefix(4), s.dropFirst(4).prefix(2)) }
            return .invalid
        }
        if let n = s.find(nian) {
            let year = s[..<n]
            var rest = s[(n + nian.count)...]
            guard let y = rest.find(yue) else { return .invalid }
            rest = rest[..<y]
            if let dash = rest.lastIndex(of: UInt8(ascii: "-")) { rest = rest[(dash + 1)...] }  // 1-7月 → 7
            return ym(year, rest)
        }
        for sep in [UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: ".")] where s.contains(sep) {
            let parts = s.split(separator: sep, omittingEmptySubsequences: false)
            guard parts.count == 2 || parts.count == 3 else { return .invalid }
            if sep == UInt8(ascii: "."), parts.count == 2, parts[1].elementsEqual([UInt8(ascii: "1")]) { return .ambiguous }
            return ym(parts[0], parts[1])
        }
        return .invalid
    }

    private static func ym(_ y: Bytes, _ m: Bytes) -> PeriodReading {
        guard y.count == 4, (1...2).contains(m.count), y.allSatisfy({ $0 < 0x80 }), m.allSatisfy({ $0 < 0x80 }),
              let yi = Int(String(decoding: y, as: UTF8.self)), let mi = Int(String(decoding: m, as: UTF8.self)),
              let p = Period(year: yi, month: mi) else { return .invalid }
        return .period(p)
    }
}

private extension Slice<UnsafeBufferPointer<UInt8>> {
    func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && self.suffix(suffix.count).elementsEqual(suffix) }

    /// Where `needle` first starts. UTF-8 is self-synchronising: a match starts on a scalar.
    func find(_ needle: [UInt8]) -> Index? {
        guard count >= needle.count else { return nil }
        var i = startIndex
        while i + needle.count <= endIndex {
            if self[i] == needle[0], self[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
