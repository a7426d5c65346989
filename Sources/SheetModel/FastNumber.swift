/// Clinger's fast path for the plain decimals that fill most sheets ("1234", "-0.25", "45504.5"):
/// a mantissa below 2^53 and at most 22 fraction digits is exact, and one IEEE division by an exact
/// power of ten rounds correctly. Anything else (exponents, long mantissas) is nil, for the standard
/// library's reading. Shared by the XLSX reader (cell values) and the store (facts JSON); inlinable,
/// as it runs for every number cell.
public enum FastNumber {
    @inlinable @inline(__always)
    public static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
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

    /// 10^k for 0...22, each exact in a Double. A switch of literals (a constant table) rather than
    /// a static array, whose lazy initialisation check would run for every number.
    @inlinable @inline(__always)
    public static func power(_ k: Int) -> Double {
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
