/// Path components on bytes. `split(separator: "/")` walks Characters, and every file's path is
/// split several times (skip rules, month folder, period in the name). When every scalar of the
/// path is in `FastText`'s set each one is its own Character (only "\r\n" pairs, which hold no
/// "/"), so splitting the bytes gives exactly the same components.
enum PathName {
    /// `path.split(separator: "/")`: empty components dropped.
    static func components(_ path: String) -> [Substring] {
        guard FastText.inSet(path) else { return path.split(separator: "/") }
        let bytes = path.utf8
        var out: [Substring] = []
        var start = bytes.startIndex, i = start
        while i != bytes.endIndex {
            if bytes[i] == UInt8(ascii: "/") {
                if start != i { out.append(Substring(bytes[start..<i])) }
                start = bytes.index(after: i)
            }
            i = bytes.index(after: i)
        }
        if start != bytes.endIndex { out.append(Substring(bytes[start...])) }
        return out
    }

    /// The last component (`components(path).last`).
    static func last(_ path: String) -> Substring? {
        guard FastText.inSet(path) else { return path.split(separator: "/").last }
        let bytes = path.utf8
        var end = bytes.endIndex
        while end != bytes.startIndex, bytes[bytes.index(before: end)] == UInt8(ascii: "/") { end = bytes.index(before: end) }
        guard end != bytes.startIndex else { return nil }
        let start = bytes[..<end].lastIndex(of: UInt8(ascii: "/")).map { bytes.index(after: $0) } ?? bytes.startIndex
        return Substring(bytes[start..<end])
    }

    /// Where the last component sits in a path's bytes (trailing "/" dropped; empty when there is
    /// none): `last` on bytes, for a path inside `FastText`'s set.
    static func lastRange(_ b: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var end = b.count
        while end > 0, b[end - 1] == UInt8(ascii: "/") { end -= 1 }
        var start = end
        while start > 0, b[start - 1] != UInt8(ascii: "/") { start -= 1 }
        return start..<end
    }
}
