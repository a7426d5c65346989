/// §4 normalisation (NFKC, no white space) done on UTF-8 bytes for the scalars forms are made of:
/// ASCII, CJK ideographs, full-width ASCII, white space and a few punctuation marks that are their
/// own NFKC form. Any other scalar makes these functions return nil and the caller takes the
/// Foundation path, so results are always exactly Foundation's (FastTextTests checks every scalar
/// of the set against it). Within the set every scalar is its own Character, nothing composes and
/// case mapping only touches A–Z, which is what lets the label rules below work on bytes.
enum FastText {
    /// What `map` returns for a scalar §4 drops.
    static let dropped = UInt32.max

    /// What §4 does with one scalar: keep it, drop it (white space, ZWSP, BOM), or map it.
    /// Returns the scalar to write, `dropped`, or nil when it is outside the set.
    @inline(__always)
    static func map(_ u: UInt32) -> UInt32? {
        switch u {
        case 0x09...0x0D, 0x20: return dropped
        case 0...0x7F: return u
        case 0x4E00...0x9FFF: return u                 // CJK Unified Ideographs
        case 0xFF01...0xFF5E: return u - 0xFEE0        // full-width ASCII
        case 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: return dropped
        case 0xB7, 0xD7,                               // · ×
             0x2013, 0x2014, 0x2015, 0x2018, 0x2019, 0x201C, 0x201D, // – — ― ‘ ’ “ ”
             0x2212, 0x2500,                           // − ─
             0x3001, 0x3002, 0x3008...0x3011, 0x3014...0x3017, 0x301C, 0x30FB: // 、。〈〉《》「」『』【】〔〕〖〗〜・
            return u
        default: return nil
        }
    }

    /// The §4 value text of `s` (what `Label.normalizeValueText` returns), or nil outside the set.
    static func valueText(_ s: String) -> String? {
        let n = s.utf8.count
        var changed = false
        let known = withBytes(s) { src in scan(src, changed: &changed) }
        guard known else { return nil }
        guard changed else { return s }
        return String(unsafeUninitializedCapacity: n) { out in
            withBytes(s) { src in write(src, into: out, label: false) } ?? 0
        }
    }

    /// The bytes of `s` for `body`, without copying native strings.
    @inline(__always)
    static func withBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = s
        return copy.withUTF8(body)
    }

    /// Whether every scalar is in the set; `changed` when the value text differs from the input.
    static func scan(_ src: UnsafeBufferPointer<UInt8>, changed: inout Bool) -> Bool {
        var i = 0
        while i < src.count {
            let (u, len) = decode(src, i)
            guard let m = map(u) else { return false }
            if m != u { changed = true }
            i += len
        }
        return true
    }

    /// Writes the value text (with `label`, also §4's one kind of bracket and dash) into `out`,
    /// which holds at least `src.count` bytes: no scalar grows. Returns the length, nil outside the set.
    static func write(_ src: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>, label: Bool) -> Int? {
        var i = 0, o = 0
        while i < src.count {
            let (u, len) = decode(src, i)
            i += len
            guard var m = map(u) else { return nil }
            if m == dropped { continue }
            if label { m = labelMap(m) }
            o += encode(m, into: out, at: o)
        }
        return o
    }

    /// 【[〔{ → (, 】]〕} → ), dashes and tildes → "-" (applied after NFKC, as `Label.normalize` does).
    @inline(__always)
    static func labelMap(_ u: UInt32) -> UInt32 {
        switch u {
        case 0x3010, 0x5B, 0x3014, 0x7B: return 0x28
        case 0x3011, 0x5D, 0x3015, 0x7D: return 0x29
        case 0x2014, 0x2013, 0x2015, 0x2500, 0x2212, 0x7E, 0x301C: return 0x2D
        default: return u
        }
    }

    /// One scalar from valid UTF-8 (Swift strings always are), and its length in bytes.
    @inline(__always)
    static func decode(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let b0 = UInt32(s[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(s[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 { return ((b0 & 0x0F) << 12 | UInt32(s[i + 1] & 0x3F) << 6 | UInt32(s[i + 2] & 0x3F), 3) }
        return ((b0 & 0x07) << 18 | UInt32(s[i + 1] & 0x3F) << 12 | UInt32(s[i + 2] & 0x3F) << 6 | UInt32(s[i + 3] & 0x3F), 4)
    }

    /// Writes a scalar below U+10000 (all the set holds) as UTF-8; returns its length.
    @inline(__always)
    static func encode(_ u: UInt32, into out: UnsafeMutableBufferPointer<UInt8>, at o: Int) -> Int {
        if u < 0x80 { out[o] = UInt8(u); return 1 }
        if u < 0x800 {
            out[o] = UInt8(0xC0 | u >> 6); out[o + 1] = UInt8(0x80 | u & 0x3F)
            return 2
        }
        out[o] = UInt8(0xE0 | u >> 12); out[o + 1] = UInt8(0x80 | (u >> 6) & 0x3F); out[o + 2] = UInt8(0x80 | u & 0x3F)
        return 3
    }
}
