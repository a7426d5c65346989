import Testing
import SheetModel
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

    /// The word-at-a-time path of a ByteBuffer (whose padding holds stale bytes of longer texts)
    /// gives exactly what the byte loop, or failing that strtod, gives.
    @Test func bufferPathAgreesWithTheByteLoop() {
        var buffer = ByteBuffer()
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789012345678901234567890123456789.-eE+ x".utf8)
        var texts = ["0", "-0", "7", "12345678", "123456789", "1.5", "12345678.12345678", "9007199254740993",
                     "9007199254740992", "900719925474099.3", "1.", ".5", "-.5", "1.2.3", "--1", "1-", "1e5", "00000000.1"]
        for _ in 0..<20_000 {
            let n = Int.random(in: 1...20, using: &rng)
            texts.append(String(decoding: (0..<n).map { _ in alphabet.randomElement(using: &rng)! }, as: UTF8.self))
        }
        for text in texts {
            // Leave digits past the text's end, as a longer previous value would.
            buffer.removeAll()
            Array("99999999999999999999999999".utf8).withUnsafeBufferPointer { buffer.append($0) }
            buffer.removeAll()
            Array(text.utf8).withUnsafeBufferPointer { buffer.append($0) }
            let fast = FastNumber.parse(buffer)
            let loop = parse(text)
            if let fast {
                let expected = loop ?? Double(text)
                #expect(fast.bitPattern == expected?.bitPattern, "\(text)")
            } else {
                #expect(loop == nil, "\(text)")
            }
        }
    }
}
