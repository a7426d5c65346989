import Testing
@testable import XLSXReader

@Suite struct FastNumberTests {
    private func parse(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { FastNumber.parse($0) }
    }


    @Test func agreesWithTheStandardLibrary() {
        for text in ["0", "1", "-5", "12.5", "45504.5", "0.1", "0.0000001", "923.07", "-0.25", "123456789012345",
                     "3.14159265358979", "107877224107.044", "00012", "0.000",
                     "0.0000000000000000000001"] {
            #expect(parse(text) == Double(text), "\(text)")
        }
    }

    @Test func leavesTheHardCasesToStrtod() {
        for text in ["1E+20", "1e-5", "1234567890123456789", "", "-", ".", "1.2.3", " 1", "inf", "0x10",
                     "0.00000000000000000000001"] {
            #expect(parse(text) == nil, "\(text)")
        }
    }
}
