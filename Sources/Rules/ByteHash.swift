/// A 64-bit hash of bytes, eight bytes a step: for file fingerprints, and for keys of texts whose
/// `Hashable` feeds it to the `Hasher` instead of every byte (SipHash over each byte of a label
/// was a tenth of checking a file). Not for adversarial input: equal hashes are always confirmed.
enum ByteHash {
    static func hash(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var i = 0
        while i + 8 <= raw.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            i += 8
        }
        while i < raw.count { h = (h ^ UInt64(raw[i])) &* 0x0000_0100_0000_01B3; i += 1 }
        return h
    }
}
