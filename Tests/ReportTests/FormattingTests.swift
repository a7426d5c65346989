import Foundation
import Testing
@testable import Report

/// `Formatting.fixed` replaces `String(format: "%.Nf")` for speed; it must give the same text for
/// every value, ties and signs included, or reports would change between versions.
@Suite struct FormattingTests {
    @Test func tiesRoundHalfToEvenOnTheBinaryValue() {
        for (d, n) in [(0.125, 2), (0.375, 2), (2.5, 0), (3.5, 0), (0.5, 0), (1.005, 2), (1.25, 1), (1.35, 1),
                       (-0.125, 2), (-2.5, 0), (0.045, 2), (1e-300, 2), (-0.0, 2), (0.0, 0), (4503599627370495.5, 0)] {
            #expect(Formatting.fixed(d, decimals: n) == String(format: "%.\(n)f", d), "\(d) \(n)")
        }
    }

    @Test func matchesPrintfOnManyValues() {
        var rng = SystemRandomNumberGenerator()
        for i in 0..<200_000 {
            let magnitude = Double.random(in: -8...16, using: &rng)
            var d = (Double.random(in: 0..<1, using: &rng) + 0.1) * pow(10, magnitude)
            if i % 3 == 0 { d = (d * 1000).rounded() / 1000 }   // the decimals reports actually carry
            if i % 2 == 0 { d = -d }
            let n = i % 3
            #expect(Formatting.fixed(d, decimals: n) == String(format: "%.\(n)f", d), "\(d) \(n)")
        }
    }

    @Test func ungroupedDropsTheSignOfZero() {
        #expect(Formatting.ungrouped(-0.001, decimals: 2) == "0.00")
        #expect(Formatting.ungrouped(-1234.5, decimals: 2) == "-1234.50")
        #expect(Formatting.ungrouped(1234567.891, decimals: 0) == "1234568")
    }
}

extension FormattingTests {
    @Test func groupsThousands() {
        for (d, n, text) in [(0.0, 2, "0.00"), (999.0, 0, "999"), (1000.0, 0, "1,000"), (-1000.5, 1, "-1,000.5"),
                             (123456.0, 2, "123,456.00"), (-1234567.0, 0, "-1,234,567"), (-0.04, 1, "0.0")] {
            #expect(Formatting.grouped(d, decimals: n) == text)
        }
    }
}

extension FormattingTests {
    /// grouped and ungrouped build their digits themselves: they must agree with printf too.
    @Test func groupedAndUngroupedAgreeWithPrintf() {
        var rng = SystemRandomNumberGenerator()
        for i in 0..<50_000 {
            var d = (Double.random(in: 0..<1, using: &rng) + 0.01) * pow(10, Double.random(in: -4...13, using: &rng))
            if i % 2 == 0 { d = -d }
            let n = i % 3
            var expected = String(format: "%.\(n)f", d)
            if expected.hasPrefix("-"), expected.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { expected.removeFirst() }
            #expect(Formatting.ungrouped(d, decimals: n) == expected, "\(d) \(n)")
            let grouped = Formatting.grouped(d, decimals: n)
            #expect(grouped.replacingOccurrences(of: ",", with: "") == expected, "\(d) \(n)")
            let whole = grouped.prefix { $0 != "." }.drop { $0 == "-" }
            #expect(String(whole).components(separatedBy: ",").dropFirst().allSatisfy { $0.count == 3 }, "\(grouped)")
        }
    }
}

extension FormattingTests {
    /// The workbook's column widths count the text of numbers without building it.
    @Test func displayWidthIsTheLengthOfTheDisplayedText() {
        var rng = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, -0.001, -0.04, 0.05, 999.995, 999.994, 1000, -1000.5, 123456, 1e15, -3e17, 0x1p52, .nan, .infinity]
        for i in 0..<50_000 {
            let d = (Double.random(in: 0..<1, using: &rng) + 0.01) * pow(10, Double.random(in: -4...16, using: &rng))
            values.append(i % 2 == 0 ? -d : d)
        }
        for d in values {
            for kind in [ValueKind.money, .decimal, .integer, .percent, .text] {
                #expect(Formatting.displayWidth(d, kind: kind) == Formatting.display(d, kind: kind).utf8.count, "\(d) \(kind)")
            }
        }
    }
}
