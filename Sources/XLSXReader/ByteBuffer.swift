/// A growable byte buffer for the SAX hot path. Raw memory rather than `[UInt8]`: appending a text
/// event is a capacity check and a copy, with no uniqueness check or generic append per event, and
/// `removeAll()` only resets the count. One spare byte is always kept so `withCString` can add a NUL,
/// and `padding` initialised bytes beyond that, so word-at-a-time readers may load 8 bytes from any
/// offset up to `count` (what lies past `count` is stale or zero, never part of the text).
struct ByteBuffer: ~Copyable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    static let padding = 8

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 16)
        base = ByteBuffer.allocate(self.capacity)
    }

    private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<UInt8> {
        let size = capacity + 1 + padding
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        p.initialize(repeating: 0, count: size)
        return p
    }

    deinit { base.deallocate() }

    var isEmpty: Bool { count == 0 }

    /// The bytes; valid until the next mutation.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    @inline(__always)
    mutating func removeAll() { count = 0 }

    @inline(__always)
    mutating func append(_ chunk: UnsafeBufferPointer<UInt8>) {
        guard let src = chunk.baseAddress else { return }
        let n = chunk.count
        if count + n > capacity { grow(to: count + n) }
        ByteBuffer.copy(UnsafeRawPointer(src), to: UnsafeMutableRawPointer(base + count), n)
        count += n
    }

    /// Copies `n` bytes. Most texts of a sheet are short: up to 16 bytes they are moved with two
    /// overlapping loads and stores, which touch no byte outside either range, instead of a call.
    @inline(__always)
    private static func copy(_ src: UnsafeRawPointer, to dst: UnsafeMutableRawPointer, _ n: Int) {
        if n >= 8 && n <= 16 {
            let a = src.loadUnaligned(as: UInt64.self)
            let b = src.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            dst.storeBytes(of: a, as: UInt64.self)
            dst.storeBytes(of: b, toByteOffset: n - 8, as: UInt64.self)
        } else if n >= 4 && n < 8 {
            let a = src.loadUnaligned(as: UInt32.self)
            let b = src.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
            dst.storeBytes(of: a, as: UInt32.self)
            dst.storeBytes(of: b, toByteOffset: n - 4, as: UInt32.self)
        } else if n > 0 && n < 4 {
            let first = src.load(as: UInt8.self)
            let middle = src.load(fromByteOffset: n >> 1, as: UInt8.self)
            let last = src.load(fromByteOffset: n - 1, as: UInt8.self)
            dst.storeBytes(of: first, as: UInt8.self)
            dst.storeBytes(of: middle, toByteOffset: n >> 1, as: UInt8.self)
            dst.storeBytes(of: last, toByteOffset: n - 1, as: UInt8.self)
        } else if n > 16 {
            dst.copyMemory(from: src, byteCount: n)
        }
    }

    /// Removes `range`, moving the bytes after it down (for trimming whitespace in place).
    mutating func remove(_ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count)
        (base + range.lowerBound).update(from: base + range.upperBound, count: count - range.upperBound)
        count -= range.count
    }

    /// The bytes as a NUL-terminated C string, for strtod.
    mutating func withCString<T>(_ body: (UnsafePointer<CChar>) -> T) -> T {
        base[count] = 0
        return UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: count + 1) { body($0) }
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let bigger = ByteBuffer.allocate(newCapacity)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = newCapacity
    }
}
