/// Clinger's fast path for the plain decimals that fill most sheets ("1234", "-0.25", "45504.5"):
/// a mantissa below 2^53 and at most 22 fraction digits is exact, and one IEEE division by an exact
/// power of ten rounds correctly. Anything else (exponents, long mantissas) goes to strtod.
enum FastNumber {
    private static let powers: [Double] = (0...22).map { k in
        var p = 1.0
        for _ in 0..<k { p *= 10 }
        return p
    }

    @inline(__always)
    static func parse(_ b: [UInt8]) -> Double? {
        var i = 0
        let n = b.count
        var negative = false
        if i < n && b[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = 0
        var seenDot = false
        var any = false
        while i < n {
            let c = b[i]
            if c >= 48 && c <= 57 {
                any = true
                if mantissa == 0 && c == 48 {
                    if seenDot { fraction += 1 }  // leading zeros add no precision
                } else {
                    digits += 1
                    if digits > 15 { return nil }
                    mantissa = mantissa * 10 + UInt64(c - 48)
                    if seenDot { fraction += 1 }
                }
            } else if c == UInt8(ascii: ".") && !seenDot {
                seenDot = true
            } else {
                return nil
            }
            i += 1
        }
        guard any, fraction <= 22 else { return nil }
        let value = Double(mantissa) / powers[fraction]
        return negative ? -value : value
    }
}
