import SheetModel

/// The reader's word-at-a-time reading of `FastNumber` for cell values in a `ByteBuffer`.
extension FastNumber {
    /// The same result as `parse(buffer.bytes)`, reading the common shapes (up to 8 integer digits,
    /// optionally a point and up to 8 fraction digits) a word at a time: ByteBuffer's padding makes
    /// the 8-byte loads safe, and every byte at or past `count` is ignored.
    @inline(__always)
    static func parse(_ buffer: borrowing ByteBuffer) -> Double? {
        let count = buffer.count
        guard count > 0 else { return nil }
        let base = UnsafePointer(buffer.base)
        let negative = base.pointee == UInt8(ascii: "-")
        var p = negative ? 1 : 0
        let w1 = word(base + p)
        let k1 = min(digitRun(w1), count - p)
        guard k1 > 0 else { return parse(buffer.bytes) }
        var mantissa = digits(w1, k1)
        p += k1
        var fraction = 0
        if p < count {
            guard base[p] == UInt8(ascii: ".") else { return parse(buffer.bytes) }
            p += 1
            let w2 = word(base + p)
            let k2 = min(digitRun(w2), count - p)
            guard k2 > 0 else { return parse(buffer.bytes) }
            mantissa = mantissa &* powerOfTen(k2) &+ digits(w2, k2)
            p += k2
            fraction = k2
        }
        // Up to 2^53 the mantissa is exact, so Clinger's path rounds as strtod would.
        guard p == count, mantissa <= 1 << 53 else { return parse(buffer.bytes) }
        let whole = Double(Int64(bitPattern: mantissa))
        let value = fraction == 0 ? whole : whole / power(fraction)
        return negative ? -value : value
    }

    @inline(__always)
    private static func word(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    }

    /// How many of the word's bytes, from the first, are ASCII digits (0...8). A digit's high nibble
    /// is 3 both as is and plus 6; nothing carries out of a digit, so the first non-digit is exact.
    @inline(__always)
    private static func digitRun(_ w: UInt64) -> Int {
        let high: UInt64 = 0xF0F0_F0F0_F0F0_F0F0
        let nibbles = (w & high) | ((w &+ 0x0606_0606_0606_0606) & high) >> 4
        let nonDigits = nibbles ^ 0x3333_3333_3333_3333
        return nonDigits == 0 ? 8 : nonDigits.trailingZeroBitCount >> 3
    }

    /// The value of the word's first `k` (1...8) bytes, all digits: the bytes past them are shifted
    /// out, leaving zeros that read as leading zeros, then digits are paired, paired again and summed.
    @inline(__always)
    private static func digits(_ w: UInt64, _ k: Int) -> UInt64 {
        var v = (w &- 0x3030_3030_3030_3030) &<< UInt64(64 - 8 * k)
        v = v &* 10 &+ v >> 8
        let low = (v & 0x0000_00FF_0000_00FF) &* (100 + 1_000_000 << 32)
        let high = (v >> 16 & 0x0000_00FF_0000_00FF) &* (1 + 10_000 << 32)
        return (low &+ high) >> 32
    }

    /// 10^k for 1...8, as an integer.
    @inline(__always)
    private static func powerOfTen(_ k: Int) -> UInt64 {
        switch k {
        case 1: 10
        case 2: 100
        case 3: 1000
        case 4: 10000
        case 5: 100_000
        case 6: 1_000_000
        case 7: 10_000_000
        default: 100_000_000
        }
    }
}
