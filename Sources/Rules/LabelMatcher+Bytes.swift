/// `LabelMatcher.match` for plain text (`FastText.isPlain`), on bytes: there a byte prefix or
/// suffix is a Character one and byte-equal keys are equal Strings. Look-ups borrow the bytes,
/// so nothing is allocated for the candidates tried.
extension LabelMatcher {
    typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    /// `match` and `part` for text known to be plain.
    func match(plainText text: String) -> Match? { FastText.withBytes(text) { match(plain: $0) } }
    func part(plainText text: String) -> Part? { FastText.withBytes(text) { part(plain: $0[...]) } }

    func match(plain b: UnsafeBufferPointer<UInt8>) -> Match? {
        let text = b[...]
        if let id = alias(text) { return (byID[id]!, nil) }
        // "工业总产值(本月)"
        if text.last == UInt8(ascii: ")"), let open = text.lastIndex(of: UInt8(ascii: "(")) {
            let inner = b[(open + 1)..<(b.count - 1)]
            if let p = part(plain: inner), let id = alias(b[..<open]) { return (byID[id]!, p) }
        }
        // "工业总产值本年累计", "本月工业总产值", "工业总产值-1-7月".
        for (label, p) in partsLongestFirstUTF8 where label.count < b.count {
            if b.suffix(label.count).elementsEqual(label), let id = alias(trim(b.dropLast(label.count))) { return (byID[id]!, p) }
            if b.starts(with: label), let id = alias(trim(b.dropFirst(label.count))) { return (byID[id]!, p) }
        }
        if let at = text.indices.first(where: { $0 > 0 && b[$0] == UInt8(ascii: "1") && $0 + 1 < b.count && b[$0 + 1] == UInt8(ascii: "-") }) {
            if Label.isMonthRange(bytes: b[at...]), let id = alias(trim(b[..<at])) { return (byID[id]!, .ytd) }
        }
        return nil
    }

    func part(plain b: Bytes) -> Part? {
        if let p = parts[LabelKey(borrowing: UnsafeBufferPointer(rebasing: b))] { return p }
        return Label.isMonthRange(bytes: b) ? .ytd : nil
    }

    private func alias(_ b: Bytes) -> String? {
        aliases[LabelKey(borrowing: UnsafeBufferPointer(rebasing: b))]
    }

    private func trim(_ b: Bytes) -> Bytes {
        var t = b
        while let c = t.last, c == UInt8(ascii: "-") || c == UInt8(ascii: ":") || c == UInt8(ascii: "(") || c == UInt8(ascii: "_") { t = t.dropLast() }
        while let c = t.first, c == UInt8(ascii: "-") || c == UInt8(ascii: ":") || c == UInt8(ascii: ")") || c == UInt8(ascii: "_") { t = t.dropFirst() }
        return t
    }
}
