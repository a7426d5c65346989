#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Repeated cell texts (names, codes, categories down a column of inline strings) are built once:
/// a direct-mapped cache from a text's raw bytes to its decoded `String`, so a repeat costs a hash
/// and a memcmp instead of `_xHHHH_` decoding, UTF-8 validation, an allocation and, later, a free.
/// Exact: a hit needs the same bytes, and decoding depends on nothing else. Bounded whatever the
/// input (a miss overwrites its slot) and allocated on first use, so sheets of shared strings pay nothing.
struct TextCache: ~Copyable {
    private static let slotBits = 13
    private static let slotCount = 1 << slotBits
    /// Longer texts are rarely repeated verbatim; they are decoded every time.
    static let maxLength = 64

    private var keys: UnsafeMutablePointer<UInt8>?  // slotCount × maxLength bytes
    private var lengths: UnsafeMutablePointer<UInt8>?  // 0: empty slot
    private var strings: [String] = []

    init() {}

    deinit {
        keys?.deallocate()
        lengths?.deallocate()
    }

    /// The decoded text of `bytes` (see `XMLText.decodeEscapes`).
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let src = bytes.baseAddress, bytes.count > 0, bytes.count <= TextCache.maxLength else {
            return XMLText.decodeEscapes(bytes)
        }
        if keys == nil { allocate() }
        guard let keys, let lengths else { return XMLText.decodeEscapes(bytes) }
        let slot = TextCache.slot(bytes)
        let key = keys + slot * TextCache.maxLength
        if Int(lengths[slot]) == bytes.count && memcmp(key, src, bytes.count) == 0 { return strings[slot] }
        let s = XMLText.decodeEscapes(bytes)
        key.update(from: src, count: bytes.count)
        lengths[slot] = UInt8(bytes.count)
        strings[slot] = s
        return s
    }

    private mutating func allocate() {
        keys = .allocate(capacity: TextCache.slotCount * TextCache.maxLength)
        let l = UnsafeMutablePointer<UInt8>.allocate(capacity: TextCache.slotCount)
        l.initialize(repeating: 0, count: TextCache.slotCount)
        lengths = l
        strings = Array(repeating: "", count: TextCache.slotCount)
    }

    /// A multiplicative hash over 8-byte words, folded so the top bits pick the slot.
    @inline(__always)
    private static func slot(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        let raw = UnsafeRawPointer(b.baseAddress!)
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h = UInt64(b.count) &* k
        var i = 0
        while i + 8 <= b.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* k
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        while i < b.count {
            tail = tail << 8 | UInt64(b[i])
            i += 1
        }
        h = (h ^ tail) &* k
        return Int(truncatingIfNeeded: h >> UInt64(64 - slotBits))
    }
}
