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
        if count + chunk.count > capacity { grow(to: count + chunk.count) }
        (base + count).update(from: src, count: chunk.count)
        count += chunk.count
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
