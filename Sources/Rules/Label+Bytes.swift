/// `Label.normalize` and `Unit.parse` on bytes, for text inside `FastText`'s set (nil outside it):
/// there every scalar is one Character, so Character-wise trimming equals byte-wise trimming.
extension Label {
    private static let qizhong = Array("其中".utf8)
    private static let qizhongColon = Array("其中:".utf8)

    static func fastLabel(_ raw: String) -> NormalizedLabel? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(raw.utf8.count, 1)) { buf -> NormalizedLabel? in
            guard var end = FastText.withBytes(raw, { FastText.write($0, into: buf, label: true) }) else { return nil }
            let b = UnsafeBufferPointer(buf)
            var start = 0
            while end > start, b[end - 1] == UInt8(ascii: ":") { end -= 1 }
            if b[start..<end].starts(with: qizhongColon) {
                start += qizhongColon.count
            } else if b[start..<end].starts(with: qizhong), end - start > qizhong.count {
                start += qizhong.count
            }
            var unit: Unit?
            // "工业总产值(当年价格)(万元)": only a bracket holding a unit is a unit.
            if end > start, b[end - 1] == UInt8(ascii: ")"), let open = b[start..<end].lastIndex(of: UInt8(ascii: "(")),
               let u = Unit.parse(bytes: b[(open + 1)..<(end - 1)]) {
                unit = u
                end = open
            }
            if unit == nil, let slash = b[start..<end].lastIndex(of: UInt8(ascii: "/")),
               let u = Unit.parse(bytes: b[(slash + 1)..<end]) {
                unit = u
                end = slash
            }
            return NormalizedLabel(text: String(decoding: b[start..<end], as: UTF8.self), unit: unit)
        }
    }
}

extension Unit {
    private static let prefixBytes = ["金额单位:", "计量单位:", "单位:"].map { Array($0.utf8) }
    private static let spellingBytes = spellings.map { (Array($0.0.utf8), $0.1) }

    /// `parse` for value text already normalised and inside `FastText`'s set: lower-casing is ASCII only.
    static func parse(bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Unit? {
        var s = bytes
        for p in prefixBytes where s.starts(with: p) { s = s.dropFirst(p.count) }
        return spellingBytes.first { spelling, _ in
            spelling.count == s.count && zip(spelling, s).allSatisfy { a, b in a == ((0x41...0x5A).contains(b) ? b | 0x20 : b) }
        }?.1
    }

    /// `parse` for any text inside `FastText`'s set; nil when outside it.
    static func fastParse(_ text: String) -> Unit?? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(text.utf8.count, 1)) { buf -> Unit?? in
            guard let n = FastText.withBytes(text, { FastText.write($0, into: buf, label: false) }) else { return nil }
            return .some(parse(bytes: UnsafeBufferPointer(buf)[0..<n]))
        }
    }
}
