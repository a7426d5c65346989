import Foundation
import Synchronization

/// A header or indicator label after DOMAIN.md §4 normalisation, with the unit it carried.
struct NormalizedLabel: Hashable {
    var text: String
    var unit: Unit?
}

enum Label {
    /// NFKC (full-width → ASCII), no white space at all, one kind of dash. Used for values too.
    static func normalizeValueText(_ s: String) -> String {
        FastText.valueText(s) ?? foundationValueText(s)
    }

    /// Rare scalars go through Foundation's NFKC, which is slow: remember them.
    static func foundationValueText(_ s: String) -> String {
        valueTextCache.value(for: s) { computeValueText(s) }
    }

    /// The Foundation path, for any text (FastTextTests compares the fast path with it).
    static func computeValueText(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.precomposedStringWithCompatibilityMapping.unicodeScalars {
            if u.properties.isWhitespace || u == "\u{200B}" || u == "\u{FEFF}" { continue }
            out.append(u)
        }
        return String(out)
    }

    /// §4: NFKC, no white space (U+3000, NBSP, line breaks), brackets （）【】[] → (), dashes → "-",
    /// trailing unit in brackets or after "/" removed and remembered, leading 其中: removed.
    static func normalize(_ raw: String) -> NormalizedLabel {
        fastLabel(raw) ?? labelCache.value(for: raw) { computeLabel(raw) }
    }

    private static let valueTextCache = MemoCache<String>()
    private static let labelCache = MemoCache<NormalizedLabel>()

    /// The String path, for any text (FastTextTests compares `fastLabel` with it).
    static func computeLabel(_ raw: String) -> NormalizedLabel {
        var s = String.UnicodeScalarView()
        for u in foundationValueText(raw).unicodeScalars {
            switch u {
            case "【", "[", "〔", "{": s.append("(")
            case "】", "]", "〕", "}": s.append(")")
            case "—", "–", "―", "─", "−", "~", "〜": s.append("-")
            default: s.append(u)
            }
        }
        var text = String(s)
        while text.hasSuffix(":") { text.removeLast() }
        if text.hasPrefix("其中:") { text.removeFirst(3) } else if text.hasPrefix("其中") && text.count > 2 { text.removeFirst(2) }
        var unit: Unit?
        // "工业总产值(当年价格)(万元)": only a bracket holding a unit is a unit.
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            let inner = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
            if let u = Unit.foundationParse(inner) {
                unit = u
                text = String(text[..<open])
            }
        }
        if unit == nil, let slash = text.lastIndex(of: "/") {
            if let u = Unit.foundationParse(String(text[text.index(after: slash)...])) {
                unit = u
                text = String(text[..<slash])
            }
        }
        return NormalizedLabel(text: text, unit: unit)
    }

    /// "1-7月", "1至7月", "本年1-7月", "1-7月累计": a year-to-date range.
    static func isMonthRange(_ s: String) -> Bool {
        FastText.withBytes(s) { b in FastText.isPlain(b) ? isMonthRange(bytes: b[...]) : isMonthRange(characters: s) }
    }

    private static let benNian = Array("本年".utf8), leiJi = Array("累计".utf8), yue = Array("月".utf8)
    private static let oneDash = Array("1-".utf8), oneZhi = Array("1至".utf8), ben = Array("本".utf8)

    /// `isMonthRange` for plain text (`FastText.isPlain`), where Characters are scalars.
    static func isMonthRange(bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var t = bytes
        if t.starts(with: benNian) { t = t.dropFirst(benNian.count) }
        if t.count >= leiJi.count, t.suffix(leiJi.count).elementsEqual(leiJi) { t = t.dropLast(leiJi.count) }
        if t.starts(with: oneDash) { t = t.dropFirst(oneDash.count) } else if t.starts(with: oneZhi) { t = t.dropFirst(oneZhi.count) } else { return false }
        guard t.count >= yue.count, t.suffix(yue.count).elementsEqual(yue) else { return false }
        t = t.dropLast(yue.count)
        return t.elementsEqual(ben) || (1...2).contains(t.count) && t.allSatisfy { $0 < 0x80 }
            && Int(String(decoding: t, as: UTF8.self)).map { (1...12).contains($0) } == true
    }

    static func isMonthRange(characters s: String) -> Bool {
        var t = Substring(s)
        if t.hasPrefix("本年") { t = t.dropFirst(2) }
        if t.hasSuffix("累计") { t = t.dropLast(2) }
        guard t.hasPrefix("1-") || t.hasPrefix("1至") else { return false }
        t = t.dropFirst(2)
        guard t.hasSuffix("月") else { return false }
        t = t.dropLast()
        return t == "本" || (1...2).contains(t.count) && t.allSatisfy(\.isASCII) && Int(t).map { (1...12).contains($0) } == true
    }
}

/// A bounded, thread-safe memo of normalisations, shared by the validator's worker threads.
final class MemoCache<Value: Sendable>: Sendable {
    private let table = Mutex<[String: Value]>([:])
    private let limit = 50_000

    func value(for key: String, _ compute: () -> Value) -> Value {
        if let hit = table.withLock({ $0[key] }) { return hit }
        let v = compute()
        table.withLock { t in
            if t.count >= limit { t.removeAll(keepingCapacity: true) }
            t[key] = v
        }
        return v
    }
}
