/// A text made of `FastText`'s scalars, split at its first colon (":" or "："). §4 maps each such
/// scalar on its own, so what the part before the colon labels follows from that part alone, and
/// "单位名称：巴中某某公司", a line every file words differently, is understood from "单位名称" kept
/// once (`LabelCache`) instead of being worked out, and kept, text by text.
struct ColonText {
    let before: Substring
    let after: Substring
    /// Whether the text holds 位 (of "单位:") or 报 (of "报告期:"), which title lines look for anywhere.
    let hasUnitOrReportWord: Bool

    /// The text split at its first colon; or why it is not.
    static func split(_ raw: String) -> Split {
        FastText.withBytes(raw) { b -> Split in
            var i = 0, colon: (at: Int, length: Int)?, words = false
            while i < b.count {
                let (u, len) = FastText.decode(b, i)
                guard FastText.map(u) != nil else { return .outsideSet }
                if colon == nil, u == 0x3A || u == 0xFF1A { colon = (i, len) }
                if u == 0x4F4D || u == 0x62A5 { words = true }
                i += len
            }
            guard let colon else { return .noColon }
            let u = raw.utf8
            let at = u.index(u.startIndex, offsetBy: colon.at), next = u.index(at, offsetBy: colon.length)
            return .colon(ColonText(before: raw[..<at], after: raw[next...], hasUnitOrReportWord: words))
        }
    }

    enum Split {
        case outsideSet, noColon
        case colon(ColonText)
    }
}
