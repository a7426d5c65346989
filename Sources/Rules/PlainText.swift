import Foundation

/// Plain text: inside `FastText`'s set and its own value text (no white space, nothing
/// full-width), as every label and value text from the fast path is. It is NFC and each scalar is
/// one Character, so Character-wise prefix, suffix, search and equality are byte-wise ones.
extension FastText {
    static func isPlain(_ s: String) -> Bool {
        withBytes(s) { isPlain($0) }
    }

    static func isPlain(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var changed = false
        return scan(b, changed: &changed) && !changed
    }

    /// Whether every scalar is in the set (white space and full-width forms included): then each
    /// scalar is its own Character except in "\r\n".
    static func inSet(_ s: String) -> Bool {
        var changed = false
        return withBytes(s) { scan($0, changed: &changed) }
    }

    /// Foundation's `range(of:)` for an NFC `needle`; on bytes when `s` is plain.
    static func range(of needle: String, in s: Substring, plain: Bool) -> Range<String.Index>? {
        guard plain else { return s.range(of: needle) }
        let n = Array(needle.utf8), u = s.utf8
        guard let first = n.first else { return s.range(of: needle) }
        var i = u.startIndex
        while let at = u[i...].firstIndex(of: first) {
            if u[at...].starts(with: n) { return at..<u.index(at, offsetBy: n.count) }
            i = u.index(after: at)
        }
        return nil
    }
}
