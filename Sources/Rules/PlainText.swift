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
        guard plain, !needle.isEmpty else { return s.range(of: needle) }
        // Searched in place: the title lines of every sheet pass through here.
        let found = s.utf8.withContiguousStorageIfAvailable { hay in
            withBytes(needle) { n in firstOffset(of: n, in: hay) }
        }
        guard let offset = found else { return slowRange(of: needle, in: s) }
        guard let offset else { return nil }
        let at = s.utf8.index(s.utf8.startIndex, offsetBy: offset)
        return at..<s.utf8.index(at, offsetBy: needle.utf8.count)
    }

    private static func firstOffset(of n: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Int? {
        guard hay.count >= n.count else { return nil }
        for i in 0...(hay.count - n.count) where hay[i] == n[0] {
            if memcmp(hay.baseAddress! + i, n.baseAddress!, n.count) == 0 { return i }
        }
        return nil
    }

    /// For substrings without contiguous storage (bridged text).
    private static func slowRange(of needle: String, in s: Substring) -> Range<String.Index>? {
        let n = Array(needle.utf8), u = s.utf8
        var i = u.startIndex
        while let at = u[i...].firstIndex(of: n[0]) {
            if u[at...].starts(with: n) { return at..<u.index(at, offsetBy: n.count) }
            i = u.index(after: at)
        }
        return nil
    }
}
