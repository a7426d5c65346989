/// Alias and part tables compiled once per schema.
struct LabelMatcher: Sendable {
    let byID: [String: FieldSpec]
    let aliases: [LabelKey: String]         // normalised alias → field id
    let parts: [LabelKey: Part]             // normalised part label → part
    let partsLongestFirstUTF8: [([UInt8], Part)]
    /// Cell labels and what they matched here, kept across files (see `LabelCache`).
    let caches = LabelCachePool()

    init(fields: [FieldSpec], parts partLabels: [Part: [String]]) throws {
        var byID: [String: FieldSpec] = [:]
        var aliases: [LabelKey: String] = [:]
        for f in fields {
            guard byID[f.id] == nil else { throw SchemaError("字段 id“\(f.id)”重复") }
            byID[f.id] = f
            for a in [f.label] + f.aliases {
                let key = LabelKey(Label.normalize(a).text)
                if let other = aliases[key], other != f.id {
                    throw SchemaError("别名“\(a)”同时属于“\(other)”和“\(f.id)”")
                }
                aliases[key] = f.id
            }
        }
        var parts: [String: Part] = [:]
        for (part, labels) in partLabels {
            for l in labels { parts[Label.normalize(l).text] = part }
        }
        self.byID = byID
        self.aliases = aliases
        self.parts = Dictionary(uniqueKeysWithValues: parts.map { (LabelKey($0.key), $0.value) })
        self.partsLongestFirstUTF8 = parts.sorted { ($0.key.count, $0.key) > ($1.key.count, $1.key) }.map { (Array($0.key.utf8), $0.value) }
    }

    /// A label that is only a part ("本月", "1—本月", "1-7月"); input already normalised.
    func part(_ text: String) -> Part? {
        if let p = parts[LabelKey(text)] { return p }
        return Label.isMonthRange(text) ? .ytd : nil
    }

    typealias Match = (field: FieldSpec, part: Part?)

    /// The field (and the part, when the label names one) for a normalised label.
    func match(_ text: String) -> Match? {
        FastText.withBytes(text) { b in FastText.isPlain(b) ? match(plain: b) : match(characters: text) }
    }

    /// `match` for any text, on Strings (LabelMatcherTests compares the byte path with it).
    func match(characters text: String) -> Match? {
        if let id = aliases[LabelKey(text)] { return (byID[id]!, nil) }
        // "工业总产值(本月)"
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            let inner = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
            if let p = part(inner), let id = aliases[LabelKey(String(text[..<open]))] { return (byID[id]!, p) }
        }
        // "工业总产值本年累计", "本月工业总产值", "工业总产值-1-7月". Compared as UTF-8 bytes: the
        // labels are NFKC already, and String's Unicode-aware hasSuffix is the slow part here.
        let bytes = Array(text.utf8)
        for (label, p) in partsLongestFirstUTF8 where label.count < bytes.count {
            if bytes.suffix(label.count).elementsEqual(label),
               let id = aliases[LabelKey(trim(String(decoding: bytes.dropLast(label.count), as: UTF8.self)))] { return (byID[id]!, p) }
            if bytes.prefix(label.count).elementsEqual(label),
               let id = aliases[LabelKey(trim(String(decoding: bytes.dropFirst(label.count), as: UTF8.self)))] { return (byID[id]!, p) }
        }
        if let at = bytes.indices.first(where: { $0 > 0 && bytes[$0] == UInt8(ascii: "1") && $0 + 1 < bytes.count && bytes[$0 + 1] == UInt8(ascii: "-") }) {
            let head = trim(String(decoding: bytes[..<at], as: UTF8.self)), tail = String(decoding: bytes[at...], as: UTF8.self)
            if Label.isMonthRange(tail), let id = aliases[LabelKey(head)] { return (byID[id]!, .ytd) }
        }
        return nil
    }

    private func trim(_ s: String) -> String {
        trim(Substring(s))
    }

    private func trim(_ s: Substring) -> String {
        var t = s
        while let c = t.last, c == "-" || c == ":" || c == "(" || c == "_" { t = t.dropLast() }
        while let c = t.first, c == "-" || c == ":" || c == ")" || c == "_" { t = t.dropFirst() }
        return String(t)
    }
}
