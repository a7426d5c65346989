/// Clinger's fast path for the plain decimals that fill most sheets ("1234", "-0.25", "45504.5"):
/// a mantissa below 2^53 and at most 22 fraction digits is exact, and one IEEE division by an exact
/// power of ten rounds correctly. Anything else (exponents, long mantissas) goes to strtod.
enum FastNumber {
    @inline(__always)
    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        guard var p = b.baseAddress, !b.isEmpty else { return nil }
        let end = p + b.count
        let negative = p.pointee == UInt8(ascii: "-")
        if negative { p += 1 }
        let first = p
        while p < end && p.pointee == UInt8(ascii: "0") { p += 1 }  // leading zeros add no precision
        // Digits are counted by pointer difference, not per digit: the loops stay a load, a compare
        // and a multiply-add. Past 15 digits the result is refused, so wrapping cannot matter.
        var mantissa: UInt64 = 0
        var run = p
        while p < end, case let d = p.pointee &- UInt8(ascii: "0"), d < 10 {
            mantissa = mantissa &* 10 &+ UInt64(d)
            p += 1
        }
        var digits = p - run
        var any = p > first
        var fraction = 0
        if p < end && p.pointee == UInt8(ascii: ".") {
            p += 1
            let fractionStart = p
            if digits == 0 { while p < end && p.pointee == UInt8(ascii: "0") { p += 1 } }
            run = p
            while p < end, case let d = p.pointee &- UInt8(ascii: "0"), d < 10 {
                mantissa = mantissa &* 10 &+ UInt64(d)
                p += 1
            }
            digits += p - run
            fraction = p - fractionStart
            any = any || fraction > 0
        }
        guard p == end, any, digits <= 15, fraction <= 22 else { return nil }
        // Below 2^53, so the signed conversion (one instruction) is exact.
        let whole = Double(Int64(bitPattern: mantissa))
        let value = fraction == 0 ? whole : whole / power(fraction)
        return negative ? -value : value
    }

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

    /// 10^k for 0...22, each exact in a Double. A switch of literals (a constant table) rather than
    /// a static array, whose lazy initialisation check would run for every number.
    @inline(__always)
    private static func power(_ k: Int) -> Double {
        switch k {
        case 0: 1e0
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        case 16: 1e16
        case 17: 1e17
        case 18: 1e18
        case 19: 1e19
        case 20: 1e20
        case 21: 1e21
        default: 1e22
        }
    }
}
