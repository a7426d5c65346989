/// Repeated cell texts (names, codes, categories down a column of inline strings) are built once:
/// a cache from a text's raw bytes to its decoded `String`, so a repeat costs a hash and a few word
/// compares instead of `_xHHHH_` decoding, UTF-8 validation, an allocation and, later, a free.
/// Exact: a hit needs the same bytes, and decoding depends on nothing else. Bounded whatever the
/// input (a miss overwrites an entry), two-way set-associative (two texts whose hashes meet keep
/// both their entries), allocated on first use and grown only while it keeps missing: sheets of
/// shared strings pay nothing, a small sheet pays for a small table.
struct TextCache: ~Copyable {
    /// Longer texts are rarely repeated verbatim; they are decoded every time.
    static let maxLength = 64
    private static let initialSetBits = 7
    /// 2 × 2^13 entries: room for thousands of distinct names and codes (1 MiB of keys at most).
    private static let maxSetBits = 13

    private var setBits = 0  // 0: nothing allocated yet
    private var keys: UnsafeMutablePointer<UInt8>?  // entryCount × maxLength bytes
    private var lengths: UnsafeMutablePointer<UInt8>?  // per entry; 0: empty (its string uninitialised)
    private var strings: UnsafeMutablePointer<String>?
    private var recent: UnsafeMutablePointer<UInt8>?  // per set: the way hit or filled last
    private var misses = 0

    init() {}

    deinit { TextCache.free(setBits: setBits, keys: keys, lengths: lengths, strings: strings, recent: recent) }

    /// The decoded text of `bytes` (see `XMLText.decodeEscapes`).
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let n = bytes.count
        guard let src = bytes.baseAddress, n > 0, n <= TextCache.maxLength else {
            return XMLText.decodeEscapes(bytes)
        }
        if setBits == 0 { allocate(setBits: TextCache.initialSetBits) }
        guard let keys, let lengths, let strings, let recent else { return XMLText.decodeEscapes(bytes) }
        let hash = TextCache.hash(src, n)
        var set = Int(truncatingIfNeeded: hash >> UInt64(64 - setBits))
        for way in 0..<2 {
            let entry = set &* 2 &+ way
            if Int(lengths[entry]) == n && TextCache.equal(keys + entry &* TextCache.maxLength, src, n) {
                recent[set] = UInt8(way)
                return strings[entry]
            }
        }
        misses += 1
        if misses > 2 << setBits && setBits < TextCache.maxSetBits {
            // Thrashing: more distinct texts than entries. Start again, four times larger.
            allocate(setBits: min(setBits + 2, TextCache.maxSetBits))
            set = Int(truncatingIfNeeded: hash >> UInt64(64 - setBits))
            return insert(bytes, entry: set &* 2, set: set)
        }
        return insert(bytes, entry: set &* 2 &+ (1 &- Int(recent[set])), set: set)
    }

    private mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, entry: Int, set: Int) -> String {
        guard let keys, let lengths, let strings, let recent, let src = bytes.baseAddress else {
            return XMLText.decodeEscapes(bytes)
        }
        let s = XMLText.decodeEscapes(bytes)
        if lengths[entry] == 0 {
            (strings + entry).initialize(to: s)
        } else {
            strings[entry] = s
        }
        (keys + entry &* TextCache.maxLength).update(from: src, count: bytes.count)
        lengths[entry] = UInt8(bytes.count)
        recent[set] = UInt8(entry & 1)
        return s
    }

    private mutating func allocate(setBits bits: Int) {
        release()
        let sets = 1 << bits
        let entries = 2 * sets
        keys = .allocate(capacity: entries * TextCache.maxLength)
        let l = UnsafeMutablePointer<UInt8>.allocate(capacity: entries)
        l.initialize(repeating: 0, count: entries)
        lengths = l
        strings = .allocate(capacity: entries)
        let r = UnsafeMutablePointer<UInt8>.allocate(capacity: sets)
        r.initialize(repeating: 0, count: sets)
        recent = r
        setBits = bits
        misses = 0
    }

    /// Frees the table.
    private mutating func release() {
        TextCache.free(setBits: setBits, keys: keys, lengths: lengths, strings: strings, recent: recent)
        keys = nil
        lengths = nil
        strings = nil
        recent = nil
        setBits = 0
    }

    /// Deinitialises only the strings of filled entries.
    private static func free(setBits: Int, keys: UnsafeMutablePointer<UInt8>?, lengths: UnsafeMutablePointer<UInt8>?,
                             strings: UnsafeMutablePointer<String>?, recent: UnsafeMutablePointer<UInt8>?) {
        guard setBits > 0, let keys, let lengths, let strings, let recent else { return }
        for i in 0..<(2 << setBits) where lengths[i] != 0 { (strings + i).deinitialize(count: 1) }
        keys.deallocate()
        lengths.deallocate()
        strings.deallocate()
        recent.deallocate()
    }

    /// Eight bytes of `p` from `offset` (unaligned).
    @inline(__always)
    private static func word(_ p: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UnsafeRawPointer(p).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
    }

    /// All `n` (< 8) bytes of `p` packed in one word, read without going past `p + n`: two
    /// overlapping 4-byte loads from 4 bytes up, the first, middle and last byte below that.
    @inline(__always)
    private static func short(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        if n >= 4 {
            let raw = UnsafeRawPointer(p)
            let a = raw.loadUnaligned(as: UInt32.self)
            let b = raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
            return UInt64(a) | UInt64(b) << 32
        }
        return UInt64(p[0]) | UInt64(p[n >> 1]) << 8 | UInt64(p[n - 1]) << 16
    }

    /// A multiplicative hash over 8-byte words (the last one overlapping the one before it),
    /// folded so the top bits pick the set.
    @inline(__always)
    private static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h = UInt64(truncatingIfNeeded: n) &* k
        if n < 8 {
            h = (h ^ short(p, n)) &* k
        } else {
            var i = 0
            while i < n - 8 {
                h = (h ^ word(p, i)) &* k
                h ^= h >> 29
                i += 8
            }
            h = (h ^ word(p, n - 8)) &* k
        }
        return h
    }

    /// Same `n` bytes? Word compares covering every byte, never reading past either text.
    @inline(__always)
    private static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        if n < 8 { return short(a, n) == short(b, n) }
        var i = 0
        while i < n - 8 {
            if word(a, i) != word(b, i) { return false }
            i += 8
        }
        return word(a, n - 8) == word(b, n - 8)
    }
}
