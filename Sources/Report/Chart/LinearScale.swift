import Foundation

/// Maps values to pixels, over a domain widened to "nice" round numbers so the axis ticks read
/// 0, 5 000, 10 000 … rather than 0, 4 557.7, 9 115.4 …
struct LinearScale {
    let lower: Double
    let upper: Double
    let step: Double
    let pixels: (from: Double, to: Double)

    /// A scale covering `values` (and zero, since bars and output start from nothing) with about
    /// `tickCount` ticks, mapped onto `from…to` (to < from for a y axis pointing up).
    init(covering values: [Double], tickCount: Int = 6, from: Double, to: Double) {
        let finite = values.filter(\.isFinite)
        let lo = min(finite.min() ?? 0, 0), hi = max(finite.max() ?? 0, 0)
        (lower, upper, step) = LinearScale.nice(lo, hi, tickCount: tickCount)
        pixels = (from, to)
    }

    /// Extends `lo…hi` outward to multiples of a step of 1, 2 or 5 × 10ⁿ.
    static func nice(_ lo: Double, _ hi: Double, tickCount: Int) -> (Double, Double, Double) {
        guard hi > lo else { return (lo, lo + 1, 1) }  // a flat series still needs an axis
        let raw = (hi - lo) / Double(max(tickCount, 1))
        let magnitude = pow(10, floor(log10(raw)))
        let fraction = raw / magnitude
        let step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude
        return (floor(lo / step) * step, ceil(hi / step) * step, step)
    }

    var ticks: [Double] {
        let n = Int(((upper - lower) / step).rounded())
        return (0...n).map { lower + Double($0) * step }
    }

    func callAsFunction(_ v: Double) -> Double {
        pixels.from + (v - lower) / (upper - lower) * (pixels.to - pixels.from)
    }

    /// Tick labels with thousands separators and only the decimals the step needs.
    func label(_ v: Double) -> String {
        let decimals = step >= 1 ? 0 : min(Int(ceil(-log10(step))), 6)
        return Formatting.grouped(v, decimals: decimals)
    }
}

/// SVG coordinates with one decimal: enough for the eye, short and the same on every machine.
func svgNumber(_ d: Double) -> String {
    let s = String(format: "%.1f", d)
    return s.hasSuffix(".0") ? String(s.dropLast(2)) : s == "-0" ? "0" : s
}
